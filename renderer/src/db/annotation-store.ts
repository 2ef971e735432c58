import { AnchorResult } from '../../../shared/anchoring/selectors';
import { AnnotationRecord, HighlightRecord, type StoredAnchor } from '../../../shared/model/annotation';
import type { AnnotationId, ArticleId, EntityId, LegendId } from '../../../shared/model/ids';
import type { WorkbenchDb } from './workbench-db';
import { annotationRowById, annotationRowsByIds, annotationRowsOfArticle, deleteAnnotations, putAnnotations, rewriteAnnotations } from './annotation-packs';
import { fieldOf, idOfRow } from './annotation-pack';
import { describeIssues, describeRowId } from './describe-invalid-row';

/*
 * Highlights are the user's work: a row that fails validation is reported and left where it is,
 * never thrown at the reader and never deleted, so a fixed build (or the user) can still recover
 * it. Writes, on the other hand, are validated before they reach the database, so the store
 * itself never creates such a row.
 *
 * The packs also hold entity mentions (see `entity-store.ts`). The reads and edits here are about
 * highlights and pass mentions over; only the writes shared by both kinds accept either.
 */

/** A stored row that could not be used, and why, for a diagnostics panel or the log. */
export interface SkippedRow {
  /** The row's id when it has a readable one, otherwise a description of what was there. */
  id: string;
  reason: string;
}

/** The result of {@link loadAnnotations}. */
export interface LoadedAnnotations {
  /** Valid highlights of the article, in text order (see {@link inTextOrder}); mentions are not included. */
  annotations: HighlightRecord[];
  skipped: SkippedRow[];
}

/** What {@link updateAnnotation} may change; ids, article and creation time are fixed for life. */
export type AnnotationChanges = Partial<Pick<HighlightRecord, 'legendId' | 'comment' | 'target' | 'anchor'>>;

/** A write the store refused: the caller passed something that would be a corrupt row. */
export class AnnotationError extends Error {
  override name = 'AnnotationError';
}

/**
 * The article's highlights, validated; unusable rows are described in `skipped` and left stored.
 * Mentions are left out, neither loaded nor reported: they are the entity store's to validate.
 */
export async function loadAnnotations(db: WorkbenchDb, articleId: ArticleId): Promise<LoadedAnnotations> {
  const rows = await annotationRowsOfArticle(db, articleId);
  const annotations: HighlightRecord[] = [];
  const skipped: SkippedRow[] = [];
  for (const row of rows) {
    if (isMentionRow(row)) continue;
    const parsed = HighlightRecord.safeParse(row);
    if (parsed.success) annotations.push(parsed.data);
    else skipped.push({ id: describeRowId(row, 'a highlight'), reason: describeIssues(parsed.error) });
  }
  return { annotations: inTextOrder(annotations), skipped };
}

/** The valid highlights among `ids`, in the order asked; missing or unusable ones, and mentions, are left out. */
export async function annotationsByIds(db: WorkbenchDb, ids: readonly AnnotationId[]): Promise<HighlightRecord[]> {
  const rows = await annotationRowsByIds(db, ids);
  return rows.flatMap((row) => {
    const parsed = HighlightRecord.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Stores `record` as given, timestamps included (so undo can restore a deleted highlight exactly).
 * Throws an {@link AnnotationError} when the record is invalid, or when the colour of a highlight
 * or the entity of a mention does not exist.
 */
export async function putAnnotation(db: WorkbenchDb, record: AnnotationRecord): Promise<void> {
  const valid = validated(record);
  await db.transaction('rw', db.annotationPacks, db.legend, db.entities, async () => {
    if (valid.kind === 'highlight') await requireLegendEntry(db, valid.legendId);
    else await requireEntity(db, valid.entityId);
    await putAnnotations(db, [valid]);
  });
}

/**
 * Applies `changes` to a stored highlight and stamps `updatedAt`. Throws an {@link AnnotationError}
 * when the highlight does not exist, the result would be invalid, or the new colour does not exist.
 */
export async function updateAnnotation(db: WorkbenchDb, id: AnnotationId, changes: AnnotationChanges): Promise<void> {
  await db.transaction('rw', db.annotationPacks, db.legend, async () => {
    const stored = HighlightRecord.safeParse(await annotationRowById(db, id));
    if (!stored.success) throw new AnnotationError(`There is no usable highlight with id “${id}”`);
    const before = stored.data;
    const after = validatedHighlight({ ...before, ...changes, updatedAt: Date.now() });
    if (after.legendId !== before.legendId) await requireLegendEntry(db, after.legendId);
    await putAnnotations(db, [after]);
  });
}

/** Deletes a highlight or a mention; deleting one that is already gone does nothing (so undo/redo can repeat it). */
export async function deleteAnnotation(db: WorkbenchDb, id: AnnotationId): Promise<void> {
  await deleteAnnotations(db, [id]);
}

/**
 * Records where anchoring found each highlight or mention, in one transaction. Only changed anchors are
 * written, so re-opening an unchanged article wakes no live query. `updatedAt` is left alone: an
 * anchor is derived from the text, not an edit by the user. Highlights deleted in the meantime are
 * ignored. Returns how many rows were written.
 */
export async function saveAnchors(db: WorkbenchDb, updates: ReadonlyArray<{ id: AnnotationId; anchor: StoredAnchor }>): Promise<number> {
  for (const { id, anchor } of updates) {
    const parsed = AnchorResult.safeParse(anchor);
    if (!parsed.success) throw new AnnotationError(`Invalid anchor for highlight “${id}”: ${describeIssues(parsed.error)}`);
  }
  const anchors = new Map(updates.map(({ id, anchor }) => [id as string, anchor]));
  const rewritten = await rewriteAnnotations(db, [...anchors.keys()] as AnnotationId[], (row) => {
    const anchor = anchors.get(idOfRow(row) ?? '');
    const stored = fieldOf(row, 'anchor');
    return anchor === undefined || sameAnchor(stored, anchor) ? undefined : { ...(row as object), anchor };
  });
  return rewritten.length;
}

/**
 * Highlights in reading order: by start, the longer first when two start together (so an
 * enclosing highlight comes before the one nested in it), then oldest first; orphans, which have
 * no place in the text, come last, oldest first. Returns a new array.
 */
export function inTextOrder<T extends Pick<AnnotationRecord, 'anchor' | 'createdAt'>>(annotations: readonly T[]): T[] {
  return [...annotations].sort((a, b) => {
    const aOrphan = a.anchor.status === 'orphan';
    const bOrphan = b.anchor.status === 'orphan';
    if (aOrphan !== bOrphan) return aOrphan ? 1 : -1;
    if (!aOrphan) {
      const byPlace = a.anchor.start - b.anchor.start || b.anchor.end - a.anchor.end;
      if (byPlace !== 0) return byPlace;
    }
    return a.createdAt - b.createdAt;
  });
}

function validated(record: unknown): AnnotationRecord {
  const parsed = AnnotationRecord.safeParse(record);
  if (!parsed.success) throw new AnnotationError(`Refusing to store an invalid annotation: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

function validatedHighlight(record: unknown): HighlightRecord {
  const parsed = HighlightRecord.safeParse(record);
  if (!parsed.success) throw new AnnotationError(`Refusing to store an invalid highlight: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** Tells a mention by its `kind` alone, so that a corrupt mention is not reported as a corrupt highlight. */
function isMentionRow(row: unknown): boolean {
  return typeof row === 'object' && row !== null && 'kind' in row && row.kind === 'mention';
}

async function requireLegendEntry(db: WorkbenchDb, legendId: LegendId): Promise<void> {
  if ((await db.legend.get(legendId)) === undefined) throw new AnnotationError(`There is no highlight colour with id “${legendId}”`);
}

async function requireEntity(db: WorkbenchDb, entityId: EntityId): Promise<void> {
  if ((await db.entities.get(entityId)) === undefined) throw new AnnotationError(`There is no entity with id “${entityId}”`);
}

/** Whether a stored anchor (which a damaged row may lack) is `b`. */
function sameAnchor(a: unknown, b: StoredAnchor): boolean {
  const stored = a as Partial<StoredAnchor> | undefined;
  return stored?.status === b.status && stored.start === b.start && stored.end === b.end && stored.confidence === b.confidence;
}

