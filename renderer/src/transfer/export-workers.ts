import type { ProjectData } from '../../../shared/export/archive-schema';
import type { ExportInput } from '../../../shared/export/export-input';
import { exportFormat, type ExportFormatId, type FormatOptions } from '../../../shared/export/export-formats';
import type { EncodedOutput } from '../../../shared/export/encoded-output';
import { exportWorkerCount, planExport } from '../../../shared/export/export-plan';
import { exportJob, readExportReply, runExportJob, type ExportReply } from '../../../shared/export/export-job';
import { rowsJsonOnce, toJobMessage, withStoredRows, type ExportJobMessage, type ReadAheadMessage } from '../../../shared/export/export-job-message';
import type { AnnotationRecord } from '../../../shared/model/annotation';
import { nextTask } from '../app/next-task';

/*
 * Builds the chosen export formats off the renderer's main thread: in up to
 * `exportWorkerCount(cores)` module workers, each given its share (`planExport`) and a copy of the
 * input, each format handed on as soon as it is built. A worker that cannot be had (no `Worker`,
 * construction throws, the script fails to load, it reports a failure or an unreadable reply)
 * gives its remaining formats to this thread, which builds them as the app did before, and says so.
 */

/** What the export needs of a Worker (a fake one in unit tests). */
export interface ExportWorker {
  /** `message` gets what the worker posted; `error` says why it failed (to load, or to send a readable reply). */
  listen(handlers: { message(data: unknown): void; error(why: string): void }): void;
  post(message: ExportJobMessage | ReadAheadMessage): void;
  terminate(): void;
}

/** Starts one export worker; throws when workers cannot be had. */
export type StartExportWorker = () => ExportWorker;

/** A module worker running `export-worker.ts` (Vite emits it as a file of its own). */
export const startModuleWorker: StartExportWorker = () => {
  if (typeof Worker === 'undefined') throw new Error('this window has no Worker');
  const worker = new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module', name: 'export' });
  return {
    listen(handlers) {
      worker.onmessage = (event: MessageEvent<unknown>) => handlers.message(event.data);
      worker.onerror = (event: ErrorEvent) => (event.preventDefault(), handlers.error(event.message || 'it failed to start'));
      worker.onmessageerror = () => handlers.error('its reply could not be read');
    },
    post: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
  };
};

/** Workers started ahead of an export (see `warmWorkers`). */
export interface WarmWorkers {
  /** Hands out the workers started ahead, then starts fresh ones. */
  start: StartExportWorker;
  /**
   * Has the first `count` workers started ahead (those handed out first) start reading the
   * annotations stored in `database` (see `ReadAheadMessage`).
   */
  readAhead(database: string, count: number): void;
  /** Ends the workers never handed out. */
  release(): void;
}

/** Starts `count` workers now, so that their scripts have loaded by the time an export needs them. */
export function warmWorkers(start: StartExportWorker, count: number): WarmWorkers {
  const ready: ExportWorker[] = [];
  for (let i = 0; i < count; i++) {
    try {
      ready.push(start());
    } catch {
      break; // `start` will throw again when asked, and the export falls back then, saying why.
    }
  }
  return {
    start: () => ready.shift() ?? start(),
    readAhead: (database, count) => ready.slice(0, count).forEach((worker) => worker.post({ readAhead: database })),
    release: () => ready.splice(0).forEach((worker) => worker.terminate()),
  };
}

export interface BuildRequest {
  formats: readonly ExportFormatId[];
  input: ExportInput;
  data: ProjectData;
  options: FormatOptions;
  /**
   * When set, `input.annotations` and `data.annotations` are placeholders: each worker reads the
   * rows stored in `database` itself, and a share built in this thread reads them with `read`.
   */
  storedRows?: { database: string; read(): Promise<AnnotationRecord[]> };
  /** Logical processors (`navigator.hardwareConcurrency`). */
  cores: number | undefined;
  startWorker: StartExportWorker;
  /** Each format's files (as UTF-8 bytes), as soon as they are built (in any order). */
  onBuilt(format: ExportFormatId, output: EncodedOutput, buildMs: number): void;
  /** Where a fall-back to this thread is reported (console.warn in the app). */
  warn(message: string): void;
}

export interface BuildReport {
  /** Workers that built at least one format. */
  workers: number;
  /** Formats built in this thread because a worker could not be had. */
  inThread: ExportFormatId[];
  /** Time this thread spent posting the input to the workers (cloning it). */
  cloneMs: number;
}

export interface BuildRun {
  finished: Promise<BuildReport>;
  /** Stops every worker (an export that failed to write needs no more formats). */
  stop(): void;
}

/** Builds `request.formats`, in workers where it can; `finished` rejects when a format cannot be built at all. */
export function buildFormats(request: BuildRequest): BuildRun {
  const plan = planExport(request.formats, exportWorkerCount(request.cores));
  const running = new Set<ExportWorker>();
  let stopped = false;
  let workersUsed = 0;
  let cloneMs = 0;
  const inThread: ExportFormatId[] = [];
  // Fallen-back shares run one after another: this thread has only itself to give.
  let threadQueue: Promise<void> = Promise.resolve();
  // The annotation rows go to every worker as one JSON text, written once (see export-job-message.ts).
  const rowsJson = rowsJsonOnce();
  // Read at most once, and only if a share falls back to this thread.
  let storedRead: Promise<AnnotationRecord[]> | null = null;
  const jobInThisThread = async (formats: ExportFormatId[]) => {
    const job = exportJob(formats, request.input, request.data, request.options);
    const stored = request.storedRows;
    return stored ? withStoredRows(job, await (storedRead ??= stored.read())) : job;
  };

  const built = (reply: Extract<ExportReply, { kind: 'built' }>) => {
    if (!stopped) request.onBuilt(reply.format, reply.output, reply.ms);
  };

  const inThisThread = (formats: ExportFormatId[]): Promise<void> => {
    inThread.push(...formats);
    const run = threadQueue.then(
      () =>
        new Promise<void>((resolve, reject) => {
          if (stopped) return resolve();
          const failed = (format: ExportFormatId | null, message: string) => reject(new Error(`${format ? exportFormat(format).label : 'The export'} could not be built: ${message}`));
          jobInThisThread(formats).then(
            (job) =>
              runExportJob(
                job,
                (reply) => {
                  if (reply.kind === 'built') built(reply);
                  else if (reply.kind === 'done') resolve();
                  else failed(reply.format, reply.message);
                },
                nextTask,
              ),
            (error: unknown) => failed(null, `its annotations could not be read (${error instanceof Error ? error.message : String(error)})`),
          );
        }),
    );
    threadQueue = run.catch(() => {});
    return run;
  };

  const inWorker = (formats: ExportFormatId[]): Promise<void> => {
    const pending = [...formats];
    const fallBack = (worker: ExportWorker | null, why: string): Promise<void> => {
      if (worker) {
        worker.terminate();
        running.delete(worker);
      }
      request.warn(`Export: a worker could not build ${pending.map((id) => exportFormat(id).label).join(', ')} (${why}); building ${pending.length === 1 ? 'it' : 'them'} in this thread instead`);
      return inThisThread([...pending]);
    };
    let worker: ExportWorker;
    try {
      worker = request.startWorker();
    } catch (error) {
      return fallBack(null, error instanceof Error ? error.message : String(error));
    }
    running.add(worker);
    return new Promise<void>((resolve, reject) => {
      let over = false;
      const end = (done: Promise<void>) => {
        if (over) return;
        over = true;
        done.then(resolve, reject);
      };
      const message = (data: unknown) => {
        if (over) return;
        const reply = readExportReply(data);
        if (reply?.kind === 'built' && pending.includes(reply.format)) {
          if (pending.length === formats.length) workersUsed++;
          pending.splice(pending.indexOf(reply.format), 1);
          built(reply);
        } else if (reply?.kind === 'done' && pending.length === 0) {
          worker.terminate();
          running.delete(worker);
          end(Promise.resolve());
        } else end(fallBack(worker, reply?.kind === 'failed' ? reply.message : 'it sent something that is not an export reply'));
      };
      worker.listen({ message, error: (why) => end(fallBack(worker, why)) });
      try {
        // Writing the rows' JSON and cloning the rest happen here, in this thread: measured, as the bench reports it.
        const started = performance.now();
        worker.post(toJobMessage(exportJob(formats, request.input, request.data, request.options), rowsJson, request.storedRows?.database ?? null));
        cloneMs += performance.now() - started;
      } catch (error) {
        end(fallBack(worker, error instanceof Error ? error.message : String(error)));
      }
    });
  };

  const finished = Promise.all(plan.map(inWorker)).then(() => ({ workers: workersUsed, inThread, cloneMs }));
  return {
    finished,
    stop() {
      stopped = true;
      for (const worker of running) worker.terminate();
      running.clear();
    },
  };
}
