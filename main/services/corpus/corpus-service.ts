import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleContent, ArticleSummary, CorpusChange, CorpusListing } from '../../../shared/model/article';
import { HostFailure } from '../../../shared/contract/host-result';
import type { Logger } from '../../host/logger';
import { watchCorpus, type RawCorpusEvent } from './corpus-watcher';
import { createCorpusWorkers, type CorpusWorkers } from './corpus-workers';
import type { MentionSearchDeps } from './mention-search';
import { withFallbackTitle } from './fallback-title';
import { readArticleFile } from './read-article-file';
import { boilerplateLines } from './mention-hits';
import { createSearchTextReader, type SearchTarget } from './search-text-reader';
import { resolveInsideRoot } from './safe-path';
import { describeError, scanFolder } from './scan-folder';
import { listingCacheFile, loadListingCache, saveListingCache } from './listing-cache';
import { listArticles } from './list-articles';

export interface CorpusService {
  /** Opens `root` as the corpus (replacing any open one), lists it and starts watching it. */
  open(root: string): Promise<CorpusListing>;
  list(): Promise<CorpusListing | null>;
  read(relativePath: string): Promise<ArticleContent>;
  /**
   * What a corpus-wide search needs: the root, a snapshot of the listing, and a reader of canonical
   * text alone. @throws HostFailure `no-corpus` when no corpus is open.
   */
  searchContext(): MentionSearchDeps;
  close(): Promise<void>;
}

export interface CorpusServiceDeps {
  log: Logger;
  onChange: (change: CorpusChange) => void;
  /** Which folders the user has chosen; main reads nothing outside them. */
  mayOpen: (root: string) => boolean;
  /** A removed file whose text reappears under another name within this window counts as renamed. */
  renameWindowMs?: number;
  /** Where listings are cached between runs; no caching without it. */
  cacheDir?: string;
  /** The built worker script that lists and searches on other cores; without it, all runs in main. */
  workerScript?: string;
  /** Worker threads to use (default: one per core, at most four). */
  workerThreads?: number;
}

interface OpenCorpus {
  root: string;
  summaries: Map<string, ArticleSummary>;
  /** Each article's boilerplate lines as last read, so searches need not work them out again. */
  boilerplate: Map<string, SearchTarget>;
  warnings: CorpusListing['warnings'];
  /**
   * The listing as last answered, until the summaries or warnings change: the same object for
   * every request in between, so its checks and serialisation can be done once (see `http-bridge`).
   */
  listed?: CorpusListing | undefined;
  stopWatching: () => Promise<void>;
}

export function createCorpusService(deps: CorpusServiceDeps): CorpusService {
  let current: OpenCorpus | null = null;
  const renameWindowMs = deps.renameWindowMs ?? 300;
  let reconciling: Promise<void> = Promise.resolve();
  /** The corpus being opened, if any: `list` waits for it. */
  let opening: Promise<CorpusListing> | null = null;
  const pendingRemovals = new Map<string, { summary: ArticleSummary; timer: ReturnType<typeof setTimeout> }>();
  // One for the service's lifetime: it remembers line structures across searches and corpora.
  const searchText = createSearchTextReader();
  // Started with the first listing, kept while the service lives: they keep warm caches and code.
  let workers: CorpusWorkers | null = null;
  const corpusWorkers = (): CorpusWorkers =>
    (workers ??= createCorpusWorkers({
      log: deps.log,
      ...(deps.workerScript ? { script: deps.workerScript } : {}),
      ...(deps.workerThreads !== undefined ? { threads: deps.workerThreads } : {}),
    }));

  function listing(corpus: OpenCorpus): CorpusListing {
    if (corpus.listed) return corpus.listed;
    const articles = [...corpus.summaries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    corpus.listed = { root: corpus.root, name: path.basename(corpus.root), articles, warnings: corpus.warnings };
    return corpus.listed;
  }

  async function handleRawEvent(corpus: OpenCorpus, event: RawCorpusEvent): Promise<void> {
    if (current !== corpus) return;
    if (event.kind === 'tree-changed') {
      // Serialised, so two folder events in a row do not report the same new file twice.
      reconciling = reconciling.catch(() => undefined).then(() => reconcile(corpus));
      await reconciling;
      return;
    }
    if (event.kind === 'root-missing') {
      corpus.warnings = [{ code: 'unreadable', message: `The corpus folder "${corpus.root}" no longer exists` }];
      corpus.listed = undefined;
      deps.onChange({ kind: 'root-missing', path: '' });
      return;
    }
    if (event.kind === 'unlink') {
      if (!corpus.summaries.has(event.relativePath)) return;
      const summary = corpus.summaries.get(event.relativePath);
      corpus.summaries.delete(event.relativePath);
      corpus.listed = undefined;
      corpus.boilerplate.delete(event.relativePath);
      if (!summary) return;
      const timer = setTimeout(() => {
        pendingRemovals.delete(event.relativePath);
        deps.onChange({ kind: 'removed', path: event.relativePath });
      }, renameWindowMs);
      pendingRemovals.set(event.relativePath, { summary, timer });
      return;
    }
    const { summary, lines } = await readArticleFile(event.absolutePath, event.relativePath);
    if (current !== corpus) return;
    remember(corpus, summary, boilerplateLines(lines));
    const existed = corpus.summaries.has(event.relativePath);
    corpus.summaries.set(event.relativePath, withFallbackTitle(summary));
    corpus.listed = undefined;
    if (existed) {
      deps.onChange({ kind: 'changed', path: event.relativePath, summary });
      return;
    }
    const renamedFrom = [...pendingRemovals.entries()].find(([, removal]) => summary.sha256 !== '' && removal.summary.sha256 === summary.sha256);
    if (renamedFrom) {
      clearTimeout(renamedFrom[1].timer);
      pendingRemovals.delete(renamedFrom[0]);
      deps.onChange({ kind: 'renamed', path: event.relativePath, from: renamedFrom[0], summary });
    } else {
      deps.onChange({ kind: 'added', path: event.relativePath, summary });
    }
  }

  /**
   * Emits files added or removed between our listing and the moment the watcher became ready. Only
   * names are compared (re-checking every file's size and date would double the start-up cost
   * for a large corpus); an article edited in that second is read afresh when it is opened.
   */
  async function reconcile(corpus: OpenCorpus): Promise<void> {
    if (current !== corpus) return;
    const scan = await scanFolder(corpus.root);
    const seen = new Set<string>();
    for (const file of scan.files) {
      seen.add(file.relativePath);
      if (file.kind === 'file' && !corpus.summaries.has(file.relativePath)) {
        await handleRawEvent(corpus, { kind: 'upsert', absolutePath: file.absolutePath, relativePath: file.relativePath });
      }
    }
    for (const relativePath of [...corpus.summaries.keys()]) {
      if (!seen.has(relativePath)) await handleRawEvent(corpus, { kind: 'unlink', relativePath });
    }
  }

  function startWatching(corpus: OpenCorpus): void {
    const { root } = corpus;
    const watching = watchCorpus(
      root,
      (event) => void handleRawEvent(corpus, event).catch((error: unknown) => deps.log.error('corpus watch event failed', error)),
      (error) => deps.log.warn(`Watching "${root}" failed: ${describeError(error)}`),
    );
    corpus.stopWatching = watching.close;
    // Once the watcher is ready, compare the folder with the listing, so a change made in between is not lost.
    void watching.ready.then(() => reconcile(corpus)).catch((error: unknown) => deps.log.warn(`Re-checking "${root}" failed: ${describeError(error)}`));
  }

  async function openCorpus(requestedRoot: string): Promise<CorpusListing> {
    const root = path.resolve(requestedRoot);
    if (!deps.mayOpen(root)) throw new HostFailure('forbidden', `"${root}" was not chosen by the user as a corpus folder`);
    const info = await stat(root).catch((error: unknown) => {
      throw new HostFailure('not-found', `Cannot open "${root}": ${describeError(error)}`);
    });
    if (!info.isDirectory()) throw new HostFailure('invalid-input', `"${root}" is not a folder`);
    await stopCurrent();
    const started = performance.now();
    const corpus: OpenCorpus = { root, summaries: new Map(), boilerplate: new Map(), warnings: [], stopWatching: async () => {} };
    current = corpus;
    const cacheFile = deps.cacheDir ? listingCacheFile(deps.cacheDir, root) : null;
    // Without a cached listing every file is read in the workers: they start while the folder is scanned.
    if (!cacheFile || !existsSync(cacheFile)) corpusWorkers().start();
    const scan = await scanFolder(root);
    corpus.warnings = scan.warnings;
    const cache = cacheFile ? await loadListingCache(cacheFile, root) : null;
    const { summaries: results, boilerplate, fromCache } = await listArticles(scan.files, cache, corpusWorkers());
    if (current !== corpus) throw new HostFailure('io-error', `Another folder was opened while "${root}" was being listed`);
    for (const summary of results) corpus.summaries.set(summary.path, withFallbackTitle(summary));
    for (const target of boilerplate) corpus.boilerplate.set(target.path, target);
    // Watching starts after our own walk, not during it (both compete for the same disk and thread
    // pool), and once the listing has been answered: Node sets up the watches of a recursive
    // watcher synchronously, one per file on Linux (0.1–0.3 s for 10,000 files), and listing is
    // what the user waits for. `reconcile` catches what changed in between.
    setImmediate(() => {
      if (current === corpus) startWatching(corpus);
    });
    const summaries = corpus.summaries;
    deps.log.info(`Opened corpus ${root}: ${summaries.size} articles in ${Math.round(performance.now() - started)} ms (${fromCache} from cache)`);
    if (cacheFile && fromCache < results.length) {
      saveListingCache(cacheFile, root, results).catch((error: unknown) => deps.log.warn(`Could not cache the listing: ${describeError(error)}`));
    }
    return listing(corpus);
  }

  async function stopCurrent(): Promise<void> {
    for (const removal of pendingRemovals.values()) clearTimeout(removal.timer);
    pendingRemovals.clear();
    const closing = current;
    current = null;
    if (closing) await closing.stopWatching();
  }

  async function readContent(relativePath: string): Promise<ArticleContent> {
    if (!current) throw new HostFailure('no-corpus', 'No corpus folder is open');
    const absolute = await resolveInsideRoot(current.root, relativePath);
    const content = await readArticleFile(absolute, relativePath);
    return { ...content, summary: withFallbackTitle(content.summary) };
  }

  return {
    open(requestedRoot) {
      // Remembered while it runs, so that `list` answers with this listing rather than a partial one.
      const run = openCorpus(requestedRoot);
      opening = run;
      const settled = (): void => {
        if (opening === run) opening = null;
      };
      run.then(settled, settled);
      return run;
    },
    async list() {
      while (opening) await opening.catch(() => undefined);
      return current ? listing(current) : null;
    },
    read: readContent,
    searchContext() {
      if (!current) throw new HostFailure('no-corpus', 'No corpus folder is open');
      const corpus = current;
      const { root } = corpus;
      const threads = corpusWorkers().threads;
      const search: NonNullable<MentionSearchDeps['batches']>['search'] = async (paths, query) => {
        const targets = paths.map((articlePath) => {
          const summary = corpus.summaries.get(articlePath);
          return corpus.boilerplate.get(articlePath) ?? { path: articlePath, size: summary?.size ?? -1, modifiedMs: summary?.modifiedMs ?? -1 };
        });
        const found = await corpusWorkers().search(root, targets, query);
        if (current === corpus) for (const target of found.learnt) corpus.boilerplate.set(target.path, target);
        return found;
      };
      // Two batches per thread, so a worker never waits for its next one.
      return { root, articles: listing(corpus).articles, readText: searchText.forRoot(root), batches: { search, concurrency: Math.max(1, threads) * 2 } };
    },
    async close() {
      await stopCurrent();
      const stopping = workers;
      workers = null;
      await stopping?.close();
    },
  };
}

/** Keeps what a search needs of an article just read: its boilerplate lines, for this size and date. */
function remember(corpus: OpenCorpus, summary: ArticleSummary, boilerplate: number[]): void {
  if (summary.readable) corpus.boilerplate.set(summary.path, { path: summary.path, size: summary.size, modifiedMs: summary.modifiedMs, boilerplate });
  else corpus.boilerplate.delete(summary.path);
}
