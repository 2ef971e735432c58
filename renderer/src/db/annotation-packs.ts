import { AnnotationRecord } from '../../../shared/model/annotation';
import type { AnnotationId, ArticleId, EntityId } from '../../../shared/model/ids';
import { articlePackRange, byId, idOfRow, mentionEntityOfRow, type PackKey } from './annotation-pack';
import { editPacks } from './annotation-pack-edit';
import type { WorkbenchDb } from './workbench-db';

/*
 * Annotations (highlights and mentions) one at a time, over their storage in per-article packs
 * (`annotation-pack.ts`). The only module, with `annotation-pack-edit.ts`, that knows the packs:
 * callers read and write single annotations. Reads hand rows over as `unknown`, for the caller to
 * validate with its schema, as it did when each annotation was a row. Writes read the packs they
 * touch, change them and write them back in one transaction, joining the caller's when it has
 * one: a caller's transaction must include `db.annotationPacks`.
 */

/** A write that would have replaced an annotation it was meant to add. */
export class DuplicateAnnotationError extends Error {
  override name = 'DuplicateAnnotationError';
}

/** The stored row of annotation `id`, unvalidated; `undefined` when there is none. */
export async function annotationRowById(db: WorkbenchDb, id: AnnotationId): Promise<unknown> {
  const pack = await db.annotationPacks.where('annotationIds').equals(id).first();
  return pack?.annotations.find((row) => idOfRow(row) === id);
}

/** Annotation `id`, when it exists and is valid (a damaged row reads as missing). */
export async function getAnnotation(db: WorkbenchDb, id: AnnotationId): Promise<AnnotationRecord | undefined> {
  const parsed = AnnotationRecord.safeParse(await annotationRowById(db, id));
  return parsed.success ? parsed.data : undefined;
}

/** The stored rows of `ids`, unvalidated, aligned with `ids` (`undefined` where there is none). */
export async function annotationRowsByIds(db: WorkbenchDb, ids: readonly AnnotationId[]): Promise<unknown[]> {
  if (ids.length === 0) return [];
  const rowsById = new Map<string, unknown>();
  await db.transaction('r', db.annotationPacks, async () => {
    // Keys first: a multi-entry index hands a pack over once per id matched.
    const keys = await db.annotationPacks.where('annotationIds').anyOf([...ids]).primaryKeys();
    for (const pack of await db.annotationPacks.bulkGet(distinctKeys(keys))) {
      for (const row of pack?.annotations ?? []) {
        const id = idOfRow(row);
        if (id !== undefined) rowsById.set(id, row);
      }
    }
  });
  return ids.map((id) => rowsById.get(id));
}

/** Which of `ids` are stored (reads index keys only). */
export async function storedAnnotationIds(db: WorkbenchDb, ids: readonly AnnotationId[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set((await db.annotationPacks.where('annotationIds').anyOf([...ids]).keys()) as string[]);
}

/** Every stored annotation id (reads index keys only). */
export async function allAnnotationIds(db: WorkbenchDb): Promise<AnnotationId[]> {
  return (await db.annotationPacks.orderBy('annotationIds').keys()) as AnnotationId[];
}

/** The stored rows of one article, unvalidated, highlights and mentions alike, in id order. */
export async function annotationRowsOfArticle(db: WorkbenchDb, articleId: ArticleId): Promise<unknown[]> {
  const [lower, upper] = articlePackRange(articleId);
  const packs = await db.annotationPacks.where(':id').between(lower, upper).toArray();
  const rows = packs.flatMap((pack) => pack.annotations);
  return packs.length > 1 ? rows.sort(byId) : rows;
}

/** The stored mentions of one entity, unvalidated, in id order. */
export async function mentionRowsOfEntity(db: WorkbenchDb, entityId: EntityId): Promise<unknown[]> {
  const packs = await db.annotationPacks.where('entityIds').equals(entityId).toArray();
  const rows = packs.flatMap((pack) => pack.annotations.filter((row) => mentionEntityOfRow(row) === entityId));
  return packs.length > 1 ? rows.sort(byId) : rows;
}

/** Every stored row, unvalidated, article by article. */
export async function allAnnotationRows(db: WorkbenchDb): Promise<unknown[]> {
  return (await db.annotationPacks.toArray()).flatMap((pack) => pack.annotations);
}

/**
 * Every annotation as stored, for the project archive. Unvalidated, as the export always took
 * them: a damaged row goes into the archive, whose import checks each row, rather than vanish.
 */
export async function allStoredAnnotations(db: WorkbenchDb): Promise<AnnotationRecord[]> {
  return (await allAnnotationRows(db)) as AnnotationRecord[];
}

/**
 * Stores `rows`, each replacing the stored annotation with its id where it is (or, when its
 * article changed, moving it to its new article), or added to its article's last pack (a new pack
 * when that one is full).
 */
export async function putAnnotations(db: WorkbenchDb, rows: readonly AnnotationRecord[]): Promise<void> {
  await writeAnnotationChanges(db, { put: rows });
}

/**
 * Adds `rows`, writing nothing and throwing a {@link DuplicateAnnotationError} when one of their
 * ids is already stored or given twice (imports rely on it: an id is never silently replaced).
 */
export async function addAnnotations(db: WorkbenchDb, rows: readonly AnnotationRecord[]): Promise<void> {
  const ids = rows.map((row) => row.id);
  await editPacks(db, { ids, articleIds: rows.map((row) => row.articleId) }, (edit) => {
    const given = new Set<string>();
    for (const id of ids) {
      if (edit.holds(id) || given.has(id)) throw new DuplicateAnnotationError(`An annotation with id “${id}” already exists`);
      given.add(id);
    }
    for (const row of rows) edit.put(row);
  });
}

/** Deletes the annotations `ids`; ids that are not stored are ignored. */
export async function deleteAnnotations(db: WorkbenchDb, ids: readonly AnnotationId[]): Promise<void> {
  await writeAnnotationChanges(db, { delete: ids });
}

/** Deletes `delete`, then stores `put` (as {@link putAnnotations}), in one pass over the packs they touch. */
export async function writeAnnotationChanges(db: WorkbenchDb, changes: { delete?: readonly AnnotationId[]; put?: readonly AnnotationRecord[] }): Promise<void> {
  const removed = changes.delete ?? [];
  const put = changes.put ?? [];
  if (removed.length === 0 && put.length === 0) return;
  await editPacks(db, { ids: [...removed, ...put.map((row) => row.id)], articleIds: put.map((row) => row.articleId) }, (edit) => {
    for (const id of removed) edit.remove(id);
    for (const row of put) edit.put(row);
  });
}

/**
 * Rewrites stored annotations in place: `modify` gets each stored row among `ids` (or every row,
 * for `'all'`) and returns its replacement, or `undefined` to leave it. A replacement must keep
 * the row's id and article. Returns the ids rewritten, article by article in id order.
 */
export async function rewriteAnnotations(db: WorkbenchDb, ids: readonly AnnotationId[] | 'all', modify: (row: unknown) => unknown): Promise<AnnotationId[]> {
  if (ids !== 'all' && ids.length === 0) return [];
  const scope = ids === 'all' ? 'all' : { ids, articleIds: [] };
  return editPacks(db, scope, (edit) => edit.rewrite<AnnotationId>(ids === 'all' ? null : new Set(ids), modify));
}

/** Each pack key once (a multi-entry index lists a pack once per key matched). */
function distinctKeys(keys: readonly PackKey[]): PackKey[] {
  return [...new Map(keys.map((key) => [JSON.stringify(key), key])).values()];
}
