import { describe, expect, it } from 'vitest';
import type { Entity, EntityType } from '../../../shared/model/annotation';
import { EntityId, EntityTypeId } from '../../../shared/model/ids';
import { entityIndexRows } from './entity-index-rows';

const person: EntityType = { id: EntityTypeId.parse('person'), name: 'Person', color: '#d6409f', shortcut: 'p', order: 1 };
const organisation: EntityType = { id: EntityTypeId.parse('organisation'), name: 'Organisation', color: '#12a594', shortcut: 'o', order: 2 };

function entity(id: string, name: string, type: EntityType, aliases: string[] = []): Entity {
  return { id: EntityId.parse(id), typeId: type.id, name, aliases, description: '', externalId: '', createdAt: 0, updatedAt: 0 };
}

const kagame = entity('k', 'Paul Kagame', person, ['@PaulKagame']);
const tshisekedi = entity('t', 'Félix Tshisekedi', person);
const m23 = entity('m', 'M23', organisation);
const counts = new Map([
  [kagame.id, 4],
  [m23.id, 10],
]);

describe('entityIndexRows', () => {
  it('groups entities under their type in type order, with counts per entity and per type', () => {
    const rows = entityIndexRows([person, organisation], [tshisekedi, m23, kagame], counts, '');
    expect(rows.map((row) => (row.kind === 'type' ? `# ${row.type.name} ${row.entities}/${row.mentions}` : `${row.entity.name} ${row.mentions}`))).toEqual([
      '# Person 2/4',
      'Félix Tshisekedi 0',
      'Paul Kagame 4',
      '# Organisation 1/10',
      'M23 10',
    ]);
  });

  it('filters on names and aliases ignoring case and diacritics, dropping emptied types', () => {
    expect(entityIndexRows([person, organisation], [tshisekedi, m23, kagame], counts, 'FELIX').map((row) => row.key)).toEqual(['type-person', 't']);
    expect(entityIndexRows([person, organisation], [tshisekedi, m23, kagame], counts, '@paul').map((row) => row.key)).toEqual(['type-person', 'k']);
    expect(entityIndexRows([person, organisation], [tshisekedi, m23, kagame], counts, 'nobody')).toEqual([]);
  });
});
