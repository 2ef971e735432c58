import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ArticleSummary } from '../../../shared/model/article';
import { checkArticleSummaries } from '../../../shared/model/check-listing';

/**
 * Bump when parsing changes what a summary holds (titles, warnings, word counts), so summaries
 * cached by an older version are recomputed rather than shown.
 */
export const LISTING_CACHE_VERSION = 1;

const CacheFile = z.object({ version: z.literal(LISTING_CACHE_VERSION), root: z.string(), articles: z.array(ArticleSummary) });

/** Summaries from the last listing of a corpus, reused while a file's size and mtime are unchanged. */
export interface ListingCache {
  lookup(relativePath: string, size: number, modifiedMs: number): ArticleSummary | undefined;
}

export function listingCacheFile(cacheDir: string, root: string): string {
  return path.join(cacheDir, `listing-${createHash('sha256').update(root).digest('hex').slice(0, 16)}.json`);
}

/** Loads the cache; a missing, corrupt or outdated file is simply an empty cache. */
export async function loadListingCache(file: string, root: string): Promise<ListingCache> {
  const entries = new Map<string, ArticleSummary>();
  try {
    const articles = cachedArticles(JSON.parse(await readFile(file, 'utf8')), root);
    if (articles) for (const summary of articles) entries.set(summary.path, summary);
  } catch {
    // No cache yet, or unreadable: list from the files.
  }
  return {
    lookup(relativePath, size, modifiedMs) {
      const summary = entries.get(relativePath);
      return summary && summary.size === size && summary.modifiedMs === modifiedMs ? summary : undefined;
    },
  };
}

/**
 * The summaries of a parsed cache file for `root`, or null. The hand-written check (the renderer's,
 * never more lenient than the schema) takes a well-formed file in ~10 ms where the schema took
 * ~80 ms for 10,000 summaries; anything it does not take unchanged is left to the schema.
 */
function cachedArticles(file: unknown, root: string): ArticleSummary[] | null {
  if (typeof file === 'object' && file !== null && !Array.isArray(file)) {
    const { version, root: cachedRoot, articles, ...rest } = file as Record<string, unknown>;
    const checked = version === LISTING_CACHE_VERSION && cachedRoot === root && Object.keys(rest).length === 0 ? checkArticleSummaries(articles) : undefined;
    if (checked) return checked;
  }
  const parsed = CacheFile.safeParse(file);
  return parsed.success && parsed.data.root === root ? parsed.data.articles : null;
}

/** Writes the cache atomically (temporary file, then rename), so a crash never leaves half a file. */
export async function saveListingCache(file: string, root: string, articles: readonly ArticleSummary[]): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify({ version: LISTING_CACHE_VERSION, root, articles }));
  await rename(temporary, file);
}
