import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveArticleMeta } from './article-meta-store';
import { renameArticle, resolveArticleId } from './article-registry';
import { WorkbenchDb } from './workbench-db';

// Hashes stand in for SHA-256 of two corpus articles (000 and 001); only equality matters here.
const KAGAME_TEXT_HASH = 'f9a0009864046443';
const RUTO_TEXT_HASH = '49124f787c8de1cf';
const KAGAME = 'rwanda/000_f9a0009864046443.txt';

let db: WorkbenchDb;

beforeEach(() => {
  db = new WorkbenchDb('article-registry-test', { indexedDB, IDBKeyRange });
});

afterEach(async () => {
  await db.delete();
});

describe('resolveArticleId', () => {
  it('gives the same id for the same path', async () => {
    const live = new Set([KAGAME]);
    const first = await resolveArticleId(db, { path: KAGAME, sha256: KAGAME_TEXT_HASH }, live);
    const second = await resolveArticleId(db, { path: KAGAME, sha256: KAGAME_TEXT_HASH }, live);
    expect(second).toBe(first);
    expect(await db.articles.count()).toBe(1);
  });

  it('keeps the id of an edited file and records its new text hash', async () => {
    const live = new Set([KAGAME]);
    const id = await resolveArticleId(db, { path: KAGAME, sha256: KAGAME_TEXT_HASH }, live);
    expect(await resolveArticleId(db, { path: KAGAME, sha256: 'edited' }, live)).toBe(id);
    expect(await db.articles.get(id)).toMatchObject({ path: KAGAME, sha256: 'edited' });
  });

  it('keeps the last known hash when the file cannot be read', async () => {
    const live = new Set([KAGAME]);
    const id = await resolveArticleId(db, { path: KAGAME, sha256: KAGAME_TEXT_HASH }, live);
    expect(await resolveArticleId(db, { path: KAGAME, sha256: '' }, live)).toBe(id);
    expect(await db.articles.get(id)).toMatchObject({ sha256: KAGAME_TEXT_HASH });
  });

  it('recognises a file renamed while the app was closed, and moves its metadata with it', async () => {
    const id = await resolveArticleId(db, { path: KAGAME, sha256: KAGAME_TEXT_HASH }, new Set([KAGAME]));
    await saveArticleMeta(db, KAGAME, { title: 'Kagame, Rubio discuss ceasefire in eastern DR Congo' });
    const renamed = 'archive/2025-01-29-kagame-rubio.txt';

    expect(await resolveArticleId(db, { path: renamed, sha256: KAGAME_TEXT_HASH }, new Set([renamed]))).toBe(id);
    expect(await db.articles.get(id)).toMatchObject({ path: renamed, sha256: KAGAME_TEXT_HASH });
    expect(await db.articleMeta.get(KAGAME)).toBeUndefined();
    expect(await db.articleMeta.get(renamed)).toEqual({
      path: renamed,
      articleId: id,
      title: 'Kagame, Rubio discuss ceasefire in eastern DR Congo',
      updatedAt: expect.any(Number),
    });
  });

  it('gives a copy its own id while the original is still in the corpus', async () => {
    const copy = 'copies/000_f9a0009864046443 (1).txt';
    const live = new Set([KAGAME, copy]);
    const original = await resolveArticleId(db, { path: KAGAME, sha256: KAGAME_TEXT_HASH }, live);
    const copied = await resolveArticleId(db, { path: copy, sha256: KAGAME_TEXT_HASH }, live);
    expect(copied).not.toBe(original);
    expect(await db.articles.get(original)).toMatchObject({ path: KAGAME });
  });

  it('never matches two unreadable files by their empty hash', async () => {
    const a = await resolveArticleId(db, { path: 'a.bin', sha256: '' }, new Set(['b.bin']));
    const b = await resolveArticleId(db, { path: 'b.bin', sha256: '' }, new Set(['b.bin']));
    expect(b).not.toBe(a);
  });

  it('stamps the id on metadata saved before the article was registered', async () => {
    await saveArticleMeta(db, KAGAME, { source: 'Wire service' });
    const id = await resolveArticleId(db, { path: KAGAME, sha256: KAGAME_TEXT_HASH }, new Set([KAGAME]));
    expect(await db.articleMeta.get(KAGAME)).toMatchObject({ articleId: id, source: 'Wire service' });
    await saveArticleMeta(db, KAGAME, { source: 'Wire service (corrected)' });
    expect(await db.articleMeta.get(KAGAME)).toMatchObject({ articleId: id, source: 'Wire service (corrected)' });
  });
});

describe('renameArticle', () => {
  it('moves the record and the metadata of a file renamed while the app runs', async () => {
    const id = await resolveArticleId(db, { path: KAGAME, sha256: KAGAME_TEXT_HASH }, new Set([KAGAME]));
    await saveArticleMeta(db, KAGAME, { author: 'Staff writer' });
    const moved = 'done/000.txt';

    expect(await renameArticle(db, KAGAME, moved)).toBe(id);
    expect(await db.articles.get(id)).toMatchObject({ path: moved });
    expect(await db.articleMeta.get(KAGAME)).toBeUndefined();
    expect(await db.articleMeta.get(moved)).toMatchObject({ articleId: id, author: 'Staff writer' });
    expect(await resolveArticleId(db, { path: moved, sha256: KAGAME_TEXT_HASH }, new Set([moved]))).toBe(id);
  });

  it('detaches a stale record at the new path instead of letting two records claim it', async () => {
    const ruto = 'kenya/001.txt';
    const stale = await resolveArticleId(db, { path: ruto, sha256: RUTO_TEXT_HASH }, new Set([ruto]));
    const id = await resolveArticleId(db, { path: KAGAME, sha256: KAGAME_TEXT_HASH }, new Set([KAGAME]));

    await renameArticle(db, KAGAME, ruto);
    expect(await db.articles.get(stale)).toMatchObject({ path: '' });
    expect(await resolveArticleId(db, { path: ruto, sha256: KAGAME_TEXT_HASH }, new Set([ruto]))).toBe(id);
    // If the detached text turns up again, its highlights are found again.
    const back = 'kenya/001-restored.txt';
    expect(await resolveArticleId(db, { path: back, sha256: RUTO_TEXT_HASH }, new Set([ruto, back]))).toBe(stale);
  });

  it('moves only the metadata of a file that was never registered', async () => {
    await saveArticleMeta(db, 'a.txt', { title: 'A' });
    expect(await renameArticle(db, 'a.txt', 'b.txt')).toBeNull();
    expect(await db.articleMeta.get('b.txt')).toMatchObject({ title: 'A' });
    expect(await db.articles.count()).toBe(0);
  });
});
