import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHostClient } from '../../../shared/contract/host-client';
import type { ArticleSummary, CorpusListing } from '../../../shared/model/article';
import { ArticleId, EntityId, EntityTypeId } from '../../../shared/model/ids';
import { WorkbenchDb } from '../db/workbench-db';
import type { WarmWorkers } from './export-workers';
import { prefetchExport, touchesResearch, type ExportPrefetch } from './export-prefetch';

const summary = (path: string, readable = true): ArticleSummary => ({ path, format: 'text', size: 1, modifiedMs: 1, sha256: '', wordCount: 1, meta: { title: path }, warnings: [], readable });
const listing: CorpusListing = { root: '/corpus', name: 'corpus', articles: [summary('a.txt'), summary('broken.bin', false), summary('b.txt')], warnings: [] };

let asked: string[][] = [];
const client = createHostClient({
  send: async (_name, raw) => {
    const { paths } = raw as { paths: string[] };
    asked.push(paths);
    return { ok: true, value: { articles: paths.map((path) => ({ path, text: `Text of ${path}`, meta: { title: path } })) } };
  },
  listen: () => () => {},
});

let readAheads: Array<[string, number]> = [];
const workers: WarmWorkers = { start: () => { throw new Error('not started in this test'); }, readAhead: (database, count) => void readAheads.push([database, count]), release: () => {} };

/** Dexie reports a committed write on the next turns of the event loop. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

let db: WorkbenchDb;
let prefetch: ExportPrefetch | null = null;

beforeEach(async () => {
  db = new WorkbenchDb('export-prefetch-test', { indexedDB, IDBKeyRange });
  await db.open();
  asked = [];
  readAheads = [];
});

afterEach(async () => {
  prefetch?.dispose();
  prefetch = null;
  await db.delete();
});

describe('touchesResearch', () => {
  it('names a write to a research table of this database, not to a cache or to another database', () => {
    expect(touchesResearch({ 'idb://project/annotationPacks/': {} as never }, 'project')).toBe(true);
    expect(touchesResearch({ 'idb://project/entities/typeId': {} as never }, 'project')).toBe(true);
    expect(touchesResearch({ 'idb://project/paintSnapshots/': {} as never, 'idb://project/layouts/': {} as never }, 'project')).toBe(false);
    expect(touchesResearch({ 'idb://other/annotationPacks/': {} as never }, 'project')).toBe(false);
    expect(touchesResearch({ 'idb://project-2/notes/': {} as never }, 'project')).toBe(false);
  });
});

describe('prefetchExport', () => {
  it('reads the project’s rows and every readable article’s text, and has the workers read the annotations', async () => {
    await db.entities.add({ id: EntityId.parse('e1'), typeId: EntityTypeId.parse('person'), name: 'Paul Kagame', aliases: [], description: '', externalId: '', createdAt: 1, updatedAt: 1 });
    await settle();
    prefetch = prefetchExport(client, db, listing, workers, 2);
    expect(readAheads).toEqual([[db.name, 2]]);
    const [rows, texts] = await Promise.all([prefetch.rows, prefetch.texts]);
    expect(rows.data.entities.map((entity) => entity.name)).toEqual(['Paul Kagame']);
    expect(rows.data.annotations).toEqual([]);
    expect(texts.map((text) => text.path)).toEqual(['a.txt', 'b.txt']);
    expect(asked).toEqual([['a.txt', 'b.txt']]);
    expect(prefetch.usableFor(listing)).toBe(true);
    expect(prefetch.usableFor({ ...listing, articles: listing.articles.slice(1) })).toBe(false);
  });

  it('stays fresh through writes to caches, and goes stale at a write to the research, until disposed', async () => {
    prefetch = prefetchExport(client, db, listing, workers, 2);
    await prefetch.rows;
    await db.paintSnapshots.put({ articleId: ArticleId.parse('a1'), path: 'a.txt', sha256: '', items: [] });
    await settle();
    expect(prefetch.usableFor(listing)).toBe(true);
    await db.entities.add({ id: EntityId.parse('e2'), typeId: EntityTypeId.parse('person'), name: 'Corneille Nangaa', aliases: [], description: '', externalId: '', createdAt: 1, updatedAt: 1 });
    await settle();
    expect(prefetch.usableFor(listing)).toBe(false);

    const later = prefetchExport(client, db, listing, workers, 2);
    later.dispose();
    await db.entities.delete(EntityId.parse('e2'));
    await settle();
    expect(later.usableFor(listing)).toBe(true);
  });
});
