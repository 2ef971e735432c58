import { Entity } from '../../../shared/model/annotation';
import type { EntityId } from '../../../shared/model/ids';
import { loadMentionTotals } from './mention-count-store';
import type { WorkbenchDb } from './workbench-db';

/** What the entity index shows: every valid entity by name, and how many mentions each has. */
export interface EntityIndex {
  entities: Entity[];
  counts: Map<EntityId, number>;
}

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * The entities and their mention totals, in two bulk reads: the entities, and the per-entity
 * totals kept beside the mentions (see `mention-count-store.ts`), never the mentions themselves.
 */
export async function loadEntityIndex(db: WorkbenchDb): Promise<EntityIndex> {
  const [rows, counts] = await Promise.all([db.entities.toArray() as Promise<unknown[]>, loadMentionTotals(db)]);
  const entities: Entity[] = [];
  for (const row of rows) {
    const parsed = Entity.safeParse(row);
    if (parsed.success) entities.push(parsed.data);
  }
  return { entities: entities.sort((a, b) => byName.compare(a.name, b.name)), counts };
}
