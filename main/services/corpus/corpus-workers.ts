import { existsSync } from 'node:fs';
import os from 'node:os';
import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../../host/logger';
import { createCorpusTaskRunner, type CorpusTask, type CorpusTaskResult, type FileToList, type ListedArticle } from './corpus-tasks';
import { unpackHits } from './mention-hit-packing';
import type { ArticleBatchResult, MentionQuery } from './mention-hits';
import type { SearchTarget } from './search-text-reader';
import { createTaskPool, type TaskPool } from './worker-pool';

/** Listing and searching across CPU cores, in worker threads or (where they cannot run) in main. */
export interface CorpusWorkers {
  /** Summaries (and boilerplate lines) of `files`, in their order. */
  summarise(files: readonly FileToList[]): Promise<ListedArticle[]>;
  /** Searches one batch of articles under `root`; `learnt` holds boilerplate lines worked out afresh. */
  search(root: string, targets: readonly SearchTarget[], query: MentionQuery): Promise<ArticleBatchResult & { learnt: SearchTarget[] }>;
  /** Starts the worker threads ahead of the first task (see `TaskPool.start`). */
  start(): void;
  /** Worker threads running (0: everything runs in main). */
  readonly threads: number;
  close(): Promise<void>;
}

export interface CorpusWorkersOptions {
  /** The built `corpus-worker.js`; without it (tests, running from source) all work runs in main. */
  script?: string;
  /** Threads to start; by default one per CPU core, at most four. */
  threads?: number;
  log: Logger;
}

/** Files per listing task: enough that messages cost little, few enough to share work evenly. */
const LISTING_BATCH = 64;
const MAX_THREADS = 4;

export function createCorpusWorkers(options: CorpusWorkersOptions): CorpusWorkers {
  const script = options.script && existsSync(options.script) ? options.script : null;
  if (options.script && !script) options.log.warn(`No corpus worker script at ${options.script}: listing and searching in the main thread`);
  const inThread = createCorpusTaskRunner();
  const pool: TaskPool<CorpusTask, CorpusTaskResult> = createTaskPool({
    size: script ? (options.threads ?? Math.min(os.availableParallelism(), MAX_THREADS)) : 0,
    startWorker: () => new Worker(script ?? ''),
    // A macrotask before each batch lets main answer requests between batches.
    runInThread: async (task) => {
      await nextMacrotask();
      return inThread(task);
    },
    onFallback: (reason) => options.log.warn(`Listing and searching in the main thread: ${reason}`),
  });

  return {
    async summarise(files) {
      const batches: FileToList[][] = [];
      for (let from = 0; from < files.length; from += LISTING_BATCH) batches.push(files.slice(from, from + LISTING_BATCH));
      const results = await Promise.all(batches.map((batch) => pool.run({ kind: 'summarise', files: batch })));
      return results.flatMap((result) => expect(result, 'summarise').articles);
    },
    async search(root, targets, query) {
      const { searched, hits, learnt } = expect(await pool.run({ kind: 'search', root, targets, query }), 'search');
      return { searched, hits: unpackHits(hits), learnt };
    },
    start: () => pool.start(),
    get threads() {
      return pool.threads;
    },
    close: () => pool.close(),
  };
}

/** A task's result, checked to be of the kind asked for (a worker built from other code could differ). */
function expect<K extends CorpusTaskResult['kind']>(result: CorpusTaskResult, kind: K): Extract<CorpusTaskResult, { kind: K }> {
  if (result.kind !== kind) throw new Error(`A corpus worker answered a ${kind} task with ${result.kind}`);
  return result as Extract<CorpusTaskResult, { kind: K }>;
}
