import { MentionRecord, rejectedHitId, type Entity } from '../../../shared/model/annotation';
import type { AnnotationId, EntityId, EntityTypeId } from '../../../shared/model/ids';
import { annotationRowsByIds } from './annotation-packs';
import { change, restoreRows, type EntityChangeSet, type EntityEdit, type RowChange } from './entity-change-set';
import { checked, cleanAliases, cleanExternalId, cleanName, EntityError, newEntity, requireEntity, requireType, type NewEntity } from './entity-rules';
import { entityWriteTables } from './mention-count-store';
import { loadRejectedHits, mentionsOf, placeOf } from './mention-store';
import type { WorkbenchDb } from './workbench-db';

/*
 * Writing entities: create, edit, merge, split, delete. A mention is an annotation of kind "mention" (same table and
 * anchoring as a highlight), so every write that touches an entity and its mentions runs in one
 * transaction over both tables.
 *
 * Every multi-row write is computed first as an {@link EntityChangeSet}, every touched row as it
 * was and as it becomes, then written by the same {@link restoreRows} that undo and redo use: what
 * undo puts back is, by construction, exactly what the write replaced, timestamps included.
 *
 * As in the annotation store, rows that fail validation are never touched: they are skipped by
 * reads and left stored, so a fixed build can still recover them.
 */

// What other modules imported from here before the store was split by job (rules, change sets,
// search, mentions), so branches written against it still build.
export { EntityError, type EntityErrorCode, type NewEntity } from './entity-rules';
export { editChanges, isEmptyChangeSet, joinChanges, restoreRows, type EntityChangeSet, type EntityEdit, type RowChange } from './entity-change-set';
export { findEntitiesByName, loadEntities, type EntityMatch, type LoadedEntities } from './entity-search';
export { addMentions, loadRejectedHits, mentionCounts, rejectHits, removeMentions, type HitToReject, type MentionCount } from './mention-store';

/** What {@link updateEntity} may change besides the name and aliases, which have their own rules. */
export type EntityDetails = Partial<Pick<Entity, 'description' | 'externalId'>>;

/** Creates an entity and returns it as stored. Throws an {@link EntityError} for a bad name, external id or type. */
export async function createEntity(db: WorkbenchDb, input: NewEntity): Promise<Entity> {
  const entity = newEntity(input);
  await db.transaction('rw', db.entities, db.entityTypes, async () => {
    await requireType(db, entity.typeId);
    await db.entities.add(entity);
  });
  return entity;
}

/** Gives an entity a new canonical name; an alias equal to it is dropped, since it would say nothing. */
export async function renameEntity(db: WorkbenchDb, id: EntityId, name: string): Promise<EntityEdit> {
  const cleaned = cleanName(name);
  return editEntity(db, id, (entity) => ({ ...entity, name: cleaned, aliases: cleanAliases(entity.aliases, cleaned) }));
}

/** Replaces an entity's aliases: trimmed, empty ones dropped, duplicates (ignoring case) and the canonical name removed. */
export async function setAliases(db: WorkbenchDb, id: EntityId, aliases: readonly string[]): Promise<EntityEdit> {
  return editEntity(db, id, (entity) => ({ ...entity, aliases: cleanAliases(aliases, entity.name) }));
}

/** Changes an entity's description or Wikidata id (`q57421` is stored as `Q57421`; `''` unlinks it). */
export async function updateEntity(db: WorkbenchDb, id: EntityId, details: EntityDetails): Promise<EntityEdit> {
  const changes: EntityDetails = {};
  if (details.description !== undefined) changes.description = details.description.trim();
  if (details.externalId !== undefined) changes.externalId = cleanExternalId(details.externalId);
  return editEntity(db, id, (entity) => ({ ...entity, ...changes }));
}

/** Gives an entity another type (its mentions take that type's colour). Throws an {@link EntityError} when the type does not exist. */
export async function setEntityType(db: WorkbenchDb, id: EntityId, typeId: EntityTypeId): Promise<EntityEdit> {
  return db.transaction('rw', db.entities, db.entityTypes, async () => {
    await requireType(db, typeId);
    return editEntity(db, id, (entity) => ({ ...entity, typeId }));
  });
}

/**
 * Merges `fromId` into `intoId`: its mentions and rejected hits move to `into` (a mention of words
 * `into` already tags is dropped instead), its name and aliases become aliases of `into`, its
 * description and Wikidata id fill those `into` lacks, and `from` is deleted, all in one
 * transaction. Returns the change set that undoes it.
 * Throws an {@link EntityError} when either entity is missing, or they are the same.
 */
export async function mergeEntities(db: WorkbenchDb, fromId: EntityId, intoId: EntityId): Promise<EntityChangeSet> {
  return db.transaction('rw', entityWriteTables(db), async () => {
    const from = await requireEntity(db, fromId);
    if (fromId === intoId) throw new EntityError('merge-into-itself', `“${from.name}” cannot be merged into itself`);
    const into = await requireEntity(db, intoId);
    const now = Date.now();
    const merged: Entity = {
      ...into,
      aliases: cleanAliases([...into.aliases, from.name, ...from.aliases], into.name),
      description: into.description || from.description,
      externalId: into.externalId || from.externalId,
      updatedAt: now,
    };
    const rejected = await loadRejectedHits(db, fromId);
    const moved = rejected.map((hit) => ({ ...hit, id: rejectedHitId(intoId, hit.articleId, hit.start, hit.end), entityId: intoId }));
    const alreadyRejected = await db.rejectedHits.bulkGet(moved.map((hit) => hit.id));
    // Where both entities tagged the same words, `into` keeps its mention and `from`'s goes: two
    // mentions of one entity on one passage would be counted and painted twice.
    const intoPlaces = new Set((await mentionsOf(db, intoId)).map(placeOf));
    const fromMentions = await mentionsOf(db, fromId);
    const isDuplicate = (mention: MentionRecord): boolean => intoPlaces.has(placeOf({ ...mention, entityId: intoId }));
    const changes: EntityChangeSet = {
      entities: [change(from.id, from, undefined), change(into.id, into, merged)],
      mentions: [
        ...moveMentions(fromMentions.filter((mention) => !isDuplicate(mention)), intoId, now),
        ...fromMentions.filter(isDuplicate).map((mention) => change(mention.id, mention, undefined)),
      ],
      rejectedHits: [
        ...rejected.map((hit) => change(hit.id, hit, undefined)),
        ...moved.filter((_, i) => alreadyRejected[i] === undefined).map((hit) => change(hit.id, undefined, hit)),
      ],
    };
    await restoreRows(db, changes, 'after');
    return changes;
  });
}

/**
 * Moves the given mentions to a new entity made from `input` (for when one name turned out to
 * stand for two people), in one transaction. Returns the new entity and the change set that undoes it.
 * Throws an {@link EntityError} when no mention is given or one of them is not a mention.
 */
export async function splitMentions(
  db: WorkbenchDb,
  mentionIds: readonly AnnotationId[],
  input: NewEntity,
): Promise<{ entity: Entity; changes: EntityChangeSet }> {
  const ids = [...new Set(mentionIds)];
  if (ids.length === 0) throw new EntityError('no-mentions', 'Choose at least one mention to move to the new entity');
  const entity = newEntity(input);
  return db.transaction('rw', entityWriteTables(db), async () => {
    await requireType(db, entity.typeId);
    const rows = await annotationRowsByIds(db, ids);
    const mentions = rows.map((row) => {
      const parsed = MentionRecord.safeParse(row);
      if (!parsed.success) throw new EntityError('not-a-mention', 'One of the chosen passages is no longer a mention of an entity');
      return parsed.data;
    });
    const changes: EntityChangeSet = {
      entities: [change(entity.id, undefined, entity)],
      mentions: moveMentions(mentions, entity.id, entity.createdAt),
      rejectedHits: [],
    };
    await restoreRows(db, changes, 'after');
    return { entity, changes };
  });
}

/** Deletes an entity with its mentions and rejected hits, in one transaction; returns the change set that undoes it. */
export async function deleteEntity(db: WorkbenchDb, id: EntityId): Promise<EntityChangeSet> {
  return db.transaction('rw', entityWriteTables(db), async () => {
    const entity = await requireEntity(db, id);
    const changes: EntityChangeSet = {
      entities: [change(id, entity, undefined)],
      mentions: (await mentionsOf(db, id)).map((mention) => change(mention.id, mention, undefined)),
      rejectedHits: (await loadRejectedHits(db, id)).map((hit) => change(hit.id, hit, undefined)),
    };
    await restoreRows(db, changes, 'after');
    return changes;
  });
}

function moveMentions(mentions: readonly MentionRecord[], entityId: EntityId, now: number): Array<RowChange<MentionRecord, AnnotationId>> {
  return mentions.map((mention) => change(mention.id, mention, { ...mention, entityId, updatedAt: now }));
}

async function editEntity(db: WorkbenchDb, id: EntityId, edit: (entity: Entity) => Entity): Promise<EntityEdit> {
  return db.transaction('rw', db.entities, async () => {
    const before = await requireEntity(db, id);
    const edited = edit(before);
    // Rows are plain JSON built by spreading `before`, so equal JSON means nothing changed: no
    // write, no wakened live query, nothing to undo.
    if (JSON.stringify(edited) === JSON.stringify(before)) return { before, after: before };
    const after = checked({ ...edited, updatedAt: Date.now() });
    await db.entities.put(after);
    return { before, after };
  });
}
