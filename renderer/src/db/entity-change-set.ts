import type { Entity, MentionRecord, RejectedHit } from '../../../shared/model/annotation';
import type { AnnotationId, EntityId } from '../../../shared/model/ids';
import { requireType } from './entity-rules';
import { applyMentionCountChanges, entityWriteTables } from './mention-count-store';
import { writeAnnotationChanges } from './annotation-packs';
import type { WorkbenchDb } from './workbench-db';

/*
 * Every multi-row entity write is computed first as an {@link EntityChangeSet}, every touched row
 * as it was and as it becomes, then written by the same {@link restoreRows} that undo and redo
 * use: what undo puts back is, by construction, exactly what the write replaced, timestamps
 * included.
 */

/** An edit of one entity: the row as it was and as it is now (the same object when nothing changed). */
export interface EntityEdit {
  before: Entity;
  after: Entity;
}

/** One row as it was and as it became; `undefined` on the side where it does not exist. */
export interface RowChange<T, K extends string> {
  key: K;
  before: T | undefined;
  after: T | undefined;
}

/** Every row a write touched, enough to undo it ({@link restoreRows} `'before'`) or redo it (`'after'`). */
export interface EntityChangeSet {
  entities: Array<RowChange<Entity, EntityId>>;
  mentions: Array<RowChange<MentionRecord, AnnotationId>>;
  rejectedHits: Array<RowChange<RejectedHit, string>>;
}

/**
 * Writes one side of a change set in one transaction: `'before'` undoes the write that produced
 * it, `'after'` redoes it. Throws an {@link EntityError}, writing nothing, when an entity would
 * come back with a type that has been deleted since.
 */
export async function restoreRows(db: WorkbenchDb, changes: EntityChangeSet, side: 'before' | 'after'): Promise<void> {
  await db.transaction('rw', entityWriteTables(db), async () => {
    const entities = sideOf(changes.entities, side);
    for (const typeId of new Set(entities.put.map((entity) => entity.typeId))) await requireType(db, typeId);
    await db.entities.bulkDelete(entities.delete);
    await db.entities.bulkPut(entities.put);
    const mentions = sideOf(changes.mentions, side);
    await applyMentionCountChanges(db, changes.mentions, side);
    await writeAnnotationChanges(db, mentions);
    const rejected = sideOf(changes.rejectedHits, side);
    await db.rejectedHits.bulkDelete(rejected.delete);
    await db.rejectedHits.bulkPut(rejected.put);
  });
}

/** The change sets one after the other, as one (their rows must not overlap). */
export function joinChanges(...sets: readonly EntityChangeSet[]): EntityChangeSet {
  return {
    entities: sets.flatMap((set) => set.entities),
    mentions: sets.flatMap((set) => set.mentions),
    rejectedHits: sets.flatMap((set) => set.rejectedHits),
  };
}

/** Whether a change set changes nothing (so there is nothing to undo). */
export function isEmptyChangeSet(changes: EntityChangeSet): boolean {
  return changes.entities.length === 0 && changes.mentions.length === 0 && changes.rejectedHits.length === 0;
}

/** The one-row change set of an {@link EntityEdit}. */
export function editChanges({ before, after }: EntityEdit): EntityChangeSet {
  return { entities: before === after ? [] : [change(before.id, before, after)], mentions: [], rejectedHits: [] };
}

export function change<T, K extends string>(key: K, before: T | undefined, after: T | undefined): RowChange<T, K> {
  return { key, before, after };
}

function sideOf<T, K extends string>(changes: ReadonlyArray<RowChange<T, K>>, side: 'before' | 'after'): { put: T[]; delete: K[] } {
  const put: T[] = [];
  const remove: K[] = [];
  for (const row of changes) {
    const value = row[side];
    if (value === undefined) remove.push(row.key);
    else put.push(value);
  }
  return { put, delete: remove };
}
