import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EntityTypeId, newArticleId } from '../../../shared/model/ids';
import { createEntity, loadEntities, loadRejectedHits } from '../db/entity-store';
import { WorkbenchDb } from '../db/workbench-db';
import type { TextSpan } from '../highlights/highlight-actions';
import { createUndoStack, type UndoStack } from '../highlights/undo-stack';
import { createEntityActions, type EntityActions, type EntityHit } from './entity-actions';
import { storedAnnotationRows } from '../db/annotation-rows-for-tests';

/*
 * Texts copied from the first lines of corpus/000_f9a0009864046443.txt and
 * corpus/001_49124f787c8de1cf.txt (the files cannot be read here: no Node in renderer tests).
 */
const KAGAME_RUBIO =
  'President Paul Kagame on Wednesday, January 29, said he had a conversation with US Secretary of State Marco Rubio on the "need to ensure a ceasefire" in eastern DR Congo, where M23 rebels captured Goma city on Sunday, escalating conflict that has being ongoing since late 2021.\n' +
  'In a post on X, Kagame said he and Rubio also discussed the need to "address the root causes of the conflict once and for all, and on the importance of deepening our bilateral ties based upon respect for our respective national interests."';
const RUBIO_RUTO =
  'U.S. Secretary of State Marco Rubio and Kenyan President William Ruto have called for an immediate ceasefire in eastern Democratic Republic of Congo (DRC) amid escalating violence. Their appeal follows the capture of key cities by the Rwanda-backed M23 rebel group.\n' +
  'M23, accused of receiving military support from Rwanda, has reignited tensions between Kinshasa and Kigali. Rwanda denies allegations from Congo, the United Nations, and Western nations that it supplies arms and troops to the rebels.';

const PERSON = EntityTypeId.parse('default-person');
const ORGANISATION = EntityTypeId.parse('default-organisation');
const A000 = newArticleId();
const A001 = newArticleId();

/** The UTF-16 span of the `occurrence`-th (from 0) `quote` in `text`, as the DOM reports a selection. */
function spanOf(text: string, quote: string, occurrence = 0): TextSpan {
  let start = text.indexOf(quote);
  for (let i = 0; i < occurrence; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`“${quote}” is not in the text`);
  return { start, end: start + quote.length };
}

let db: WorkbenchDb;
let undo: UndoStack;
let actions: EntityActions;

beforeEach(() => {
  db = new WorkbenchDb('entity-actions-test', { indexedDB, IDBKeyRange });
  undo = createUndoStack();
  actions = createEntityActions(db, undo);
});

afterEach(async () => {
  await db.delete();
});

/** Every row entity actions may touch, in key order. */
async function dump() {
  return {
    entities: await db.entities.orderBy('id').toArray(),
    annotations: await storedAnnotationRows(db),
    rejectedHits: await db.rejectedHits.orderBy('id').toArray(),
  };
}

describe('tagging', () => {
  it('stores a mention in code points, converting the DOM’s UTF-16 span explicitly', async () => {
    const kagame = await createEntity(db, { typeId: PERSON, name: 'Paul Kagame' });
    // The first line as a post on X shows it, after the Rwandan flag: two astral characters,
    // so UTF-16 indices run 2 ahead of code points.
    const post = `🇷🇼 ${KAGAME_RUBIO}`;
    const mention = await actions.tagMention(A000, post, spanOf(post, 'President Paul Kagame'), kagame.id);

    expect(mention).toEqual({
      id: expect.any(String),
      articleId: A000,
      kind: 'mention',
      entityId: kagame.id,
      comment: '',
      target: {
        quote: { type: 'TextQuoteSelector', exact: 'President Paul Kagame', prefix: '🇷🇼 ', suffix: ' on Wednesday, January 29, said ' },
        position: { type: 'TextPositionSelector', start: 3, end: 24 },
      },
      anchor: { status: 'exact', start: 3, end: 24, confidence: 1 },
      createdAt: expect.any(Number),
      updatedAt: mention.createdAt,
    });
    expect(await storedAnnotationRows(db)).toEqual([mention]);
    expect(await actions.tagMention(A000, post, spanOf(post, 'President Paul Kagame'), kagame.id)).toEqual(mention);
    expect(await storedAnnotationRows(db)).toHaveLength(1);
  });

  it('creates an entity and tags it as one step, undone and redone as one', async () => {
    const { entity, mention } = await actions.createEntityAndTag(A000, KAGAME_RUBIO, spanOf(KAGAME_RUBIO, 'M23'), { typeId: ORGANISATION, name: 'M23' });
    const after = await dump();
    expect(after).toEqual({ entities: [entity], annotations: [mention], rejectedHits: [] });

    expect(await undo.undo()).toBe('tag new entity “M23”');
    expect(await dump()).toEqual({ entities: [], annotations: [], rejectedHits: [] });
    await undo.redo();
    expect(await dump()).toEqual(after);
  });
});

describe('editing entities', () => {
  it('undoes a rename and an alias edit back to the exact previous row', async () => {
    const kagame = await createEntity(db, { typeId: PERSON, name: 'Kagame' });
    await actions.rename(kagame.id, 'Paul Kagame');
    const renamed = await dump();
    await actions.setAliases(kagame.id, ['Kagame', '@PaulKagame']);
    await actions.setAliases(kagame.id, ['Kagame', '@PaulKagame']);

    expect((await loadEntities(db)).entities).toEqual([{ ...kagame, name: 'Paul Kagame', aliases: ['Kagame', '@PaulKagame'], updatedAt: expect.any(Number) }]);
    // The second, identical alias edit changed nothing and left nothing to undo.
    expect(await undo.undo()).toBe('edit aliases');
    expect(await dump()).toEqual(renamed);
    expect(await undo.undo()).toBe('rename entity');
    expect((await loadEntities(db)).entities).toEqual([kagame]);
    expect(undo.canUndo()).toBe(false);
  });

  it('changes an entity’s type undoably, and refuses a type that does not exist', async () => {
    const m23 = await createEntity(db, { typeId: PERSON, name: 'M23' });
    await actions.setType(m23.id, ORGANISATION);
    expect((await loadEntities(db)).entities.map((entity) => entity.typeId)).toEqual([ORGANISATION]);
    await expect(actions.setType(m23.id, EntityTypeId.parse('no-such-type'))).rejects.toThrow('This entity type no longer exists');
    expect(await undo.undo()).toBe('change entity type');
    expect((await loadEntities(db)).entities).toEqual([m23]);
  });

  it('undoes and redoes a merge, restoring both entities and every mention’s entity exactly', async () => {
    const kagame = await createEntity(db, { typeId: PERSON, name: 'Kagame', aliases: ['President Kagame'] });
    const paulKagame = await createEntity(db, { typeId: PERSON, name: 'Paul Kagame', aliases: ['@PaulKagame'] });
    await actions.tagMention(A000, KAGAME_RUBIO, spanOf(KAGAME_RUBIO, 'Kagame', 1), kagame.id);
    await actions.tagMention(A000, KAGAME_RUBIO, spanOf(KAGAME_RUBIO, 'President Paul Kagame'), paulKagame.id);
    const before = await dump();

    await actions.merge(kagame.id, paulKagame.id);
    const merged = await dump();
    expect(merged.entities).toEqual([{ ...paulKagame, aliases: ['@PaulKagame', 'Kagame', 'President Kagame'], updatedAt: expect.any(Number) }]);
    expect(merged.annotations.map((row) => row.entityId)).toEqual([paulKagame.id, paulKagame.id]);

    expect(await undo.undo()).toBe('merge entities');
    expect(await dump()).toEqual(before);
    expect(await undo.redo()).toBe('merge entities');
    expect(await dump()).toEqual(merged);
  });

  it('undoes a split and a delete', async () => {
    const congo = await createEntity(db, { typeId: ORGANISATION, name: 'Congo' });
    const eastern = await actions.tagMention(A000, KAGAME_RUBIO, spanOf(KAGAME_RUBIO, 'DR Congo'), congo.id);
    const allegations = await actions.tagMention(A001, RUBIO_RUTO, spanOf(RUBIO_RUTO, 'Congo', 1), congo.id);
    const tagged = await dump();

    const country = await actions.split([eastern.id], { typeId: EntityTypeId.parse('default-location'), name: 'DR Congo' });
    expect((await storedAnnotationRows(db)).map((row) => [row.id, row.entityId]).sort()).toEqual(
      [
        [eastern.id, country.id],
        [allegations.id, congo.id],
      ].sort(),
    );
    await actions.delete(congo.id);
    expect(await dump()).toEqual({ entities: [country], annotations: [{ ...eastern, entityId: country.id, updatedAt: expect.any(Number) }], rejectedHits: [] });

    expect(await undo.undo()).toBe('delete entity');
    expect(await undo.undo()).toBe('split entity');
    expect(await dump()).toEqual(tagged);
  });
});

describe('search hits', () => {
  const m23Hits = (entityId: EntityHit['entityId']): EntityHit[] => [
    { entityId, articleId: A000, text: KAGAME_RUBIO, span: spanOf(KAGAME_RUBIO, 'M23') },
    { entityId, articleId: A001, text: RUBIO_RUTO, span: spanOf(RUBIO_RUTO, 'M23') },
    { entityId, articleId: A001, text: RUBIO_RUTO, span: spanOf(RUBIO_RUTO, 'M23', 1) },
  ];

  it('accepts a batch of hits as mentions in one step, undone as one', async () => {
    const m23 = await createEntity(db, { typeId: ORGANISATION, name: 'M23' });
    const mentions = await actions.acceptHits(m23Hits(m23.id));

    expect(mentions.map((mention) => [mention.articleId, mention.target.quote.exact, mention.anchor.start])).toEqual([
      [A000, 'M23', 177],
      [A001, 'M23', 249],
      [A001, 'M23', 266],
    ]);
    const accepted = await dump();
    expect(accepted.annotations).toHaveLength(3);

    expect(await undo.undo()).toBe('accept 3 hits');
    expect(await storedAnnotationRows(db)).toHaveLength(0);
    expect(undo.canUndo()).toBe(false);
    await undo.redo();
    expect(await dump()).toEqual(accepted);
  });

  it('keeps rejected hits rejected, and accepting one later withdraws the rejection undoably', async () => {
    const m23 = await createEntity(db, { typeId: ORGANISATION, name: 'M23' });
    const [goma, rebelGroup, accused] = m23Hits(m23.id) as [EntityHit, EntityHit, EntityHit];
    await actions.rejectHits([goma, rebelGroup]);
    await actions.rejectHit(goma);

    const rejected = await loadRejectedHits(db, m23.id);
    expect(rejected.map(({ articleId, start, end, quote }) => ({ articleId, start, end, quote })).sort((a, b) => a.start - b.start)).toEqual([
      { articleId: A000, start: 177, end: 180, quote: 'M23' },
      { articleId: A001, start: 249, end: 252, quote: 'M23' },
    ]);
    // Rejecting a hit already rejected changed nothing, so there is nothing to undo for it.
    expect(await undo.undo()).toBe('reject 2 hits');
    expect(await loadRejectedHits(db, m23.id)).toEqual([]);
    await undo.redo();
    expect(await loadRejectedHits(db, m23.id)).toEqual(rejected);

    await actions.acceptHits([goma, accused]);
    expect((await loadRejectedHits(db, m23.id)).map((hit) => hit.start)).toEqual([249]);
    expect(await undo.undo()).toBe('accept 2 hits');
    expect(await loadRejectedHits(db, m23.id)).toEqual(rejected);
    expect(await storedAnnotationRows(db)).toHaveLength(0);
  });
});
