import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { Entity, HighlightRecord, MentionRecord } from '../../../shared/model/annotation';
import { AnnotationId, ArticleId, EntityId, EntityTypeId, LegendId } from '../../../shared/model/ids';
import { PACK_SIZE } from './annotation-pack';
import { annotationRowById, getAnnotation } from './annotation-packs';
import { exactPlace, storedAnnotationRows } from './annotation-rows-for-tests';
import { loadAnnotations, putAnnotation } from './annotation-store';
import { deleteEntity } from './entity-store';
import { loadEntityMentions } from './mention-queries';
import { loadMentionTotals, recountMentions } from './mention-count-store';
import { DEFAULT_ENTITY_TYPES, DEFAULT_LEGEND, WorkbenchDb } from './workbench-db';

const fakeIdb = { indexedDB, IDBKeyRange };
const DB_NAME = 'workbench-db-v6-test';
const opened: Dexie[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  await new Dexie(DB_NAME, fakeIdb).delete();
});

function open(): WorkbenchDb {
  const db = new WorkbenchDb(DB_NAME, fakeIdb);
  opened.push(db);
  return db;
}

/** corpus/000_f9a0009864046443.txt and corpus/001_49124f787c8de1cf.txt, as the registry knew them. */
const KAGAME_ARTICLE = ArticleId.parse('0b6f3c1e-kagame-rubio');
const RUTO_ARTICLE = ArticleId.parse('5d1e9a20-ruto');
const KAGAME = EntityId.parse('e-kagame');
const M23 = EntityId.parse('e-m23');

const goma: HighlightRecord = {
  id: AnnotationId.parse('b-goma'), articleId: KAGAME_ARTICLE, kind: 'highlight', legendId: LegendId.parse('default-key-claim'),
  comment: 'Confirmed by UN reports', ...exactPlace('M23 rebels captured Goma city on Sunday', 177), createdAt: 1_738_140_000_000, updatedAt: 1_738_140_000_000,
};
const ceasefire: HighlightRecord = { ...goma, id: AnnotationId.parse('a-ceasefire'), legendId: LegendId.parse('default-evidence'), comment: '', ...exactPlace('need to ensure a ceasefire', 122) };
const president: MentionRecord = {
  id: AnnotationId.parse('c-president'), articleId: KAGAME_ARTICLE, kind: 'mention', entityId: KAGAME, comment: '', ...exactPlace('President Paul Kagame', 0), createdAt: 1, updatedAt: 1,
};
const m23: MentionRecord = { ...president, id: AnnotationId.parse('d-m23'), entityId: M23, ...exactPlace('M23', 177) };
const kagameInNairobi: MentionRecord = { ...president, id: AnnotationId.parse('e-kagame-in-nairobi'), articleId: RUTO_ARTICLE, ...exactPlace('Kagame', 40) };
const ruto: HighlightRecord = { ...goma, id: AnnotationId.parse('f-ruto'), articleId: RUTO_ARTICLE, comment: '', ...exactPlace('President William Ruto', 0) };
/** A row an older build or a hand edit could have left: kept, never read as a highlight. */
const damaged = { ...ruto, id: 'g-damaged', comment: 42 };
/** A row with no article at all: it has to go somewhere, and must not be lost. */
const homeless = { id: 'h-homeless', note: 'a row from some other tool' };

const PERSON = EntityTypeId.parse('default-person');
const entity = (id: EntityId, name: string): Entity => ({ id, typeId: PERSON, name, aliases: [], description: '', externalId: '', createdAt: 1, updatedAt: 1 });

/** The schema as versions 1 to 5 shipped it, written with raw Dexie so this test never drifts with the class. */
async function createVersion5(annotations: readonly unknown[] = [ruto, president, goma, damaged, kagameInNairobi, m23, homeless, ceasefire]): Promise<void> {
  const v5 = new Dexie(DB_NAME, fakeIdb);
  v5.version(1).stores({ layouts: 'id', articleMeta: 'path' });
  v5.version(2).stores({ articles: '&id, path, sha256', annotations: '&id, articleId, kind, updatedAt', legend: '&id, order', articleMeta: 'path, articleId', paintSnapshots: '&articleId' });
  v5.version(3).stores({ annotations: '&id, articleId, kind, updatedAt, entityId', entityTypes: '&id, order', entities: '&id, typeId, name', rejectedHits: '&id, entityId, articleId', paintSnapshots: '&articleId, path' });
  v5.version(4).stores({ notes: '&id, kind, targetId, order, updatedAt, *citedAnnotationIds, *citedEntityIds, *citedArticleIds' });
  v5.version(5).stores({ entityMentionCounts: '&id', entityIndexSnapshots: '&id' });
  await v5.table('legend').bulkPut(DEFAULT_LEGEND.map((entry) => ({ ...entry })));
  await v5.table('entityTypes').bulkPut(DEFAULT_ENTITY_TYPES.map((type) => ({ ...type })));
  await v5.table('entities').bulkPut([entity(KAGAME, 'Paul Kagame'), entity(M23, 'M23')]);
  await v5.table('annotations').bulkPut([...annotations]);
  await v5.table('entityMentionCounts').put({ id: 'totals', totals: { [KAGAME]: 2, [M23]: 1 } });
  v5.close();
}

describe('WorkbenchDb version 6', () => {
  it('moves every annotation of version 5 into its article’s pack, damaged ones included, and drops the old table', async () => {
    await createVersion5();
    const db = open();

    expect(await storedAnnotationRows(db)).toEqual([ceasefire, goma, president, m23, kagameInNairobi, ruto, damaged, homeless]);
    expect(await db.annotationPacks.toArray()).toEqual([
      { articleId: '', chunk: 0, annotations: [homeless], annotationIds: ['h-homeless'], entityIds: [] },
      { articleId: KAGAME_ARTICLE, chunk: 0, annotations: [ceasefire, goma, president, m23], annotationIds: ['a-ceasefire', 'b-goma', 'c-president', 'd-m23'], entityIds: [KAGAME, M23] },
      { articleId: RUTO_ARTICLE, chunk: 0, annotations: [kagameInNairobi, ruto, damaged], annotationIds: ['e-kagame-in-nairobi', 'f-ruto', 'g-damaged'], entityIds: [KAGAME] },
    ]);
    expect(db.verno).toBe(6);
    expect(db.tables.map((table) => table.name)).not.toContain('annotations');
  });

  it('leaves highlights, mentions and their totals readable and usable as before', async () => {
    await createVersion5();
    const db = open();

    expect(await loadAnnotations(db, KAGAME_ARTICLE)).toEqual({ annotations: [ceasefire, goma], skipped: [] });
    expect(await loadAnnotations(db, RUTO_ARTICLE)).toEqual({ annotations: [ruto], skipped: [{ id: 'g-damaged', reason: 'comment: Invalid input: expected string, received number' }] });
    expect(await loadEntityMentions(db, KAGAME)).toEqual([president, kagameInNairobi]);
    expect(await getAnnotation(db, m23.id)).toEqual(m23);
    expect(await annotationRowById(db, AnnotationId.parse('h-homeless'))).toEqual(homeless);
    expect(await loadMentionTotals(db)).toEqual(new Map([[KAGAME, 2], [M23, 1]]));
    expect(await recountMentions(db)).toBe(0);

    // Usable: a new highlight joins its article's pack, deleting an entity takes its mentions from both packs.
    const evidence: HighlightRecord = { ...goma, id: AnnotationId.parse('i-evidence'), ...exactPlace('escalating conflict', 218) };
    await putAnnotation(db, evidence);
    await deleteEntity(db, KAGAME);
    expect(await loadAnnotations(db, KAGAME_ARTICLE)).toEqual({ annotations: [ceasefire, goma, evidence], skipped: [] });
    expect(await storedAnnotationRows(db)).toEqual([ceasefire, goma, m23, ruto, damaged, homeless, evidence]);
    expect(await loadMentionTotals(db)).toEqual(new Map([[M23, 1]]));
    db.close();

    // And it stays so when opened again (the upgrade runs once).
    const again = open();
    expect(await storedAnnotationRows(again)).toHaveLength(7);
  });

  it('splits an article with more annotations than a pack holds into full packs, in id order', async () => {
    const many = Array.from({ length: 2 * PACK_SIZE + 1 }, (_, i) => ({ ...goma, id: AnnotationId.parse(`goma-${String(i).padStart(4, '0')}`) }));
    await createVersion5([...many].reverse());
    const db = open();

    expect((await db.annotationPacks.toArray()).map((pack) => [pack.chunk, pack.annotationIds[0], pack.annotations.length])).toEqual([
      [0, 'goma-0000', PACK_SIZE],
      [1, `goma-${String(PACK_SIZE).padStart(4, '0')}`, PACK_SIZE],
      [2, `goma-${String(2 * PACK_SIZE).padStart(4, '0')}`, 1],
    ]);
    expect((await loadAnnotations(db, KAGAME_ARTICLE)).annotations).toEqual(many);
  });

  it('creates no pack for a version 5 database without annotations', async () => {
    await createVersion5([]);

    const db = open();
    expect(await db.annotationPacks.count()).toBe(0);
    expect(await db.entities.count()).toBe(2);
  });
});
