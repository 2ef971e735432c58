import type { Entity } from '../../../shared/model/annotation';
import type { EntityId } from '../../../shared/model/ids';
import type { EntityIndex } from './entity-index';
import type { WorkbenchDb } from './workbench-db';

/*
 * The entity index as it was last shown, in one row, so the Entities tab can show it at once and
 * replace it with the live read (entities and totals, validated) a moment later, as paint
 * snapshots do for highlights. Measured with 5,000 entities in headless Chromium: reading and
 * validating the entities takes 150–250 ms; one JSON string row takes a few.
 * Derived data: never trusted for a write, rebuilt whenever the live index differs.
 */

/** The one stored snapshot row. */
export interface EntityIndexSnapshotRow {
  id: typeof SNAPSHOT_ROW;
  /** `{ entities, counts }` as JSON: one string is the cheapest thing IndexedDB can hand over. */
  json: string;
}

const SNAPSHOT_ROW = 'index';

/** The last index shown, or null when there is none or it cannot be read. */
export async function loadEntityIndexSnapshot(db: WorkbenchDb): Promise<EntityIndex | null> {
  const row = await db.entityIndexSnapshots.get(SNAPSHOT_ROW);
  if (!row) return null;
  try {
    const { entities, counts } = JSON.parse(row.json) as { entities: unknown; counts: unknown };
    if (!Array.isArray(entities) || !Array.isArray(counts)) return null;
    // A shape check per row, not a full parse: the live read that follows validates properly.
    const valid = entities.every((entity: unknown) => {
      const candidate = entity as Partial<Entity> | null;
      return typeof candidate?.id === 'string' && typeof candidate.name === 'string' && typeof candidate.typeId === 'string' && Array.isArray(candidate.aliases);
    });
    return valid ? { entities: entities as Entity[], counts: new Map(counts as Array<[EntityId, number]>) } : null;
  } catch {
    return null;
  }
}

/** The JSON an index is stored as, to compare before writing. */
export function snapshotJson(index: EntityIndex): string {
  return JSON.stringify({ entities: index.entities, counts: [...index.counts] });
}

/** Stores the index as shown. */
export async function saveEntityIndexSnapshot(db: WorkbenchDb, json: string): Promise<void> {
  await db.entityIndexSnapshots.put({ id: SNAPSHOT_ROW, json });
}
