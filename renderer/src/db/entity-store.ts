import {
  ENTITY_NAME_MAX_LENGTH,
  Entity,
  MentionRecord,
  RejectedHit,
  rejectedHitId,
  type EntityType,
} from '../../../shared/model/annotation';
import { newEntityId, type AnnotationId, type ArticleId, type EntityId, type EntityTypeId } from '../../../shared/model/ids';
import type { SkippedRow } from './annotation-store';
import { loadEntityTypes } from './entity-type-store';
import type { WorkbenchDb } from './workbench-db';
import { describeIssues, describeRowId } from './describe-invalid-row';
import { applyMentionCountChanges, entityWriteTables } from './mention-count-store';

/*
 * Entities and their mentions. A mention is an annotation of kind "mention" (same table and
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

/** The result of {@link loadEntities}. */
export interface LoadedEntities {
  /** Valid entities, by name. */
  entities: Entity[];
  skipped: SkippedRow[];
}

/** What a new entity is made of; everything but the type and the name may be left out. */
export interface NewEntity {
  typeId: EntityTypeId;
  name: string;
  aliases?: readonly string[];
  description?: string;
  externalId?: string;
}

/** What {@link updateEntity} may change besides the name and aliases, which have their own rules. */
export type EntityDetails = Partial<Pick<Entity, 'description' | 'externalId'>>;

/** An edit of one entity: the row as it was and as it is now (the same object when nothing changed). */
export interface EntityEdit {
  before: Entity;
  after: Entity;
}

/** One row as it was and as it became; `undefined` on the side where it does not exist. */
export interface RowChange<T, K extends string> {
  key: K;
  before: T | undefined;
  after: T | undefined;
}

/** Every row a write touched, enough to undo it ({@link restoreRows} `'before'`) or redo it (`'after'`). */
export interface EntityChangeSet {
  entities: Array<RowChange<Entity, EntityId>>;
  mentions: Array<RowChange<MentionRecord, AnnotationId>>;
  rejectedHits: Array<RowChange<RejectedHit, string>>;
}

/** A type-ahead suggestion: the entity, its type, and the alias that matched (`null`: the name did). */
export interface EntityMatch {
  entity: Entity;
  type: EntityType;
  matchedAlias: string | null;
}

/** How often an entity is mentioned, in all and per article. */
export interface MentionCount {
  total: number;
  byArticle: Map<ArticleId, number>;
}

/** A search hit the user rejected, before the store gives it its id and time. */
export type HitToReject = Omit<RejectedHit, 'id' | 'createdAt'>;

/** All entities, validated and sorted by name; unusable rows are described in `skipped` and left stored. */
export async function loadEntities(db: WorkbenchDb): Promise<LoadedEntities> {
  const rows: unknown[] = await db.entities.toArray();
  const entities: Entity[] = [];
  const skipped: SkippedRow[] = [];
  for (const row of rows) {
    const parsed = Entity.safeParse(row);
    if (parsed.success) entities.push(parsed.data);
    else skipped.push({ id: describeRowId(row, 'an entity'), reason: describeIssues(parsed.error) });
  }
  return { entities: entities.sort((a, b) => byName.compare(a.name, b.name)), skipped };
}

/**
 * Entities whose name or an alias starts with `text`, or has a word that does, ignoring case and
 * diacritics ("kagame" finds "President Paul Kagame"; "felix" finds "Félix Tshisekedi"). Whole
 * matches come first, then prefix matches, then word matches, each by name. An entity found by its
 * name and an alias is listed once, as found by its name. At most `limit` matches.
 *
 * Scans every entity: matching inside words, aliases and without diacritics would need an index of
 * its own, and a corpus's entities (thousands at most) are scanned in well under a keystroke.
 */
export async function findEntitiesByName(db: WorkbenchDb, text: string, limit = 20): Promise<EntityMatch[]> {
  const query = searchKey(text);
  if (query === '') return [];
  const [{ entities }, types] = await Promise.all([loadEntities(db), loadEntityTypes(db)]);
  const typeById = new Map(types.map((type) => [type.id, type]));
  const ranked: Array<EntityMatch & { rank: number }> = [];
  for (const entity of entities) {
    const type = typeById.get(entity.typeId);
    if (!type) continue;
    let best: { rank: number; alias: string | null } | null = null;
    for (const [candidate, alias] of [[entity.name, null] as const, ...entity.aliases.map((a) => [a, a] as const)]) {
      const rank = matchRank(searchKey(candidate), query);
      if (rank !== null && (best === null || rank < best.rank)) best = { rank, alias };
    }
    if (best) ranked.push({ entity, type, matchedAlias: best.alias, rank: best.rank });
  }
  // `entities` is sorted by name and the sort is stable, so equal ranks stay in name order.
  return ranked
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map(({ entity, type, matchedAlias }) => ({ entity, type, matchedAlias }));
}

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
    const rows = await db.annotations.bulkGet(ids);
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

/**
 * Stores new mentions in one transaction, except where the same entity is already tagged on the
 * same stretch of the same article (accepting a hit twice tags it once). A rejection of that
 * same hit is withdrawn. Returns, for each input, the mention now standing there (the new one or
 * the one already stored), and the change set that undoes the write.
 * Throws an {@link EntityError} when a mention is invalid or its entity does not exist.
 */
export async function addMentions(db: WorkbenchDb, input: readonly MentionRecord[]): Promise<{ mentions: MentionRecord[]; changes: EntityChangeSet }> {
  const valid = input.map((record) => {
    const parsed = MentionRecord.safeParse(record);
    if (!parsed.success) throw new EntityError('invalid-mention', `Refusing to store an invalid mention: ${describeIssues(parsed.error)}`);
    return parsed.data;
  });
  return db.transaction('rw', entityWriteTables(db), async () => {
    const entityIds = [...new Set(valid.map((mention) => mention.entityId))];
    for (const id of entityIds) await requireEntity(db, id);
    const stored = new Map<string, MentionRecord>();
    for (const id of entityIds) for (const mention of await mentionsOf(db, id)) stored.set(placeOf(mention), mention);
    const added: MentionRecord[] = [];
    const mentions = valid.map((mention) => {
      const standing = stored.get(placeOf(mention));
      if (standing) return standing;
      stored.set(placeOf(mention), mention);
      added.push(mention);
      return mention;
    });
    // Ids are fresh UUIDs; a clash means a caller bug, and writing anyway would replace a highlight.
    const clashing = (await db.annotations.bulkGet(added.map((mention) => mention.id))).findIndex((row) => row !== undefined);
    if (clashing >= 0) throw new EntityError('invalid-mention', `An annotation with id “${added[clashing]?.id}” already exists`);
    const withdrawn = await db.rejectedHits.bulkGet(
      added.map(({ entityId, articleId, anchor }) => rejectedHitId(entityId, articleId, anchor.start, anchor.end)),
    );
    const changes: EntityChangeSet = {
      entities: [],
      mentions: added.map((mention) => change(mention.id, undefined, mention)),
      rejectedHits: withdrawn.flatMap((row) => {
        const parsed = RejectedHit.safeParse(row);
        return parsed.success ? [change(parsed.data.id, parsed.data, undefined)] : [];
      }),
    };
    await restoreRows(db, changes, 'after');
    return { mentions, changes };
  });
}

/** Deletes the given mentions (ids that are not mentions are ignored); returns the change set that undoes it. */
export async function removeMentions(db: WorkbenchDb, ids: readonly AnnotationId[]): Promise<EntityChangeSet> {
  return db.transaction('rw', entityWriteTables(db), async () => {
    const rows = await db.annotations.bulkGet([...new Set(ids)]);
    const changes: EntityChangeSet = { entities: [], mentions: [], rejectedHits: [] };
    for (const row of rows) {
      const parsed = MentionRecord.safeParse(row);
      if (parsed.success) changes.mentions.push(change(parsed.data.id, parsed.data, undefined));
    }
    await restoreRows(db, changes, 'after');
    return changes;
  });
}

/**
 * Records search hits as not being mentions of their entity, so the next search leaves them out.
 * A hit rejected before keeps its first rejection. Returns the change set that undoes it.
 * Throws an {@link EntityError} when a hit is invalid or its entity does not exist.
 */
export async function rejectHits(db: WorkbenchDb, hits: readonly HitToReject[]): Promise<EntityChangeSet> {
  const now = Date.now();
  const rows = hits.map((hit) => {
    const parsed = RejectedHit.safeParse({ ...hit, id: rejectedHitId(hit.entityId, hit.articleId, hit.start, hit.end), createdAt: now });
    if (!parsed.success) throw new EntityError('invalid-hit', `Refusing to store an invalid rejection: ${describeIssues(parsed.error)}`);
    return parsed.data;
  });
  const unique = [...new Map(rows.map((row) => [row.id, row])).values()];
  return db.transaction('rw', entityWriteTables(db), async () => {
    for (const id of new Set(unique.map((row) => row.entityId))) await requireEntity(db, id);
    const existing = await db.rejectedHits.bulkGet(unique.map((row) => row.id));
    const changes: EntityChangeSet = {
      entities: [],
      mentions: [],
      rejectedHits: unique.filter((_, i) => existing[i] === undefined).map((row) => change(row.id, undefined, row)),
    };
    await restoreRows(db, changes, 'after');
    return changes;
  });
}

/**
 * How many mentions each entity has, in all and per article, in one pass over the mentions (the
 * `kind` index), reading only the two ids of each: fast enough for a live query over the corpus.
 */
export async function mentionCounts(db: WorkbenchDb): Promise<Map<EntityId, MentionCount>> {
  const counts = new Map<EntityId, MentionCount>();
  await db.annotations
    .where('kind')
    .equals('mention')
    .each(({ entityId, articleId }) => {
      if (typeof entityId !== 'string' || typeof articleId !== 'string') return;
      let count = counts.get(entityId);
      if (!count) counts.set(entityId, (count = { total: 0, byArticle: new Map() }));
      count.total += 1;
      count.byArticle.set(articleId, (count.byArticle.get(articleId) ?? 0) + 1);
    });
  return counts;
}

/**
 * Writes one side of a change set in one transaction: `'before'` undoes the write that produced
 * it, `'after'` redoes it. Throws an {@link EntityError}, writing nothing, when an entity would
 * come back with a type that has been deleted since.
 */
export async function restoreRows(db: WorkbenchDb, changes: EntityChangeSet, side: 'before' | 'after'): Promise<void> {
  await db.transaction('rw', entityWriteTables(db), async () => {
    const entities = sideOf(changes.entities, side);
    for (const typeId of new Set(entities.put.map((entity) => entity.typeId))) await requireType(db, typeId);
    await db.entities.bulkDelete(entities.delete);
    await db.entities.bulkPut(entities.put);
    const mentions = sideOf(changes.mentions, side);
    await applyMentionCountChanges(db, changes.mentions, side);
    await db.annotations.bulkDelete(mentions.delete);
    await db.annotations.bulkPut(mentions.put);
    const rejected = sideOf(changes.rejectedHits, side);
    await db.rejectedHits.bulkDelete(rejected.delete);
    await db.rejectedHits.bulkPut(rejected.put);
  });
}

/** The change sets one after the other, as one (their rows must not overlap). */
export function joinChanges(...sets: readonly EntityChangeSet[]): EntityChangeSet {
  return {
    entities: sets.flatMap((set) => set.entities),
    mentions: sets.flatMap((set) => set.mentions),
    rejectedHits: sets.flatMap((set) => set.rejectedHits),
  };
}

/** Whether a change set changes nothing (so there is nothing to undo). */
export function isEmptyChangeSet(changes: EntityChangeSet): boolean {
  return changes.entities.length === 0 && changes.mentions.length === 0 && changes.rejectedHits.length === 0;
}

/** The one-row change set of an {@link EntityEdit}. */
export function editChanges({ before, after }: EntityEdit): EntityChangeSet {
  return { entities: before === after ? [] : [change(before.id, before, after)], mentions: [], rejectedHits: [] };
}

function change<T, K extends string>(key: K, before: T | undefined, after: T | undefined): RowChange<T, K> {
  return { key, before, after };
}

function sideOf<T, K extends string>(changes: ReadonlyArray<RowChange<T, K>>, side: 'before' | 'after'): { put: T[]; delete: K[] } {
  const put: T[] = [];
  const remove: K[] = [];
  for (const row of changes) {
    const value = row[side];
    if (value === undefined) remove.push(row.key);
    else put.push(value);
  }
  return { put, delete: remove };
}

function moveMentions(mentions: readonly MentionRecord[], entityId: EntityId, now: number): Array<RowChange<MentionRecord, AnnotationId>> {
  return mentions.map((mention) => change(mention.id, mention, { ...mention, entityId, updatedAt: now }));
}

async function mentionsOf(db: WorkbenchDb, entityId: EntityId): Promise<MentionRecord[]> {
  const rows: unknown[] = await db.annotations.where('entityId').equals(entityId).toArray();
  return rows.flatMap((row) => {
    const parsed = MentionRecord.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The hits rejected for an entity, valid rows only, for a search to leave out. */
export async function loadRejectedHits(db: WorkbenchDb, entityId: EntityId): Promise<RejectedHit[]> {
  const rows: unknown[] = await db.rejectedHits.where('entityId').equals(entityId).toArray();
  return rows.flatMap((row) => {
    const parsed = RejectedHit.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Where a mention stands now: its anchor, or what was selected when anchoring lost it. */
function placeOf(mention: MentionRecord): string {
  const { start, end } = mention.anchor.status === 'orphan' ? mention.target.position : mention.anchor;
  return rejectedHitId(mention.entityId, mention.articleId, start, end);
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

async function requireEntity(db: WorkbenchDb, id: EntityId): Promise<Entity> {
  const parsed = Entity.safeParse(await db.entities.get(id));
  if (!parsed.success) throw new EntityError('not-found', 'This entity no longer exists');
  return parsed.data;
}

async function requireType(db: WorkbenchDb, id: EntityTypeId): Promise<void> {
  if ((await db.entityTypes.get(id)) === undefined) throw new EntityError('unknown-type', 'This entity type no longer exists');
}

function newEntity(input: NewEntity): Entity {
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

function cleanName(raw: string, what = 'An entity name'): string {
  const name = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (name === '') throw new EntityError('empty-name', 'An entity needs a name');
  if (name.length > ENTITY_NAME_MAX_LENGTH) throw new EntityError('name-too-long', `${what} can be at most ${ENTITY_NAME_MAX_LENGTH} characters long`);
  return name;
}

/** Aliases differing only in case say the same thing to a search that ignores case; diacritics are kept apart. */
function cleanAliases(aliases: readonly string[], canonical: string): string[] {
  const kept: string[] = [];
  for (const raw of aliases) {
    if (raw.trim() === '') continue;
    const alias = cleanName(raw, 'An alias');
    if (![canonical, ...kept].some((other) => other.localeCompare(alias, undefined, { sensitivity: 'accent' }) === 0)) kept.push(alias);
  }
  return kept;
}

function cleanExternalId(raw: string): string {
  const id = raw.trim();
  if (id === '') return '';
  if (!/^q\d+$/i.test(id)) {
    throw new EntityError('invalid-external-id', `“${raw}” is not a Wikidata id: write it as Q and digits, for example Q57421`);
  }
  return id.toUpperCase();
}

function checked(entity: Entity): Entity {
  const parsed = Entity.safeParse(entity);
  if (!parsed.success) throw new EntityError('invalid-entity', `Refusing to store an invalid entity: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Lower case without diacritics or repeated spaces: "Félix  TSHISEKEDI" → "felix tshisekedi". */
function searchKey(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim().replace(/\s+/g, ' ');
}

/** 0: the whole candidate; 1: its start; 2: the start of one of its words; null: no match. */
function matchRank(candidate: string, query: string): number | null {
  if (candidate === query) return 0;
  if (candidate.startsWith(query)) return 1;
  for (let at = candidate.indexOf(query, 1); at !== -1; at = candidate.indexOf(query, at + 1)) {
    if (!/[\p{L}\p{N}]/u.test(candidate[at - 1] ?? '')) return 2;
  }
  return null;
}

