import { articleOfRow, articlePackRange, buildPack, idOfRow, PACK_SIZE, type AnnotationPack, type PackKey } from './annotation-pack';
import type { WorkbenchDb } from './workbench-db';
import { withKeysInCanonicalOrder } from '../../../shared/export/canonical-json';

/*
 * The one read-modify-write of annotation packs: load the packs a change touches, apply it to
 * their rows in memory, write back only the packs that changed (deleting those left empty), all
 * in one transaction. Each annotation id lives in exactly one pack; `PackEdit` keeps it so. New
 * annotations go into their article's last pack while it has room, then into a new one. Rows are
 * stored with their keys in the order the project archive writes them, so exporting it needs no
 * sorted copy of each.
 */

/** Which packs an edit needs: the last of each of `articleIds` and those holding `ids`, or every pack. */
export type PackScope = { ids: readonly string[]; articleIds: readonly string[] } | 'all';

/** A removed row's place, so that removing keeps the other rows' positions until the packs are saved. */
const REMOVED: unique symbol = Symbol('removed');

interface LoadedPack {
  articleId: string;
  chunk: number;
  rows: unknown[];
  /** Rows not removed. */
  size: number;
}

interface Place {
  pack: LoadedPack;
  index: number;
}

const textOf = (articleId: string, chunk: number) => JSON.stringify([articleId, chunk]);

/** The loaded packs' rows, changed in memory. */
export class PackEdit {
  private readonly packs = new Map<string, LoadedPack>();
  /** Per article whose packs' keys were read: its last pack's number, `-1` when it has none. */
  private readonly lastChunks = new Map<string, number>();
  private readonly places = new Map<string, Place>();
  private readonly touched = new Set<LoadedPack>();

  /** @param everyPack whether every stored pack is loaded (so an article with none loaded has none). */
  constructor(private readonly everyPack: boolean) {}

  /** Adds a pack as stored; a pack already loaded is kept as edited. */
  load(stored: AnnotationPack): void {
    const text = textOf(stored.articleId, stored.chunk);
    if (this.packs.has(text)) return;
    const pack: LoadedPack = { articleId: stored.articleId, chunk: stored.chunk, rows: [...stored.annotations], size: stored.annotations.length };
    this.packs.set(text, pack);
    pack.rows.forEach((row, index) => {
      const id = idOfRow(row);
      if (id !== undefined) this.places.set(id, { pack, index });
    });
  }

  /** Records that `articleId` has a pack numbered `chunk` (loaded or not); `-1`: its packs were looked up. */
  noteChunk(articleId: string, chunk: number): void {
    this.lastChunks.set(articleId, Math.max(chunk, this.lastChunks.get(articleId) ?? -1));
  }

  /** The number of the last pack of `articleId` (-1: none), when its packs' keys were read. */
  lastChunk(articleId: string): number | undefined {
    return this.lastChunks.get(articleId) ?? (this.everyPack ? -1 : undefined);
  }

  /** Whether annotation `id` is among the loaded rows. */
  holds(id: string): boolean {
    return this.places.has(id);
  }

  /** Stores `row`: in place of the row with its id in the same article, or at the end of the article's last pack. */
  put(given: { id: string; articleId: string }): void {
    const row = withKeysInCanonicalOrder(given);
    const place = this.places.get(row.id);
    if (place?.pack.articleId === row.articleId) {
      place.pack.rows[place.index] = row;
      this.touched.add(place.pack);
      return;
    }
    if (place) this.remove(row.id);
    const pack = this.packWithRoom(row.articleId);
    this.places.set(row.id, { pack, index: pack.rows.length });
    pack.rows.push(row);
    pack.size += 1;
    this.touched.add(pack);
  }

  /** Removes annotation `id` when it is loaded; does nothing otherwise. */
  remove(id: string): void {
    const place = this.places.get(id);
    if (!place) return;
    place.pack.rows[place.index] = REMOVED;
    place.pack.size -= 1;
    this.places.delete(id);
    this.touched.add(place.pack);
  }

  /**
   * Replaces, in place, each loaded row among `ids` (every loaded row for `null`) for which `modify`
   * returns a replacement. Returns the ids replaced. Throws when a replacement changes its row's id
   * or article (that is a move: {@link put} it).
   */
  rewrite<Id extends string>(ids: ReadonlySet<Id> | null, modify: (row: unknown) => unknown): Id[] {
    const rewritten: Id[] = [];
    for (const pack of this.packs.values()) {
      pack.rows.forEach((row, index) => {
        const id = idOfRow(row);
        if (row === REMOVED || id === undefined || (ids !== null && !ids.has(id as Id))) return;
        const changed = modify(row);
        if (changed === undefined) return;
        const replacement = withKeysInCanonicalOrder(changed);
        if (idOfRow(replacement) !== id || articleOfRow(replacement) !== articleOfRow(row)) throw new Error(`A rewrite may not change the id or the article of annotation “${id}”`);
        pack.rows[index] = replacement;
        rewritten.push(id as Id);
        this.touched.add(pack);
      });
    }
    return rewritten;
  }

  /** Writes back the packs that changed: emptied ones are deleted, the others replaced whole. */
  async save(db: WorkbenchDb): Promise<void> {
    const emptied: PackKey[] = [];
    const packs: AnnotationPack[] = [];
    for (const { articleId, chunk, rows } of this.touched) {
      const kept = rows.filter((row) => row !== REMOVED);
      if (kept.length === 0) emptied.push([articleId, chunk] as PackKey);
      else packs.push(buildPack(articleId, chunk, kept));
    }
    if (emptied.length > 0) await db.annotationPacks.bulkDelete(emptied);
    if (packs.length > 0) await db.annotationPacks.bulkPut(packs);
    this.touched.clear();
  }

  /** The article's last pack when it has room, otherwise a new pack after it. */
  private packWithRoom(articleId: string): LoadedPack {
    const last = this.lastChunk(articleId);
    if (last === undefined) throw new Error(`The packs of article “${articleId}” were not looked up before writing to it`);
    const pack = this.packs.get(textOf(articleId, last));
    if (pack && pack.size < PACK_SIZE) return pack;
    if (!pack && last >= 0) throw new Error(`The last pack of article “${articleId}” was not loaded before writing to it`);
    const created: LoadedPack = { articleId, chunk: last + 1, rows: [], size: 0 };
    this.packs.set(textOf(articleId, created.chunk), created);
    this.lastChunks.set(articleId, created.chunk);
    return created;
  }
}

/**
 * Loads the packs `scope` names, lets `edit` change them, and writes back what changed, in one
 * 'rw' transaction (the caller's, when it has one including `db.annotationPacks`). When `edit`
 * throws, nothing is written.
 */
export async function editPacks<T>(db: WorkbenchDb, scope: PackScope, edit: (packs: PackEdit) => T): Promise<T> {
  return db.transaction('rw', db.annotationPacks, async () => {
    const packs = new PackEdit(scope === 'all');
    if (scope === 'all') {
      for (const pack of await db.annotationPacks.toArray()) {
        packs.load(pack);
        packs.noteChunk(pack.articleId, pack.chunk);
      }
    } else {
      await loadScope(db, packs, [...new Set(scope.articleIds)], scope.ids);
    }
    const result = edit(packs);
    await packs.save(db);
    return result;
  });
}

/** Up to this many articles and ids, {@link loadScope} reads their packs directly, one request each, all at once. */
const FEW = 8;

/**
 * Loads each article's last pack (where new annotations go) and every pack holding one of `ids`.
 * For a few (a highlight created, edited or deleted), one request each for the packs themselves,
 * all sent at once: one round trip before the write. For many (an import), keys first (the
 * articles' packs by one cursor over their ranges, the holders by the ids' index), then the packs
 * wanted in one request: a pack holding many of the ids is read once, not once per id.
 */
async function loadScope(db: WorkbenchDb, packs: PackEdit, articleIds: readonly string[], ids: readonly string[]): Promise<void> {
  for (const articleId of articleIds) packs.noteChunk(articleId, -1);
  if (articleIds.length <= FEW && ids.length <= FEW) {
    const found = await Promise.all([
      ...articleIds.map(async (articleId) => {
        const [lower, upper] = articlePackRange(articleId);
        const last = await db.annotationPacks.where(':id').between(lower, upper).last();
        return last ? [last] : [];
      }),
      ...ids.map((id) => db.annotationPacks.where('annotationIds').equals(id).toArray()),
    ]);
    for (const pack of found.flat()) {
      if (articleIds.includes(pack.articleId)) packs.noteChunk(pack.articleId, pack.chunk);
      packs.load(pack);
    }
    return;
  }
  const [articleKeys, holderKeys] = await Promise.all([
    articleIds.length > 0 ? db.annotationPacks.where(':id').inAnyRange(articleIds.map(articlePackRange)).primaryKeys() : [],
    ids.length > 0 ? db.annotationPacks.where('annotationIds').anyOf([...ids]).primaryKeys() : [],
  ]);
  for (const [articleId, chunk] of articleKeys) packs.noteChunk(articleId, chunk);
  const last = articleIds.flatMap((articleId): PackKey[] => {
    const chunk = packs.lastChunk(articleId) ?? -1;
    return chunk >= 0 ? [[articleId as PackKey[0], chunk]] : [];
  });
  const wanted = [...new Map([...last, ...holderKeys].map((key) => [textOf(...key), key])).values()];
  if (wanted.length === 0) return;
  for (const pack of await db.annotationPacks.bulkGet(wanted)) if (pack) packs.load(pack);
}
