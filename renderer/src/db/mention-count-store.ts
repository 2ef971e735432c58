import type { MentionRecord } from '../../../shared/model/annotation';
import type { AnnotationId, EntityId } from '../../../shared/model/ids';
import { allAnnotationRows } from './annotation-packs';
import { mentionEntityOfRow } from './annotation-pack';
import type { WorkbenchDb } from './workbench-db';

/*
 * How many mentions each entity has, kept in ONE row (schema version 5). The entity index must
 * render within 200 ms with 100,000 mentions; in headless Chromium here, IndexedDB takes ~2.2 s to
 * hand over 100,000 rows and ~0.6 s even for only the primary keys of the entityId index, so
 * counting at read time cannot meet that. One row per entity was tried first: 5,000 tiny rows
 * still took 120–150 ms to read, one row with every total takes a few. The row is derived data:
 * changed in the same transaction as the mentions it counts (every mention write goes through
 * `restoreRows`), and rebuildable from the mentions at any time by {@link recountMentions}.
 */

/** The one row: every entity's mention total (an entity without mentions is absent). */
export interface MentionCountRow {
  id: typeof TOTALS_ROW;
  totals: Record<string, number>;
}

export const TOTALS_ROW = 'totals';

/** One mention as it was and as it becomes; `undefined` where it does not exist (as `RowChange`). */
interface MentionChange {
  key: AnnotationId;
  before: MentionRecord | undefined;
  after: MentionRecord | undefined;
}

/** The tables every write of entities and their mentions takes part in, counts included. */
export function entityWriteTables(db: WorkbenchDb) {
  return [db.entities, db.entityTypes, db.annotationPacks, db.rejectedHits, db.entityMentionCounts];
}

/**
 * Updates the totals for mention changes being written towards `side` (the stored rows being the
 * other side, as undo and redo guarantee). Call inside the transaction that writes the mentions.
 */
export async function applyMentionCountChanges(db: WorkbenchDb, changes: readonly MentionChange[], side: 'before' | 'after'): Promise<void> {
  const deltas = new Map<EntityId, number>();
  const add = (mention: MentionRecord | undefined, step: number) => {
    if (mention) deltas.set(mention.entityId, (deltas.get(mention.entityId) ?? 0) + step);
  };
  for (const change of changes) {
    add(side === 'after' ? change.before : change.after, -1);
    add(side === 'after' ? change.after : change.before, 1);
  }
  const touched = [...deltas].filter(([, delta]) => delta !== 0);
  if (touched.length === 0) return;
  const totals = await loadMentionTotals(db);
  for (const [entityId, delta] of touched) {
    const total = Math.max(0, (totals.get(entityId) ?? 0) + delta);
    if (total === 0) totals.delete(entityId);
    else totals.set(entityId, total);
  }
  await saveTotals(db, totals);
}

/**
 * Counts mentions written by an import into the totals (from zero when the import replaced the
 * project), and drops the entity index's display snapshot. Call inside the import's transaction,
 * with `db.entityMentionCounts` and `db.entityIndexSnapshots` among its tables.
 */
export async function countImportedMentions(db: WorkbenchDb, annotations: ReadonlyArray<{ kind: string; entityId?: EntityId }>, replace: boolean): Promise<void> {
  const totals = replace ? new Map<EntityId, number>() : await loadMentionTotals(db);
  for (const annotation of annotations) {
    if (annotation.kind === 'mention' && annotation.entityId) totals.set(annotation.entityId, (totals.get(annotation.entityId) ?? 0) + 1);
  }
  await saveTotals(db, totals);
  await db.entityIndexSnapshots.clear();
}

/** The stored totals (an entity without mentions is absent). */
export async function loadMentionTotals(db: WorkbenchDb): Promise<Map<EntityId, number>> {
  const row = await db.entityMentionCounts.get(TOTALS_ROW);
  return new Map(Object.entries(row?.totals ?? {}) as Array<[EntityId, number]>);
}

function saveTotals(db: WorkbenchDb, totals: ReadonlyMap<EntityId, number>): Promise<unknown> {
  return db.entityMentionCounts.put({ id: TOTALS_ROW, totals: Object.fromEntries(totals) });
}

/**
 * Counts every entity's mentions from the mentions themselves, reading every annotation (the
 * packs' `entityIds` index names each entity once per article, so it cannot count).
 */
export async function countMentions(db: WorkbenchDb): Promise<Map<EntityId, number>> {
  const counts = new Map<EntityId, number>();
  for (const row of await allAnnotationRows(db)) {
    const entityId = mentionEntityOfRow(row) as EntityId | undefined;
    if (entityId !== undefined) counts.set(entityId, (counts.get(entityId) ?? 0) + 1);
  }
  return counts;
}

/**
 * Rebuilds the totals from the mentions, writing only when they differ (so a live query over them
 * wakes only when something was wrong); returns how many entities' totals were corrected. Slow on
 * a large registry (a walk of every mention), so it runs in the background, after the index shows.
 */
export async function recountMentions(db: WorkbenchDb): Promise<number> {
  // The walk runs in a read-only transaction, so tagging and highlighting are not held up behind
  // it; the correction is written only if no write changed the totals in the meantime (that
  // write kept them right; the next check looks again).
  const { counted, stored } = await db.transaction('r', db.annotationPacks, db.entityMentionCounts, async () => {
    const [counted, stored] = await Promise.all([countMentions(db), loadMentionTotals(db)]);
    return { counted, stored };
  });
  const wrong = [...counted].filter(([entityId, total]) => stored.get(entityId) !== total).length + [...stored.keys()].filter((entityId) => !counted.has(entityId)).length;
  if (wrong === 0) return 0;
  return db.transaction('rw', db.entityMentionCounts, async () => {
    if (!sameTotals(await loadMentionTotals(db), stored)) return 0;
    await saveTotals(db, counted);
    return wrong;
  });
}

function sameTotals(a: ReadonlyMap<EntityId, number>, b: ReadonlyMap<EntityId, number>): boolean {
  return a.size === b.size && [...a].every(([entityId, total]) => b.get(entityId) === total);
}
