import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MentionRecord } from '../../../shared/model/annotation';
import { AnnotationId, ArticleId, EntityId, EntityTypeId } from '../../../shared/model/ids';
import { createEntityActions, type EntityActions } from '../entities/entity-actions';
import { createUndoStack, type UndoStack } from '../highlights/undo-stack';
import { countMentions, loadMentionTotals, recountMentions } from './mention-count-store';
import { WorkbenchDb } from './workbench-db';

const fakeIdb = { indexedDB, IDBKeyRange };
/** The first line of corpus/000_f9a0009864046443.txt. */
const TEXT =
  'President Paul Kagame on Wednesday, January 29, said he had a conversation with US Secretary of State Marco Rubio on the "need to ensure a ceasefire" in eastern DR Congo, where M23 rebels captured Goma city on Sunday, escalating conflict that has being ongoing since late 2021.';
const ARTICLE = ArticleId.parse('kagame-article');
const PERSON = EntityTypeId.parse('default-person');

function span(quote: string) {
  const start = TEXT.indexOf(quote);
  return { start, end: start + quote.length };
}

let db: WorkbenchDb;
let undo: UndoStack;
let actions: EntityActions;

beforeEach(() => {
  db = new WorkbenchDb('mention-count-test', fakeIdb);
  undo = createUndoStack();
  actions = createEntityActions(db, undo);
});

afterEach(async () => {
  await db.delete();
});

describe('mention totals', () => {
  it('follow tagging, merging, deleting, and every undo and redo', async () => {
    const { entity: kagame } = await actions.createEntityAndTag(ARTICLE, TEXT, span('Paul Kagame'), { typeId: PERSON, name: 'Paul Kagame' });
    const { entity: president } = await actions.createEntityAndTag(ARTICLE, TEXT, span('President Paul Kagame'), { typeId: PERSON, name: 'President Kagame' });
    await actions.tagMention(ARTICLE, TEXT, span('Marco Rubio'), president.id);
    expect(await loadMentionTotals(db)).toEqual(new Map([[kagame.id, 1], [president.id, 2]]));

    await actions.merge(president.id, kagame.id);
    expect(await loadMentionTotals(db)).toEqual(new Map([[kagame.id, 3]]));
    await actions.delete(kagame.id);
    expect(await loadMentionTotals(db)).toEqual(new Map());

    await undo.undo();
    expect(await loadMentionTotals(db)).toEqual(new Map([[kagame.id, 3]]));
    await undo.undo();
    expect(await loadMentionTotals(db)).toEqual(new Map([[kagame.id, 1], [president.id, 2]]));
    await undo.redo();
    expect(await loadMentionTotals(db)).toEqual(await countMentions(db));
  });

  it('are rebuilt from the mentions when they drifted, touching only the wrong rows', async () => {
    const { entity } = await actions.createEntityAndTag(ARTICLE, TEXT, span('M23'), { typeId: EntityTypeId.parse('default-organisation'), name: 'M23' });
    await db.entityMentionCounts.put({ id: 'totals', totals: { [entity.id]: 7, gone: 2 } });
    expect(await recountMentions(db)).toBe(2);
    expect(await loadMentionTotals(db)).toEqual(new Map([[entity.id, 1]]));
    expect(await recountMentions(db)).toBe(0);
  });
});

describe('WorkbenchDb version 5', () => {
  const NAME = 'workbench-db-v5-test';
  afterEach(async () => {
    await new Dexie(NAME, fakeIdb).delete();
  });

  it('counts the mentions a version 4 database already holds', async () => {
    const v4 = new Dexie(NAME, fakeIdb);
    v4.version(4).stores({ annotations: '&id, articleId, kind, updatedAt, entityId', entities: '&id, typeId, name' });
    const mention = (id: string, entityId: string): MentionRecord => ({
      id: AnnotationId.parse(id),
      articleId: ARTICLE,
      kind: 'mention',
      entityId: EntityId.parse(entityId),
      comment: '',
      target: { quote: { type: 'TextQuoteSelector', exact: 'Kagame', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 15, end: 21 } },
      anchor: { status: 'exact', start: 15, end: 21, confidence: 1 },
      createdAt: 1,
      updatedAt: 1,
    });
    await v4.table('annotations').bulkPut([mention('a', 'kagame'), mention('b', 'kagame'), mention('c', 'rubio')]);
    v4.close();
    const upgraded = new WorkbenchDb(NAME, fakeIdb);
    expect(await loadMentionTotals(upgraded)).toEqual(new Map([[EntityId.parse('kagame'), 2], [EntityId.parse('rubio'), 1]]));
    upgraded.close();
  });
});
