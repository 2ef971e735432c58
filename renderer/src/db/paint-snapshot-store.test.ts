import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleId } from '../../../shared/model/ids';
import { isSnapshot, loadPaintSnapshot, loadPaintSnapshotByPath, savePaintSnapshot } from './paint-snapshot-store';
import { WorkbenchDb } from './workbench-db';

const name = 'paint-snapshot-test';
let db: WorkbenchDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('paint snapshots', () => {
  it('round-trips where highlights were painted and ignores malformed rows', async () => {
    db = new WorkbenchDb(name);
    const articleId = ArticleId.parse('article-1');
    const snapshot = { articleId, sha256: 'abc', items: [['h1', 'default-key-claim', 183, 222]] as Array<[string, string, number, number]> };
    await savePaintSnapshot(db, snapshot);
    await expect(loadPaintSnapshot(db, articleId)).resolves.toEqual(snapshot);
    await db.paintSnapshots.put({ articleId: ArticleId.parse('article-2'), sha256: 'x', items: [['h', 'l', 9, 3]] });
    await expect(loadPaintSnapshot(db, ArticleId.parse('article-2'))).resolves.toBeUndefined();
    expect(isSnapshot({ articleId: 'a', sha256: 's', items: 'nope' })).toBe(false);
  });

  it('finds the snapshot by path only for the same text', async () => {
    db = new WorkbenchDb(name);
    const snapshot = { articleId: ArticleId.parse('article-3'), path: '000_f9a0009864046443.txt', sha256: 'v1', items: [['h1', 'default-evidence', 10, 20]] as Array<[string, string, number, number]> };
    await savePaintSnapshot(db, snapshot);
    await expect(loadPaintSnapshotByPath(db, '000_f9a0009864046443.txt', 'v1')).resolves.toEqual(snapshot);
    await expect(loadPaintSnapshotByPath(db, '000_f9a0009864046443.txt', 'v2')).resolves.toBeUndefined();
    await expect(loadPaintSnapshotByPath(db, 'other.txt', 'v1')).resolves.toBeUndefined();
  });
});
