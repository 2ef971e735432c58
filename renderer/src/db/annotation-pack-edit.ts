import { articleOfRow, buildPack, idOfRow, type AnnotationPack } from './annotation-pack';
import type { WorkbenchDb } from './workbench-db';

/*
 * The one read-modify-write of annotation packs: load the packs a change touches, apply it to
 * their rows in memory, write back only the packs that changed (deleting those left empty), all
 * in one transaction. Each annotation id lives in exactly one pack; `PackEdit` keeps it so.
 */

/** Which packs an edit needs: those of `articleIds` and those holding `ids`, or every pack. */
export type PackScope = { ids: readonly string[]; articleIds: readonly string[] } | 'all';

/** A removed row's place, so that removing keeps the other rows' positions until the packs are saved. */
const REMOVED: unique symbol = Symbol('removed');

interface Place {
  articleId: string;
  index: number;
}

/** The loaded packs' rows, changed in memory. */
export class PackEdit {
  private readonly rows = new Map<string, Array<unknown>>();
  private readonly places = new Map<string, Place>();
  private readonly touched = new Set<string>();

  /** Adds a pack as stored (`undefined`: the article has none yet); a pack already loaded is kept as edited. */
  load(articleId: string, pack: AnnotationPack | undefined): void {
    if (this.rows.has(articleId)) return;
    const rows = pack ? [...pack.annotations] : [];
    this.rows.set(articleId, rows);
    rows.forEach((row, index) => {
      const id = idOfRow(row);
      if (id !== undefined) this.places.set(id, { articleId, index });
    });
  }

  isLoaded(articleId: string): boolean {
    return this.rows.has(articleId);
  }

  /** Whether annotation `id` is among the loaded rows. */
  holds(id: string): boolean {
    return this.places.has(id);
  }

  /** Stores `row` in its article's pack (which must be loaded): in place of the row with its id, or at the end. */
  put(row: { id: string; articleId: string }): void {
    const place = this.places.get(row.id);
    const target = this.rows.get(row.articleId);
    if (!target) throw new Error(`The pack of article “${row.articleId}” was not loaded before writing to it`);
    if (place?.articleId === row.articleId) {
      target[place.index] = row;
    } else {
      if (place) this.remove(row.id);
      this.places.set(row.id, { articleId: row.articleId, index: target.length });
      target.push(row);
    }
    this.touched.add(row.articleId);
  }

  /** Removes annotation `id` when it is loaded; does nothing otherwise. */
  remove(id: string): void {
    const place = this.places.get(id);
    if (!place) return;
    const rows = this.rows.get(place.articleId);
    if (rows) rows[place.index] = REMOVED;
    this.places.delete(id);
    this.touched.add(place.articleId);
  }

  /**
   * Replaces, in place, each loaded row among `ids` (every loaded row for `null`) for which `modify`
   * returns a replacement. Returns the ids replaced. Throws when a replacement changes its row's id
   * or article (that is a move: {@link put} it).
   */
  rewrite<Id extends string>(ids: ReadonlySet<Id> | null, modify: (row: unknown) => unknown): Id[] {
    const rewritten: Id[] = [];
    for (const [articleId, rows] of this.rows) {
      rows.forEach((row, index) => {
        const id = idOfRow(row);
        if (row === REMOVED || id === undefined || (ids !== null && !ids.has(id as Id))) return;
        const replacement = modify(row);
        if (replacement === undefined) return;
        if (idOfRow(replacement) !== id || articleOfRow(replacement) !== articleOfRow(row)) throw new Error(`A rewrite may not change the id or the article of annotation “${id}”`);
        rows[index] = replacement;
        rewritten.push(id as Id);
        this.touched.add(articleId);
      });
    }
    return rewritten;
  }

  /** Writes back the packs that changed: emptied ones are deleted, the others replaced whole. */
  async save(db: WorkbenchDb): Promise<void> {
    const emptied: string[] = [];
    const packs: AnnotationPack[] = [];
    for (const articleId of this.touched) {
      const kept = (this.rows.get(articleId) ?? []).filter((row) => row !== REMOVED);
      if (kept.length === 0) emptied.push(articleId);
      else packs.push(buildPack(articleId, kept));
    }
    if (emptied.length > 0) await db.annotationPacks.bulkDelete(emptied as AnnotationPack['articleId'][]);
    if (packs.length > 0) await db.annotationPacks.bulkPut(packs);
    this.touched.clear();
  }
}

/**
 * Loads the packs `scope` names, lets `edit` change them, and writes back what changed, in one
 * 'rw' transaction (the caller's, when it has one including `db.annotationPacks`). When `edit`
 * throws, nothing is written.
 */
export async function editPacks<T>(db: WorkbenchDb, scope: PackScope, edit: (packs: PackEdit) => T): Promise<T> {
  return db.transaction('rw', db.annotationPacks, async () => {
    const packs = new PackEdit();
    if (scope === 'all') {
      for (const pack of await db.annotationPacks.toArray()) packs.load(pack.articleId, pack);
    } else {
      const articleIds = [...new Set(scope.articleIds)];
      const stored = await db.annotationPacks.bulkGet(articleIds as AnnotationPack['articleId'][]);
      articleIds.forEach((articleId, i) => packs.load(articleId, stored[i]));
      // Ids not in those packs may be in others: their keys first (cheap), then only the packs not loaded yet.
      const elsewhere = scope.ids.filter((id) => !packs.holds(id));
      if (elsewhere.length > 0) {
        const holders = [...new Set(await db.annotationPacks.where('annotationIds').anyOf(elsewhere).primaryKeys())].filter((articleId) => !packs.isLoaded(articleId));
        const held = await db.annotationPacks.bulkGet(holders);
        holders.forEach((articleId, i) => packs.load(articleId, held[i]));
      }
    }
    const result = edit(packs);
    await packs.save(db);
    return result;
  });
}
