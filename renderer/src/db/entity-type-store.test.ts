import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EntityTypeId, newEntityTypeId } from '../../../shared/model/ids';
import { createEntity, loadEntities } from './entity-store';
import { deleteEntityType, EntityTypeError, loadEntityTypes, saveEntityType } from './entity-type-store';
import { DEFAULT_ENTITY_TYPES, WorkbenchDb } from './workbench-db';

const PERSON = EntityTypeId.parse('default-person');
const ORGANISATION = EntityTypeId.parse('default-organisation');
const DATE = EntityTypeId.parse('default-date');

let db: WorkbenchDb;

beforeEach(() => {
  db = new WorkbenchDb('entity-type-store-test', { indexedDB, IDBKeyRange });
});

afterEach(async () => {
  await db.delete();
});

async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof EntityTypeError)) throw new Error(`expected an EntityTypeError, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

describe('loadEntityTypes', () => {
  it('returns the types in order and skips corrupt rows', async () => {
    await db.table('entityTypes').bulkPut([
      { id: 'digit-shortcut', name: 'Number', color: '#000000', shortcut: '7', order: 0 },
      { id: 'no-colour', name: 'Work of art', shortcut: 'w', order: 2.5 },
    ]);
    expect(await loadEntityTypes(db)).toEqual(DEFAULT_ENTITY_TYPES);
  });
});

describe('saveEntityType', () => {
  it('adds a new type at the end, normalising name, colour and shortcut', async () => {
    const id = newEntityTypeId();
    const saved = await saveEntityType(db, { id, name: '  Armed   group ', color: '#E54666', shortcut: 'G' });
    expect(saved).toEqual({ id, name: 'Armed group', color: '#e54666', shortcut: 'g', order: 6 });
    expect((await loadEntityTypes(db)).at(-1)).toEqual(saved);
  });

  it('renames a type in place, keeping its order and letting it keep its own shortcut', async () => {
    const saved = await saveEntityType(db, { id: ORGANISATION, name: 'Organization', color: '#12a594', shortcut: 'o' });
    expect(saved.order).toBe(2);
    expect((await loadEntityTypes(db)).map((type) => type.name)).toEqual(['Person', 'Organization', 'Location', 'Date', 'Event']);
  });

  it('refuses a name another type has, ignoring case', async () => {
    expect(await rejection(saveEntityType(db, { id: newEntityTypeId(), name: 'PERSON', color: '#123456', shortcut: 'x' }))).toEqual({
      code: 'duplicate-name',
      message: 'Another type is already called “Person”',
    });
  });

  it('refuses a shortcut another type has', async () => {
    expect(await rejection(saveEntityType(db, { id: newEntityTypeId(), name: 'Armed group', color: '#123456', shortcut: 'P' }))).toEqual({
      code: 'duplicate-shortcut',
      message: 'Alt+Shift+P is already the shortcut for “Person”',
    });
  });

  it('refuses an empty name, an invalid colour and a shortcut that is not one letter', async () => {
    const id = newEntityTypeId();
    expect(await rejection(saveEntityType(db, { id, name: ' ', color: '#123456', shortcut: 'g' }))).toEqual({ code: 'empty-name', message: 'An entity type needs a name' });
    expect((await rejection(saveEntityType(db, { id, name: 'Armed group', color: 'crimson', shortcut: 'g' }))).code).toBe('invalid-colour');
    expect(await rejection(saveEntityType(db, { id, name: 'Armed group', color: '#123456', shortcut: '1' }))).toEqual({
      code: 'invalid-shortcut',
      message: '“1” cannot be a shortcut: use one letter, pressed with Alt+Shift',
    });
    expect(await db.entityTypes.count()).toBe(DEFAULT_ENTITY_TYPES.length);
  });
});

describe('deleteEntityType', () => {
  it('deletes an unused type', async () => {
    expect(await deleteEntityType(db, DATE)).toEqual({ deleted: DEFAULT_ENTITY_TYPES[3], moved: [] });
    expect((await loadEntityTypes(db)).map((type) => type.id)).not.toContain(DATE);
  });

  it('refuses to delete a type in use unless its entities are moved to another, then moves them with it', async () => {
    const kagame = await createEntity(db, { typeId: PERSON, name: 'Paul Kagame' });
    const rubio = await createEntity(db, { typeId: PERSON, name: 'Marco Rubio' });
    const m23 = await createEntity(db, { typeId: ORGANISATION, name: 'M23' });

    expect(await rejection(deleteEntityType(db, PERSON))).toEqual({
      code: 'in-use',
      message: '2 entities have the type “Person”: choose a type to move them to before deleting it',
    });
    expect((await rejection(deleteEntityType(db, PERSON, { moveTo: PERSON }))).code).toBe('invalid-move');
    expect((await rejection(deleteEntityType(db, PERSON, { moveTo: EntityTypeId.parse('gone') }))).code).toBe('invalid-move');

    const result = await deleteEntityType(db, PERSON, { moveTo: ORGANISATION });
    expect({ ...result, moved: [...result.moved].sort() }).toEqual({ deleted: DEFAULT_ENTITY_TYPES[0], moved: [kagame.id, rubio.id].sort() });
    const { entities } = await loadEntities(db);
    expect(entities.map((entity) => [entity.name, entity.typeId])).toEqual([
      ['M23', ORGANISATION],
      ['Marco Rubio', ORGANISATION],
      ['Paul Kagame', ORGANISATION],
    ]);
    expect(entities.find((entity) => entity.id === m23.id)).toEqual(m23);
    expect(await db.entityTypes.get(PERSON)).toBeUndefined();
  });

  it('keeps at least one type', async () => {
    for (const type of DEFAULT_ENTITY_TYPES.slice(1)) await deleteEntityType(db, type.id);
    expect(await rejection(deleteEntityType(db, PERSON))).toEqual({
      code: 'last-type',
      message: '“Person” is the only entity type left; entities need at least one',
    });
    expect((await rejection(deleteEntityType(db, DATE))).code).toBe('not-found');
  });
});
