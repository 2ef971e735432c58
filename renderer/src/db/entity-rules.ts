import { ENTITY_NAME_MAX_LENGTH, Entity } from '../../../shared/model/annotation';
import { newEntityId, type EntityId, type EntityTypeId } from '../../../shared/model/ids';
import { sameNameIgnoringCase } from '../../../shared/text/same-name';
import { describeIssues } from './describe-invalid-row';
import type { WorkbenchDb } from './workbench-db';
import { collapseWhiteSpace } from '../../../shared/text/white-space';

/*
 * The rules every entity write follows: what a name, an alias and a Wikidata id may be, and the
 * refusals (an {@link EntityError} whose message is shown to the user as is).
 */

export type EntityErrorCode =
  | 'empty-name'
  | 'name-too-long'
  | 'invalid-external-id'
  | 'invalid-entity'
  | 'invalid-mention'
  | 'invalid-hit'
  | 'not-found'
  | 'unknown-type'
  | 'merge-into-itself'
  | 'no-mentions'
  | 'not-a-mention';

/** An entity change the store refused; `message` is written to be shown to the user as is. */
export class EntityError extends Error {
  override name = 'EntityError';

  constructor(
    readonly code: EntityErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** What a new entity is made of; everything but the type and the name may be left out. */
export interface NewEntity {
  typeId: EntityTypeId;
  name: string;
  aliases?: readonly string[];
  description?: string;
  externalId?: string;
}

export async function requireEntity(db: WorkbenchDb, id: EntityId): Promise<Entity> {
  const parsed = Entity.safeParse(await db.entities.get(id));
  if (!parsed.success) throw new EntityError('not-found', 'This entity no longer exists');
  return parsed.data;
}

export async function requireType(db: WorkbenchDb, id: EntityTypeId): Promise<void> {
  if ((await db.entityTypes.get(id)) === undefined) throw new EntityError('unknown-type', 'This entity type no longer exists');
}

export function newEntity(input: NewEntity): Entity {
  const name = cleanName(input.name);
  const now = Date.now();
  return checked({
    id: newEntityId(),
    typeId: input.typeId,
    name,
    aliases: cleanAliases(input.aliases ?? [], name),
    description: (input.description ?? '').trim(),
    externalId: cleanExternalId(input.externalId ?? ''),
    createdAt: now,
    updatedAt: now,
  });
}

export function cleanName(raw: string, what = 'An entity name'): string {
  const name = collapseWhiteSpace(raw.normalize('NFC'));
  if (name === '') throw new EntityError('empty-name', 'An entity needs a name');
  if (name.length > ENTITY_NAME_MAX_LENGTH) throw new EntityError('name-too-long', `${what} can be at most ${ENTITY_NAME_MAX_LENGTH} characters long`);
  return name;
}

/** Aliases differing only in case say the same thing to a search that ignores case; diacritics are kept apart. */
export function cleanAliases(aliases: readonly string[], canonical: string): string[] {
  const kept: string[] = [];
  for (const raw of aliases) {
    if (raw.trim() === '') continue;
    const alias = cleanName(raw, 'An alias');
    if (![canonical, ...kept].some((other) => sameNameIgnoringCase(other, alias))) kept.push(alias);
  }
  return kept;
}

export function cleanExternalId(raw: string): string {
  const id = raw.trim();
  if (id === '') return '';
  if (!/^q\d+$/i.test(id)) {
    throw new EntityError('invalid-external-id', `“${raw}” is not a Wikidata id: write it as Q and digits, for example Q57421`);
  }
  return id.toUpperCase();
}

export function checked(entity: Entity): Entity {
  const parsed = Entity.safeParse(entity);
  if (!parsed.success) throw new EntityError('invalid-entity', `Refusing to store an invalid entity: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
