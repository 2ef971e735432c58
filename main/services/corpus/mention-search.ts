import { setImmediate as nextMacrotask } from 'node:timers/promises';
import type { ArticleSummary } from '../../../shared/model/article';
import type { MentionHit } from '../../../shared/model/mention';
import { createMentionMatcher } from '../../../shared/search/mention-matcher';
import { mapLimited } from '../../../shared/async/map-limited';
import { DEFAULT_CONTEXT_CHARS, hitsIn, searchableText, type ArticleBatchResult, type ArticleText, type MentionQuery } from './mention-hits';

/** The corpus a search runs over: a snapshot of the listing and a way to read each article. */
export interface MentionSearchDeps {
  /** The corpus root the paths are relative to. */
  root: string;
  articles: readonly ArticleSummary[];
  /** The article's canonical text, or null when it cannot be read (gone, binary, too large). */
  readText(path: string): Promise<ArticleText | null>;
  /**
   * Searches whole batches of articles elsewhere (the corpus service's worker threads), `concurrency`
   * batches at a time. Without it, each article is read with `readText` and searched in this thread.
   */
  batches?: {
    search(paths: readonly string[], query: MentionQuery): Promise<ArticleBatchResult>;
    concurrency: number;
  };
}

export interface MentionSearchTotals {
  /** Articles whose text was read and searched. */
  articlesSearched: number;
  /** Hits handed to `onBatch`. */
  hits: number;
  elapsedMs: number;
}

/** Enough reads in flight to hide disk latency; more only queues in libuv's thread pool. */
const READ_CONCURRENCY = 16;
/** The first batch goes out early so the user sees results while the rest of the corpus is read… */
const FIRST_BATCH_HITS = 50;
const FIRST_BATCH_MS = 100;
/** …then batches are paced, so thousands of hits cost a few messages, not thousands… */
const BATCH_INTERVAL_MS = 250;
/** …but none grows past a few hundred KB: a 10,000-article search can find 200,000 hits (60 MB). */
const MAX_BATCH_HITS = 2000;
/**
 * Articles per batch sent to a worker: small at first, so the first hits come back within a few
 * milliseconds, then larger, so 10,000 articles cost a few hundred messages.
 */
const FIRST_WORKER_BATCH = 8;
const WORKER_BATCH = 64;

/**
 * Searches every readable article of the corpus for mentions of `query.terms` and streams the hits
 * to `onBatch`: the first batch after 50 hits or 100 ms, then one every 250 ms or 2,000 hits.
 * All hits of one article arrive together, in text order, in one batch; articles
 * arrive in the order their reads finish, not in listing order. Hits on boilerplate lines are
 * skipped unless asked for. When `signal` aborts, reading stops, hits not yet delivered are
 * dropped, and no batch follows; the totals then describe what was delivered.
 */
export async function searchMentions(
  deps: MentionSearchDeps,
  query: MentionQuery,
  onBatch: (batch: MentionHit[]) => void,
  signal?: AbortSignal,
): Promise<MentionSearchTotals> {
  const started = performance.now();
  const articles = deps.articles.filter((article) => article.readable);
  let pending: MentionHit[] = [];
  let delivered = 0;
  let lastBatchAt: number | null = null;
  let searched = 0;

  function deliver(): void {
    if (pending.length === 0 || signal?.aborted) return;
    const batch = pending;
    pending = [];
    delivered += batch.length;
    lastBatchAt = performance.now();
    onBatch(batch);
  }

  // Checked after each article rather than on a timer: articles finish every fraction of a
  // millisecond, and a timer firing outside this function could not report onBatch's failures.
  function deliverIfDue(): void {
    if (pending.length === 0) return;
    const now = performance.now();
    const due =
      pending.length >= MAX_BATCH_HITS ||
      (lastBatchAt === null ? pending.length >= FIRST_BATCH_HITS || now - started >= FIRST_BATCH_MS : now - lastBatchAt >= BATCH_INTERVAL_MS);
    if (due) deliver();
  }

  /** Takes the hits of one or more whole articles, delivering between articles when a batch is due. */
  function accept(hits: readonly MentionHit[]): void {
    hits.forEach((hit, i) => {
      pending.push(hit);
      if (hits[i + 1]?.path !== hit.path) deliverIfDue();
    });
    deliverIfDue();
  }

  if (deps.batches) {
    const { search, concurrency } = deps.batches;
    await mapLimited(
      inBatches(articles.map((article) => article.path)),
      concurrency,
      async (paths) => {
        const result = await search(paths, query);
        if (signal?.aborted) return;
        searched += result.searched;
        accept(result.hits);
      },
      signal,
    );
  } else {
    const matcher = createMentionMatcher(query.terms);
    const contextChars = query.contextChars ?? DEFAULT_CONTEXT_CHARS;
    await mapLimited(
      articles,
      READ_CONCURRENCY,
      async (article) => {
        // A file deleted or replaced mid-search is skipped, not a failed search.
        const content = await deps.readText(article.path).catch(() => null);
        if (signal?.aborted) return;
        if (content) {
          searched += 1;
          accept(hitsIn(article.path, searchableText(content), matcher, query.includeBoilerplate, contextChars));
        } else {
          deliverIfDue();
        }
        // Reads served from the OS cache resolve back to back; a macrotask between files lets
        // main answer IPC and paint-critical requests while a search runs.
        await nextMacrotask();
      },
      signal,
    );
  }
  deliver();
  return { articlesSearched: searched, hits: delivered, elapsedMs: Math.round(performance.now() - started) };
}

/** Paths in batches for the workers: a few small ones first (quick first hits), then larger ones. */
function inBatches(paths: readonly string[]): string[][] {
  const batches: string[][] = [];
  let size = FIRST_WORKER_BATCH;
  for (let from = 0; from < paths.length; from += size) {
    if (batches.length >= 2) size = Math.min(size * 2, WORKER_BATCH);
    batches.push(paths.slice(from, from + size));
  }
  return batches;
}
