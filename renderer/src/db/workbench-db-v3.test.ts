import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { HighlightRecord } from '../../../shared/model/annotation';
import { AnnotationId, ArticleId, LegendId } from '../../../shared/model/ids';
import { loadAnnotations } from './annotation-store';
import { loadEntityTypes } from './entity-type-store';
import { DEFAULT_ENTITY_TYPES, DEFAULT_LEGEND, WorkbenchDb } from './workbench-db';
import { storedAnnotationRows } from './annotation-rows-for-tests';

const fakeIdb = { indexedDB, IDBKeyRange };
const DB_NAME = 'workbench-db-v3-test';
const opened: Dexie[] = [];

function open(): WorkbenchDb {
  const db = new WorkbenchDb(DB_NAME, fakeIdb);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  await new Dexie(DB_NAME, fakeIdb).delete();
});

const articleId = ArticleId.parse('0b6f3c1e-kagame-rubio');

/** "M23 rebels captured Goma city on Sunday" in corpus/000_f9a0009864046443.txt, as version 2 stored it. */
const goma: HighlightRecord = {
  id: AnnotationId.parse('goma'),
  articleId,
  kind: 'highlight',
  legendId: LegendId.parse('default-key-claim'),
  comment: 'Confirmed by UN reports',
  target: {
    quote: { type: 'TextQuoteSelector', exact: 'M23 rebels captured Goma city on Sunday', prefix: 'ire" in eastern DR Congo, where ', suffix: ', escalating conflict that has b' },
    position: { type: 'TextPositionSelector', start: 177, end: 216 },
  },
  anchor: { status: 'exact', start: 177, end: 216, confidence: 1 },
  createdAt: 1_738_140_000_000,
  updatedAt: 1_738_140_000_000,
};

/** The schema as versions 1 and 2 shipped it, written with raw Dexie so this test never drifts with the class. */
async function createVersion2(): Promise<void> {
  const v2 = new Dexie(DB_NAME, fakeIdb);
  v2.version(1).stores({ layouts: 'id', articleMeta: 'path' });
  v2.version(2).stores({
    articles: '&id, path, sha256',
    annotations: '&id, articleId, kind, updatedAt',
    legend: '&id, order',
    articleMeta: 'path, articleId',
    paintSnapshots: '&articleId',
  });
  await v2.table('legend').bulkPut(DEFAULT_LEGEND.map((entry) => ({ ...entry })));
  await v2.table('articles').put({ id: articleId, path: '000_f9a0009864046443.txt', sha256: '', createdAt: 1, updatedAt: 1 });
  await v2.table('annotations').put(goma);
  v2.close();
}

describe('WorkbenchDb version 3', () => {
  it('keeps version 2 highlights loadable and seeds the entity types once', async () => {
    await createVersion2();

    const db = open();
    expect(await storedAnnotationRows(db)).toEqual([goma]);
    expect(await loadAnnotations(db, articleId)).toEqual({ annotations: [goma], skipped: [] });
    expect(await db.legend.orderBy('order').toArray()).toEqual(DEFAULT_LEGEND);
    expect(await loadEntityTypes(db)).toEqual(DEFAULT_ENTITY_TYPES);
    // Highlights name no entity, so the entity index holds none of them.
    expect(await db.annotationPacks.where('entityIds').anyOf(['default-person', '']).count()).toBe(0);
    expect(await db.entities.count()).toBe(0);
    expect(await db.rejectedHits.count()).toBe(0);
    db.close();

    const again = open();
    expect(await again.entityTypes.count()).toBe(DEFAULT_ENTITY_TYPES.length);
    expect(await again.legend.count()).toBe(DEFAULT_LEGEND.length);
  });

  it('seeds the legend and the entity types once in a brand-new database', async () => {
    const fresh = open();
    await fresh.open();
    fresh.close();

    const db = open();
    expect(await db.legend.orderBy('order').toArray()).toEqual(DEFAULT_LEGEND);
    expect(await loadEntityTypes(db)).toEqual(DEFAULT_ENTITY_TYPES);
  });

  it('offers default entity types with distinct names, shortcuts and colours unlike any highlight colour', () => {
    expect(DEFAULT_ENTITY_TYPES.map((type) => [type.name, type.shortcut])).toEqual([
      ['Person', 'p'],
      ['Organisation', 'o'],
      ['Location', 'l'],
      ['Date', 'd'],
      ['Event', 'e'],
    ]);
    const colours = [...DEFAULT_LEGEND, ...DEFAULT_ENTITY_TYPES].map((entry) => entry.color);
    expect(new Set(colours).size).toBe(colours.length);
  });
});
