import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeRange } from '../../../shared/anchoring/describe-range';
import type { HighlightRecord, MentionRecord } from '../../../shared/model/annotation';
import { AnnotationId, EntityTypeId, LegendId, newArticleId, type ArticleId, type EntityId } from '../../../shared/model/ids';
import { loadAnnotations, putAnnotation } from './annotation-store';
import {
  addMentions,
  createEntity,
  deleteEntity,
  EntityError,
  findEntitiesByName,
  loadEntities,
  loadRejectedHits,
  mentionCounts,
  mergeEntities,
  rejectHits,
  renameEntity,
  restoreRows,
  setAliases,
  splitMentions,
  updateEntity,
} from './entity-store';
import { DEFAULT_ENTITY_TYPES, WorkbenchDb } from './workbench-db';
import { storedAnnotationRows } from './annotation-rows-for-tests';

/*
 * Texts copied from the first lines of corpus/000_f9a0009864046443.txt (Kagame and Rubio on a
 * ceasefire) and corpus/001_49124f787c8de1cf.txt (Rubio and Ruto); the files cannot be read here
 * (no Node in renderer tests). Both are ASCII, so UTF-16 indices and code points coincide.
 */
const KAGAME_RUBIO =
  'President Paul Kagame on Wednesday, January 29, said he had a conversation with US Secretary of State Marco Rubio on the "need to ensure a ceasefire" in eastern DR Congo, where M23 rebels captured Goma city on Sunday, escalating conflict that has being ongoing since late 2021.\n' +
  'In a post on X, Kagame said he and Rubio also discussed the need to "address the root causes of the conflict once and for all, and on the importance of deepening our bilateral ties based upon respect for our respective national interests."';
const RUBIO_RUTO =
  'U.S. Secretary of State Marco Rubio and Kenyan President William Ruto have called for an immediate ceasefire in eastern Democratic Republic of Congo (DRC) amid escalating violence. Their appeal follows the capture of key cities by the Rwanda-backed M23 rebel group.\n' +
  'M23, accused of receiving military support from Rwanda, has reignited tensions between Kinshasa and Kigali. Rwanda denies allegations from Congo, the United Nations, and Western nations that it supplies arms and troops to the rebels.';

const [PERSON, ORGANISATION, LOCATION] = DEFAULT_ENTITY_TYPES as [(typeof DEFAULT_ENTITY_TYPES)[number], (typeof DEFAULT_ENTITY_TYPES)[number], (typeof DEFAULT_ENTITY_TYPES)[number]];
const A000 = newArticleId();
const A001 = newArticleId();
const TEXTS = new Map<ArticleId, string>([
  [A000, KAGAME_RUBIO],
  [A001, RUBIO_RUTO],
]);
const CREATED = 1_738_140_000_000;

/** Where the `occurrence`-th (from 0) `quote` of the article is, as an annotation stores it. */
function placeOf(articleId: ArticleId, quote: string, occurrence = 0): Pick<MentionRecord, 'articleId' | 'target' | 'anchor'> {
  const text = TEXTS.get(articleId) ?? '';
  let start = text.indexOf(quote);
  for (let i = 0; i < occurrence; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`“${quote}” is not in the text`);
  const end = start + quote.length;
  return { articleId, target: describeRange(text, { start, end }), anchor: { status: 'exact', start, end, confidence: 1 } };
}

/** The `occurrence`-th (from 0) `quote` in the article, tagged as a mention of `entityId`. */
function mentionOf(id: string, entityId: EntityId, articleId: ArticleId, quote: string, occurrence = 0): MentionRecord {
  const place = placeOf(articleId, quote, occurrence);
  return { id: AnnotationId.parse(id), kind: 'mention', entityId, comment: '', ...place, createdAt: CREATED, updatedAt: CREATED };
}

/** A highlight of "need to ensure a ceasefire", which entity operations must never touch. */
const ceasefire: HighlightRecord = {
  id: AnnotationId.parse('ceasefire'),
  kind: 'highlight',
  legendId: LegendId.parse('default-key-claim'),
  comment: '',
  ...placeOf(A000, 'need to ensure a ceasefire'),
  createdAt: CREATED,
  updatedAt: CREATED,
};

let db: WorkbenchDb;

beforeEach(() => {
  db = new WorkbenchDb('entity-store-test', { indexedDB, IDBKeyRange });
});

afterEach(async () => {
  await db.delete();
});

async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof EntityError)) throw new Error(`expected an EntityError, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

/** Every row entity operations may touch, in key order. */
async function dump() {
  return {
    entities: await db.entities.orderBy('id').toArray(),
    annotations: await storedAnnotationRows(db),
    rejectedHits: await db.rejectedHits.orderBy('id').toArray(),
  };
}

describe('loadEntities', () => {
  it('loads valid entities by name and skips corrupt rows with a reason, leaving them stored', async () => {
    const rubio = await createEntity(db, { typeId: PERSON.id, name: 'Marco Rubio' });
    const kagame = await createEntity(db, { typeId: PERSON.id, name: 'Paul Kagame' });
    await db.table('entities').bulkPut([
      { ...kagame, id: 'url-not-qid', externalId: 'https://www.wikidata.org/wiki/Q57421' },
      { ...kagame, id: 'no-name', name: undefined },
    ]);
    expect(await loadEntities(db)).toEqual({
      entities: [rubio, kagame],
      skipped: [
        { id: 'no-name', reason: 'name: Invalid input: expected string, received undefined' },
        { id: 'url-not-qid', reason: 'externalId: must be a Wikidata id such as Q57421' },
      ],
    });
    expect(await db.entities.count()).toBe(4);
  });
});

describe('creating and editing entities', () => {
  it('creates an entity with its name, aliases and Wikidata id cleaned up', async () => {
    const kagame = await createEntity(db, {
      typeId: PERSON.id,
      name: '  Paul   Kagame ',
      aliases: [' Kagame ', 'KAGAME', 'paul kagame', '', '@PaulKagame'],
      description: ' President of Rwanda ',
      externalId: ' q57421 ',
    });
    expect(kagame).toEqual({
      id: expect.any(String),
      typeId: PERSON.id,
      name: 'Paul Kagame',
      aliases: ['Kagame', '@PaulKagame'],
      description: 'President of Rwanda',
      externalId: 'Q57421',
      createdAt: expect.any(Number),
      updatedAt: kagame.createdAt,
    });
    expect((await loadEntities(db)).entities).toEqual([kagame]);
  });

  it('refuses an empty name, an unknown type and something that is not a Wikidata id', async () => {
    expect(await rejection(createEntity(db, { typeId: PERSON.id, name: '  ' }))).toEqual({ code: 'empty-name', message: 'An entity needs a name' });
    expect((await rejection(createEntity(db, { typeId: EntityTypeId.parse('gone'), name: 'M23' }))).code).toBe('unknown-type');
    expect(await rejection(createEntity(db, { typeId: PERSON.id, name: 'Paul Kagame', externalId: 'Kagame' }))).toEqual({
      code: 'invalid-external-id',
      message: '“Kagame” is not a Wikidata id: write it as Q and digits, for example Q57421',
    });
    expect(await db.entities.count()).toBe(0);
  });

  it('sets aliases trimmed and deduplicated, never the canonical name, and writes nothing when they do not change', async () => {
    const kagame = await createEntity(db, { typeId: PERSON.id, name: 'Paul Kagame' });
    const edit = await setAliases(db, kagame.id, ['Kagame', ' President   Kagame', 'Paul Kagame', 'kagame', '@PaulKagame']);
    expect(edit).toEqual({ before: kagame, after: { ...kagame, aliases: ['Kagame', 'President Kagame', '@PaulKagame'], updatedAt: expect.any(Number) } });
    const again = await setAliases(db, kagame.id, ['Kagame', 'President Kagame', '@PaulKagame']);
    expect(again.after).toBe(again.before);
    expect((await loadEntities(db)).entities).toEqual([edit.after]);
  });

  it('drops the alias a rename turns into the canonical name', async () => {
    const kagame = await createEntity(db, { typeId: PERSON.id, name: 'President Paul Kagame', aliases: ['Paul Kagame', 'Kagame'] });
    const { after } = await renameEntity(db, kagame.id, 'Paul Kagame');
    expect(after).toEqual({ ...kagame, name: 'Paul Kagame', aliases: ['Kagame'], updatedAt: expect.any(Number) });
  });

  it('updates the description and Wikidata id, and refuses to update an entity that is gone', async () => {
    const kagame = await createEntity(db, { typeId: PERSON.id, name: 'Paul Kagame' });
    const { after } = await updateEntity(db, kagame.id, { description: 'President of Rwanda', externalId: 'Q57421' });
    expect(after).toEqual({ ...kagame, description: 'President of Rwanda', externalId: 'Q57421', updatedAt: expect.any(Number) });
    expect((await rejection(updateEntity(db, kagame.id, { externalId: 'Q' }))).code).toBe('invalid-external-id');
    expect((await rejection(updateEntity(db, 'gone' as EntityId, { description: '' }))).code).toBe('not-found');
  });
});

describe('findEntitiesByName', () => {
  it('finds by name or alias, by prefix or word, ignoring case and diacritics, and says which alias matched', async () => {
    const kagame = await createEntity(db, { typeId: PERSON.id, name: 'Paul Kagame', aliases: ['Kagame', '@PaulKagame'] });
    const rubio = await createEntity(db, { typeId: PERSON.id, name: 'Marco Rubio', aliases: ['Rubio', 'Secretary Rubio'] });
    const tshisekedi = await createEntity(db, { typeId: PERSON.id, name: 'Félix Tshisekedi' });

    expect(await findEntitiesByName(db, 'kagame')).toEqual([{ entity: kagame, type: PERSON, matchedAlias: 'Kagame' }]);
    expect(await findEntitiesByName(db, 'Paul')).toEqual([{ entity: kagame, type: PERSON, matchedAlias: null }]);
    expect(await findEntitiesByName(db, '@paul')).toEqual([{ entity: kagame, type: PERSON, matchedAlias: '@PaulKagame' }]);
    expect(await findEntitiesByName(db, 'secretary  RUB')).toEqual([{ entity: rubio, type: PERSON, matchedAlias: 'Secretary Rubio' }]);
    expect(await findEntitiesByName(db, 'felix t')).toEqual([{ entity: tshisekedi, type: PERSON, matchedAlias: null }]);
    expect(await findEntitiesByName(db, 'TSHISÉKEDI')).toEqual([{ entity: tshisekedi, type: PERSON, matchedAlias: null }]);
    expect(await findEntitiesByName(db, 'agame')).toEqual([]);
    expect(await findEntitiesByName(db, '   ')).toEqual([]);
  });

  it('returns both entities, with their types, when they share an alias', async () => {
    // "Rwanda denies allegations from Congo": Congo the government, not the country.
    const country = await createEntity(db, { typeId: LOCATION.id, name: 'Democratic Republic of Congo', aliases: ['DR Congo', 'DRC', 'Congo'] });
    const government = await createEntity(db, { typeId: ORGANISATION.id, name: 'Congolese government', aliases: ['Kinshasa', 'Congo'] });
    await createEntity(db, { typeId: ORGANISATION.id, name: 'M23' });

    expect(await findEntitiesByName(db, 'congo')).toEqual([
      { entity: government, type: ORGANISATION, matchedAlias: 'Congo' },
      { entity: country, type: LOCATION, matchedAlias: 'Congo' },
    ]);
    expect(await findEntitiesByName(db, 'dr')).toEqual([
      { entity: country, type: LOCATION, matchedAlias: 'DR Congo' },
    ]);
  });
});

describe('mergeEntities', () => {
  it('refuses to merge an entity into itself', async () => {
    const kagame = await createEntity(db, { typeId: PERSON.id, name: 'Paul Kagame' });
    expect(await rejection(mergeEntities(db, kagame.id, kagame.id))).toEqual({
      code: 'merge-into-itself',
      message: '“Paul Kagame” cannot be merged into itself',
    });
    expect((await loadEntities(db)).entities).toEqual([kagame]);
  });

  it('moves mentions, aliases and rejected hits into the other entity and deletes the first, undoably', async () => {
    const from = await createEntity(db, { typeId: PERSON.id, name: 'Kagame', aliases: ['President Kagame'], externalId: 'Q57421' });
    const into = await createEntity(db, { typeId: PERSON.id, name: 'Paul Kagame', aliases: ['@PaulKagame'], description: 'President of Rwanda' });
    const post = mentionOf('kagame-post', from.id, A000, 'Kagame', 1);
    const twice = mentionOf('kagame-twice', from.id, A000, 'President Paul Kagame');
    const president = mentionOf('president', into.id, A000, 'President Paul Kagame');
    await addMentions(db, [post, twice, president]);
    await putAnnotation(db, ceasefire);
    await rejectHits(db, [{ entityId: from.id, articleId: A000, start: 15, end: 21, quote: 'Kagame' }]);
    const before = await dump();

    const changes = await mergeEntities(db, from.id, into.id);

    const merged = { ...into, aliases: ['@PaulKagame', 'Kagame', 'President Kagame'], externalId: 'Q57421', updatedAt: expect.any(Number) };
    expect((await loadEntities(db)).entities).toEqual([merged]);
    const annotations = await storedAnnotationRows(db);
    // The second tag of "President Paul Kagame" went: `into` already tags those words.
    expect(annotations).toEqual([ceasefire, { ...post, entityId: into.id, updatedAt: expect.any(Number) }, president]);
    expect(await loadRejectedHits(db, into.id)).toEqual([
      { id: `${into.id}|${A000}|15|21`, entityId: into.id, articleId: A000, start: 15, end: 21, quote: 'Kagame', createdAt: expect.any(Number) },
    ]);
    expect(await loadRejectedHits(db, from.id)).toEqual([]);

    await restoreRows(db, changes, 'before');
    expect(await dump()).toEqual(before);
  });
});

describe('splitMentions', () => {
  it('moves the chosen mentions to a new entity', async () => {
    const congo = await createEntity(db, { typeId: LOCATION.id, name: 'DR Congo' });
    const eastern = mentionOf('eastern-dr-congo', congo.id, A000, 'DR Congo');
    const allegations = mentionOf('allegations-from-congo', congo.id, A001, 'Congo', 1);
    await addMentions(db, [eastern, allegations]);
    const before = await dump();

    const { entity, changes } = await splitMentions(db, [allegations.id], { typeId: ORGANISATION.id, name: 'Congolese government', aliases: ['Congo'] });

    expect(entity).toEqual({
      id: expect.any(String),
      typeId: ORGANISATION.id,
      name: 'Congolese government',
      aliases: ['Congo'],
      description: '',
      externalId: '',
      createdAt: expect.any(Number),
      updatedAt: entity.createdAt,
    });
    expect(await storedAnnotationRows(db)).toEqual([{ ...allegations, entityId: entity.id, updatedAt: entity.createdAt }, eastern]);
    await restoreRows(db, changes, 'before');
    expect(await dump()).toEqual(before);
  });

  it('refuses an empty choice and a passage that is not a mention', async () => {
    await putAnnotation(db, ceasefire);
    const input = { typeId: ORGANISATION.id, name: 'Congolese government' };
    expect((await rejection(splitMentions(db, [], input))).code).toBe('no-mentions');
    expect((await rejection(splitMentions(db, [ceasefire.id], input))).code).toBe('not-a-mention');
    expect(await db.entities.count()).toBe(0);
  });
});

describe('deleteEntity', () => {
  it('deletes the entity with its mentions and rejected hits, and returns them for undo', async () => {
    const m23 = await createEntity(db, { typeId: ORGANISATION.id, name: 'M23' });
    const kagame = await createEntity(db, { typeId: PERSON.id, name: 'Paul Kagame' });
    const goma = mentionOf('m23-goma', m23.id, A000, 'M23');
    const rebelGroup = mentionOf('m23-rebel-group', m23.id, A001, 'M23');
    const president = mentionOf('president', kagame.id, A000, 'President Paul Kagame');
    await addMentions(db, [goma, rebelGroup, president]);
    await putAnnotation(db, ceasefire);
    await rejectHits(db, [{ entityId: m23.id, articleId: A001, start: 249, end: 252, quote: 'M23' }]);
    const before = await dump();

    const changes = await deleteEntity(db, m23.id);

    expect(changes.entities).toEqual([{ key: m23.id, before: m23, after: undefined }]);
    expect(changes.mentions).toEqual([
      { key: goma.id, before: goma, after: undefined },
      { key: rebelGroup.id, before: rebelGroup, after: undefined },
    ]);
    expect(changes.rejectedHits.map((row) => [row.before?.quote, row.after])).toEqual([['M23', undefined]]);
    expect(await dump()).toEqual({ entities: [kagame], annotations: [ceasefire, president], rejectedHits: [] });
    expect((await loadAnnotations(db, A000)).annotations).toEqual([ceasefire]);

    await restoreRows(db, changes, 'before');
    expect(await dump()).toEqual(before);
  });
});

describe('addMentions', () => {
  it('tags the same words once, and withdraws a rejection of them', async () => {
    const m23 = await createEntity(db, { typeId: ORGANISATION.id, name: 'M23' });
    const goma = mentionOf('m23-goma', m23.id, A000, 'M23');
    await rejectHits(db, [{ entityId: m23.id, articleId: A000, start: goma.anchor.start, end: goma.anchor.end, quote: 'M23' }]);

    const first = await addMentions(db, [goma]);
    const again = await addMentions(db, [{ ...goma, id: AnnotationId.parse('m23-goma-again') }]);

    expect(first.mentions).toEqual([goma]);
    expect(first.changes.rejectedHits.map((row) => [row.key, row.after])).toEqual([[`${m23.id}|${A000}|${goma.anchor.start}|${goma.anchor.end}`, undefined]]);
    expect(again).toEqual({ mentions: [goma], changes: { entities: [], mentions: [], rejectedHits: [] } });
    expect(await dump()).toEqual({ entities: [m23], annotations: [goma], rejectedHits: [] });
  });

  it('refuses a mention of an entity that does not exist', async () => {
    expect((await rejection(addMentions(db, [mentionOf('m23-goma', 'gone' as EntityId, A000, 'M23')]))).code).toBe('not-found');
  });
});

describe('mentionCounts', () => {
  it('counts each entity’s mentions in all and per article, ignoring highlights', async () => {
    const m23 = await createEntity(db, { typeId: ORGANISATION.id, name: 'M23' });
    const kagame = await createEntity(db, { typeId: PERSON.id, name: 'Paul Kagame', aliases: ['Kagame'] });
    await createEntity(db, { typeId: PERSON.id, name: 'William Ruto' });
    await addMentions(db, [
      mentionOf('m23-goma', m23.id, A000, 'M23'),
      mentionOf('m23-rebel-group', m23.id, A001, 'M23'),
      mentionOf('m23-accused', m23.id, A001, 'M23', 1),
      mentionOf('president', kagame.id, A000, 'President Paul Kagame'),
      mentionOf('kagame-post', kagame.id, A000, 'Kagame', 1),
    ]);
    await putAnnotation(db, ceasefire);

    expect(await mentionCounts(db)).toEqual(
      new Map([
        [m23.id, { total: 3, byArticle: new Map([[A000, 1], [A001, 2]]) }],
        [kagame.id, { total: 2, byArticle: new Map([[A000, 2]]) }],
      ]),
    );
  });
});
