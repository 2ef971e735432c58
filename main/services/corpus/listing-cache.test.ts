import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../shared/model/article';
import { LISTING_CACHE_VERSION, listingCacheFile, loadListingCache, saveListingCache } from './listing-cache';

const summary = (name: string, extra: Partial<ArticleSummary> = {}): ArticleSummary => ({
  path: `news/${name}.txt`,
  format: 'text',
  size: 120,
  modifiedMs: 1_700_000_000_000,
  sha256: 'a'.repeat(64),
  wordCount: 20,
  meta: { title: `Title of ${name}`, dateline: 'GOMA' },
  warnings: [],
  readable: true,
  ...extra,
});

describe('listing cache', () => {
  let dir: string;
  let file: string;
  const root = '/corpora/m23';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'listing-cache-'));
    file = listingCacheFile(dir, root);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('gives back a saved summary while the file keeps its size and date, never after either changed', async () => {
    await saveListingCache(file, root, [summary('a'), summary('b', { warnings: [{ code: 'legacy-encoding', message: 'Not UTF-8' }] })]);
    const cache = await loadListingCache(file, root);
    expect(cache.lookup('news/a.txt', 120, 1_700_000_000_000)).toEqual(summary('a'));
    expect(cache.lookup('news/b.txt', 120, 1_700_000_000_000)?.warnings).toEqual([{ code: 'legacy-encoding', message: 'Not UTF-8' }]);
    expect(cache.lookup('news/a.txt', 121, 1_700_000_000_000)).toBeUndefined();
    expect(cache.lookup('news/a.txt', 120, 1_700_000_000_001)).toBeUndefined();
  });

  it('is empty for another root, another version, a damaged summary or a file that is not JSON', async () => {
    await saveListingCache(file, root, [summary('a')]);
    expect((await loadListingCache(file, '/corpora/other')).lookup('news/a.txt', 120, 1_700_000_000_000)).toBeUndefined();
    const saved = JSON.parse(await readFile(file, 'utf8')) as { version: number; articles: unknown[] };
    for (const damaged of [
      { ...saved, version: LISTING_CACHE_VERSION + 1 },
      { ...saved, articles: [{ ...summary('a'), wordCount: -1 }] },
      { ...saved, articles: [{ ...summary('a'), path: '../outside.txt' }] },
    ]) {
      await writeFile(file, JSON.stringify(damaged));
      expect((await loadListingCache(file, root)).lookup('news/a.txt', 120, 1_700_000_000_000)).toBeUndefined();
    }
    await writeFile(file, '{"version":1,"root":"/corpora/m23","articles":[');
    expect((await loadListingCache(file, root)).lookup('news/a.txt', 120, 1_700_000_000_000)).toBeUndefined();
  });

  it('leaves what the quick check does not take unchanged to the schema: unknown keys are dropped, as before', async () => {
    await writeFile(file, JSON.stringify({ version: LISTING_CACHE_VERSION, root, articles: [{ ...summary('a'), addedLater: true }], note: 'x' }));
    expect((await loadListingCache(file, root)).lookup('news/a.txt', 120, 1_700_000_000_000)).toEqual(summary('a'));
  });
});
