import type { Entity, EntityType } from '../../../shared/model/annotation';
import type { EntityId } from '../../../shared/model/ids';
import { foldForSearch } from '../../../shared/text/fold-for-search';

/** One row of the entity index: a type's heading, or one of its entities with its mention count. */
export type EntityIndexRow =
  | { kind: 'type'; key: string; type: EntityType; entities: number; mentions: number }
  | { kind: 'entity'; key: string; entity: Entity; type: EntityType; mentions: number };


/**
 * The index as rows: types in their order, each heading followed by its entities by name (the
 * order `entities` comes in), keeping those whose name or an alias contains `filter` (ignoring
 * case and diacritics). A type with no entity left is left out. Entities of a type that no
 * longer exists are listed under no heading at the end, so nothing stored is hidden.
 */
export function entityIndexRows(types: readonly EntityType[], entities: readonly Entity[], counts: ReadonlyMap<EntityId, number>, filter: string): EntityIndexRow[] {
  const wanted = foldForSearch(filter.trim());
  const byType = new Map<string, Entity[]>();
  for (const entity of entities) {
    if (wanted !== '' && ![entity.name, ...entity.aliases].some((name) => foldForSearch(name).includes(wanted))) continue;
    let list = byType.get(entity.typeId);
    if (!list) byType.set(entity.typeId, (list = []));
    list.push(entity);
  }
  const rows: EntityIndexRow[] = [];
  for (const type of types) {
    const list = byType.get(type.id);
    if (!list) continue;
    const entityRows = list.map((entity): EntityIndexRow => ({ kind: 'entity', key: entity.id, entity, type, mentions: counts.get(entity.id) ?? 0 }));
    const mentions = entityRows.reduce((sum, row) => sum + row.mentions, 0);
    rows.push({ kind: 'type', key: `type-${type.id}`, type, entities: list.length, mentions }, ...entityRows);
  }
  return rows;
}
