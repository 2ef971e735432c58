import { describe, expect, it } from 'vitest';
import type { Entity, EntityType } from '../../../shared/model/annotation';
import { EntityId, EntityTypeId } from '../../../shared/model/ids';
import type { EntityMatch } from '../db/entity-search';
import { tagOptions } from './tag-options';

const person: EntityType = { id: EntityTypeId.parse('person'), name: 'Person', color: '#d6409f', shortcut: 'p', order: 1 };
const place: EntityType = { id: EntityTypeId.parse('place'), name: 'Location', color: '#f76b15', shortcut: 'l', order: 2 };

function match(id: string, name: string, type: EntityType, matchedAlias: string | null = null): EntityMatch {
  const entity: Entity = { id: EntityId.parse(id), typeId: type.id, name, aliases: [], description: '', externalId: '', createdAt: 0, updatedAt: 0 };
  return { entity, type, matchedAlias };
}

describe('tagOptions', () => {
  it('offers nothing for an empty or blank query', () => {
    expect(tagOptions('   ', [], person.id)).toEqual([]);
  });

  it('offers to create an entity named after the trimmed selection when nothing matches', () => {
    expect(tagOptions('  Paul   Kagame ', [], person.id)).toEqual([{ kind: 'create', id: 'create', name: 'Paul Kagame', label: 'Create “Paul Kagame”' }]);
  });

  it('lists both entities that share an alias, each with its type, and still offers to create', () => {
    const options = tagOptions('Congo', [match('a', 'DR Congo', place, 'Congo'), match('b', 'Congo River', person, 'Congo')], person.id);
    expect(options.map((option) => option.label)).toEqual([
      'DR Congo (Location), also called “Congo”',
      'Congo River (Person), also called “Congo”',
      'Create “Congo”',
    ]);
  });

  it('does not offer to create a second entity of the same type and name', () => {
    const options = tagOptions('m23', [match('m', 'M23', person)], person.id);
    expect(options.map((option) => option.kind)).toEqual(['entity']);
  });
});
