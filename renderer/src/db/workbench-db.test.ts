import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LEGEND, WorkbenchDb } from './workbench-db';

const fakeIdb = { indexedDB, IDBKeyRange };
const DB_NAME = 'workbench-db-test';
const opened: Dexie[] = [];

function open(): WorkbenchDb {
  const db = new WorkbenchDb(DB_NAME, fakeIdb);
  opened.push(db);
  return db;
}

async function deleteDatabase(): Promise<void> {
  await new Dexie(DB_NAME, fakeIdb).delete();
}

afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  await deleteDatabase();
});

/** The schema as version 1 shipped it, written with raw Dexie so this test never drifts with the class. */
async function createVersion1(rows: { articleMeta: object[]; layouts: object[] }): Promise<void> {
  const v1 = new Dexie(DB_NAME, fakeIdb);
  v1.version(1).stores({ layouts: 'id', articleMeta: 'path' });
  await v1.table('articleMeta').bulkPut(rows.articleMeta);
  await v1.table('layouts').bulkPut(rows.layouts);
  v1.close();
}

describe('WorkbenchDb version 2', () => {
  it('keeps version 1 metadata, registers each corrected article, and seeds the legend once', async () => {
    const kagame = { path: 'rwanda/000_f9a0009864046443.txt', title: 'Kagame and Rubio discuss a ceasefire in eastern DR Congo', updatedAt: 1 };
    const ruto = { path: 'kenya/001_49124f787c8de1cf.txt', source: 'Reuters', author: 'Staff', updatedAt: 2 };
    const layout = { id: 'main', layout: { panes: [] }, updatedAt: 3 };
    await createVersion1({ articleMeta: [kagame, ruto], layouts: [layout] });

    const db = open();
    const meta = await db.articleMeta.orderBy('path').toArray();
    const articles = await db.articles.toArray();

    expect(meta).toEqual([
      { ...ruto, articleId: expect.any(String) },
      { ...kagame, articleId: expect.any(String) },
    ]);
    expect(articles).toHaveLength(2);
    for (const row of meta) {
      expect(articles.find((article) => article.id === row.articleId)).toEqual({
        id: row.articleId,
        path: row.path,
        sha256: '',
        createdAt: expect.any(Number),
        updatedAt: expect.any(Number),
      });
    }
    expect(await db.articleMeta.where('articleId').equals(meta[0]!.articleId!).primaryKeys()).toEqual([ruto.path]);
    expect(await db.layouts.toArray()).toEqual([layout]);
    expect(await db.legend.orderBy('order').toArray()).toEqual(DEFAULT_LEGEND);
    expect(await db.annotationPacks.count()).toBe(0);
  });

  it('seeds the legend once in a brand-new database', async () => {
    const db = open();
    expect(await db.legend.orderBy('order').toArray()).toEqual(DEFAULT_LEGEND);
    expect(await db.articles.count()).toBe(0);
  });

  it('does not seed again when an upgraded or a fresh database is reopened', async () => {
    await createVersion1({ articleMeta: [{ path: 'a.txt', title: 'A', updatedAt: 1 }], layouts: [] });
    const first = open();
    await first.open();
    first.close();

    const again = open();
    expect(await again.legend.count()).toBe(DEFAULT_LEGEND.length);
    expect(await again.articles.count()).toBe(1);
    again.close();
    await deleteDatabase();

    const fresh = open();
    await fresh.open();
    fresh.close();
    expect(await open().legend.count()).toBe(DEFAULT_LEGEND.length);
  });

  it('offers a default legend of distinct names, colours and shortcuts', () => {
    expect(DEFAULT_LEGEND.map((entry) => [entry.name, entry.shortcut])).toEqual([
      ['Key claim', '1'],
      ['Evidence', '2'],
      ['Question', '3'],
      ['Disputed', '4'],
      ['Background', '5'],
    ]);
    expect(new Set(DEFAULT_LEGEND.map((entry) => entry.color)).size).toBe(DEFAULT_LEGEND.length);
  });
});
