import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../shared/model/annotation';
import { EntityId, EntityTypeId } from '../../../shared/model/ids';
import { matchEntities } from './match-entities';

function entity(id: string, name: string, aliases: string[] = []): Entity {
  return { id: EntityId.parse(id), typeId: EntityTypeId.parse('default-person'), name, aliases, description: '', externalId: '', createdAt: 1, updatedAt: 1 };
}

const registry = [entity('kagame', 'Paul Kagame', ['Kagame']), entity('tshisekedi', 'Félix Tshisekedi', ['Fatshi']), entity('m23', 'M23', ['March 23 Movement']), entity('kigali', 'Kigali')];
const names = (query: string) => matchEntities(registry, query).map((match) => [match.entity.name, match.viaAlias]);

describe('matchEntities', () => {
  it('offers names that start with the query first, then names with a word that does', () => {
    expect(names('ki')).toEqual([['Kigali', null]]);
    expect(names('ka')).toEqual([['Paul Kagame', null]]);
  });

  it('finds an entity by alias, ignoring case and accents', () => {
    expect(names('fatshi')).toEqual([['Félix Tshisekedi', 'Fatshi']]);
    expect(names('felix')).toEqual([['Félix Tshisekedi', null]]);
    expect(names('march')).toEqual([['M23', 'March 23 Movement']]);
  });

  it('offers everything by name for an empty query', () => {
    expect(names('').map(([name]) => name)).toEqual(['Félix Tshisekedi', 'Kigali', 'M23', 'Paul Kagame']);
  });
});
