import { statSync } from 'node:fs';
import { setImmediate as nextMacrotask } from 'node:timers/promises';
import type { ArticleSummary } from '../../../shared/model/article';
import type { CorpusWorkers } from './corpus-workers';
import type { ListingCache } from './listing-cache';
import { refusedSummary } from './read-article-file';
import type { ScannedFile } from './scan-folder';
import type { SearchTarget } from './search-text-reader';

export interface ListedArticles {
  /** One per scanned file, in the scan's order. */
  summaries: ArticleSummary[];
  /** The boilerplate lines of the articles read now and fully parsed (not of cached ones), for later searches. */
  boilerplate: SearchTarget[];
  fromCache: number;
}

/**
 * Files checked against the cache between two turns of the event loop. A blocking `stat` of a
 * cached file takes a few microseconds where the promise API takes tens (a third of a warm
 * listing's 0.6 s), so they are done in short blocking runs.
 */
const STAT_RUN = 500;

/**
 * Lists scanned files: refused ones get their warning, cached ones (same size and date) their
 * cached summary, and the rest are read and parsed by `workers`.
 */
export async function listArticles(files: readonly ScannedFile[], cache: ListingCache | null, workers: CorpusWorkers): Promise<ListedArticles> {
  const summaries = new Array<ArticleSummary>(files.length);
  const toRead: number[] = [];
  let fromCache = 0;
  for (let from = 0; from < files.length; from += STAT_RUN) {
    if (cache && from > 0) await nextMacrotask();
    files.slice(from, from + STAT_RUN).forEach((file, k) => {
      const index = from + k;
      if (file.kind === 'refused') {
        summaries[index] = refusedSummary(file.relativePath, file.warning);
        return;
      }
      const cached = cache ? cachedSummary(cache, file.relativePath, file.absolutePath) : undefined;
      if (cached) {
        fromCache += 1;
        summaries[index] = cached;
      } else {
        toRead.push(index);
      }
    });
  }
  // Reading and parsing is most of the work: it runs in worker threads, one per core.
  const read = await workers.summarise(toRead.map((index) => files[index] as Extract<ScannedFile, { kind: 'file' }>));
  const boilerplate: SearchTarget[] = [];
  toRead.forEach((index, k) => {
    const article = read[k];
    if (!article) return;
    summaries[index] = article.summary;
    const { path, size, modifiedMs, readable } = article.summary;
    if (readable && article.boilerplate) boilerplate.push({ path, size, modifiedMs, boilerplate: article.boilerplate });
  });
  return { summaries, boilerplate, fromCache };
}

function cachedSummary(cache: ListingCache, relativePath: string, absolutePath: string): ArticleSummary | undefined {
  try {
    const info = statSync(absolutePath);
    return cache.lookup(relativePath, info.size, info.mtimeMs);
  } catch {
    return undefined;
  }
}
