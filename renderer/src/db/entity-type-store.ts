import { ENTITY_TYPE_NAME_MAX_LENGTH, EntityType, EntityTypeShortcut } from '../../../shared/model/annotation';
import type { EntityId, EntityTypeId } from '../../../shared/model/ids';
import { nextOrder, normaliseColourKey, refuseClashes, type ColourKeyRules } from './colour-key-rules';
import type { WorkbenchDb } from './workbench-db';

/*
 * Entity types (Person, Organisation...) say what kind of thing an entity is and give its mentions
 * their colour. The invariants mirror the legend's (see `legend-store.ts`): two types with one name
 * cannot be told apart in a menu, two with one shortcut make Alt+Shift+key ambiguous, and a type in
 * use cannot vanish from under its entities.
 */

export type EntityTypeErrorCode =
  | 'empty-name'
  | 'name-too-long'
  | 'invalid-colour'
  | 'invalid-shortcut'
  | 'duplicate-name'
  | 'duplicate-shortcut'
  | 'not-found'
  | 'last-type'
  | 'in-use'
  | 'invalid-move';

/** An entity type change the store refused; `message` is written to be shown to the user as is. */
export class EntityTypeError extends Error {
  override name = 'EntityTypeError';

  constructor(
    readonly code: EntityTypeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const RULES: ColourKeyRules = {
  maxNameLength: ENTITY_TYPE_NAME_MAX_LENGTH,
  shortcut: EntityTypeShortcut,
  wording: {
    emptyName: 'An entity type needs a name',
    namesPlural: 'Entity type names',
    exampleColour: '#d6409f',
    shortcutHint: 'use one letter, pressed with Alt+Shift',
    entry: 'type',
    modifier: 'Alt+Shift+',
  },
  refuse: (code, message) => new EntityTypeError(code, message),
};

/** An entity type to save; without `order` it keeps its place, or goes last when it is new. */
export type EntityTypeInput = Omit<EntityType, 'order'> & { order?: number };

/** The entity types in display order; rows that fail validation are left out (and left stored). */
export async function loadEntityTypes(db: WorkbenchDb): Promise<EntityType[]> {
  const rows: unknown[] = await db.entityTypes.orderBy('order').toArray();
  return rows.flatMap((row) => {
    const parsed = EntityType.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Creates or replaces an entity type and returns it as stored: the name trimmed with runs of
 * spaces collapsed, colour and shortcut in lower case. Throws an {@link EntityTypeError} for an
 * empty or overlong name, an invalid colour or shortcut, or a name (ignoring case) or shortcut that
 * another type already has.
 */
export async function saveEntityType(db: WorkbenchDb, input: EntityTypeInput): Promise<EntityType> {
  const checked = normaliseColourKey(input, RULES);
  return db.transaction('rw', db.entityTypes, async () => {
    const types = await loadEntityTypes(db);
    const others = types.filter((type) => type.id !== input.id);
    refuseClashes(others, checked, RULES);
    const order = input.order ?? types.find((type) => type.id === input.id)?.order ?? nextOrder(others);
    const type: EntityType = { id: input.id, ...checked, order };
    await db.entityTypes.put(type);
    return type;
  });
}

/**
 * Deletes an entity type and returns it with the entities that were moved off it (what an undo
 * needs to put both back). When entities have the type, `moveTo` must name another type: they are
 * moved to it in the same transaction. Throws an {@link EntityTypeError} when the type does not
 * exist, is the last one (an entity always needs a type), or is in use and no valid `moveTo` is given.
 */
export async function deleteEntityType(
  db: WorkbenchDb,
  id: EntityTypeId,
  options: { moveTo?: EntityTypeId } = {},
): Promise<{ deleted: EntityType; moved: EntityId[] }> {
  const { moveTo } = options;
  return db.transaction('rw', db.entityTypes, db.entities, async () => {
    const types = await loadEntityTypes(db);
    const deleted = types.find((type) => type.id === id);
    if (!deleted) throw new EntityTypeError('not-found', 'This entity type no longer exists');
    if (types.length === 1) throw new EntityTypeError('last-type', `“${deleted.name}” is the only entity type left; entities need at least one`);
    if (moveTo !== undefined && (moveTo === id || !types.some((type) => type.id === moveTo))) {
      throw new EntityTypeError('invalid-move', `Entities cannot be moved from “${deleted.name}” to a type that is being deleted or does not exist`);
    }
    const moved = await db.entities.where('typeId').equals(id).primaryKeys();
    if (moved.length > 0) {
      if (moveTo === undefined) {
        const count = moved.length === 1 ? '1 entity has' : `${moved.length} entities have`;
        throw new EntityTypeError('in-use', `${count} the type “${deleted.name}”: choose a type to move them to before deleting it`);
      }
      const now = Date.now();
      await db.entities.bulkUpdate(moved.map((key) => ({ key, changes: { typeId: moveTo, updatedAt: now } })));
    }
    await db.entityTypes.delete(id);
    return { deleted, moved };
  });
}
