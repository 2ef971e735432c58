import { existsSync } from 'node:fs';
import os from 'node:os';
import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { HostFailure } from '../../../shared/contract/host-result';
import type { HostErrorCode } from '../../../shared/contract/host-result';
import { exportWorkerCount, planExport } from '../../../shared/export/export-plan';
import type { ExportFormatId, FormatOptions } from '../../../shared/export/export-formats';
import type { ExportScope } from '../../../shared/export/export-selection';
import { errorMessage } from '../../../shared/text/error-message';
import type { Logger } from '../../host/logger';
import type { PoolWorker } from '../corpus/worker-pool';
import { createExportBuilder, type BuilderReply, type BuilderRequest, type BuildProblem, type TextsToRead } from './export-builder';

type PrepareRequest = Extract<BuilderRequest, { kind: 'prepare' }>;

/*
 * Main's export threads: each keeps a copy of the project rows an export sent (`prepare`, done
 * while the Export dialog is open) and builds and writes its share of the formats (`planExport`),
 * so that the formats are built on every core, in parallel, and written where they are built:
 * nothing built crosses a thread or a process. Where worker threads cannot run (tests, a missing
 * script) main builds everything itself, as one lane.
 */

export interface ThreadBuild {
  preparedId: string;
  projectName: string;
  texts: TextsToRead;
  scope: ExportScope;
  formats: readonly ExportFormatId[];
  options: FormatOptions;
  folder: string;
  overwrite: boolean;
}

/** What checking a project's rows found: the annotations kept, and the damaged ones left out (`readArchiveRows`). */
export interface Checked {
  annotations: number;
  damaged: number;
}

export interface FormatWritten {
  format: ExportFormatId;
  folder: string;
  written: string[];
  buildMs: number;
  writeMs: number;
}

export interface ExportThreads {
  /** Starts the threads now rather than with the first rows (a thread's start-up took ~0.4 s here), so that it overlaps the renderer reading them. */
  start(): void;
  /**
   * Has every lane check and keep the rows `json` as `id`, and read `ahead.texts` ahead (see
   * `BuilderRequest`); resolves once all have (rejects with the rows' first problem).
   */
  prepare(id: string, json: Uint8Array | string, ahead?: { texts: TextsToRead; projectName: string }): Promise<Checked>;
  /** Forgets rows `id` everywhere; returns whether they were kept. */
  forget(id: string): boolean;
  /**
   * Builds and writes `request.formats`, shared among the lanes, reporting each format once written.
   * A failed format stops the others after the one they are building; it rejects once all lanes are idle.
   */
  build(request: ThreadBuild, onWritten: (entry: FormatWritten) => void): Promise<{ missing: string[]; lanes: number }>;
  /** Worker threads building (0 before the first export, and where main builds itself). */
  readonly threads: number;
  close(): Promise<void>;
}

export interface ExportThreadsOptions {
  /** The built `export-thread.js`; without it (tests, running from source) main builds itself. */
  script?: string;
  /** Threads to start (default: `exportWorkerCount` of this machine's cores). */
  threads?: number;
  log: Logger;
  /** Starts a worker thread running `script` (tests hand in fakes). */
  startWorker?: (script: string) => PoolWorker;
}

interface Lane {
  post(request: BuilderRequest): void;
  /** Rows this lane has checked and keeps. */
  kept: Set<string>;
  prepares: Map<string, { request: PrepareRequest; resolve(checked: Checked): void; reject(error: Error): void }>;
  builds: Map<string, { onWritten(entry: FormatWritten): void; done(missing: string[]): void; failed(problem: BuildProblem, message: string): void }>;
  terminate(): Promise<unknown>;
  /** A worker thread (false: main's own lane). */
  threaded: boolean;
  /** True once it has answered: a thread that fails before that cannot run here at all. */
  proven: boolean;
}

const PROBLEM_CODES: Record<BuildProblem, HostErrorCode> = { exists: 'exists', 'name-clash': 'invalid-input', write: 'io-error', build: 'internal', unprepared: 'not-found' };

function answer(lane: Lane, reply: BuilderReply): void {
  lane.proven = true;
  switch (reply.kind) {
    case 'prepared':
      lane.kept.add(reply.id);
      lane.prepares.get(reply.id)?.resolve({ annotations: reply.annotations, damaged: reply.damaged });
      lane.prepares.delete(reply.id);
      return;
    case 'prepare-failed':
      lane.prepares.get(reply.id)?.reject(new HostFailure('invalid-input', `The project's rows are not valid, so nothing was exported: ${reply.message}`));
      lane.prepares.delete(reply.id);
      return;
    case 'written':
      lane.builds.get(reply.buildId)?.onWritten(reply);
      return;
    case 'build-failed':
      if (reply.problem === 'unprepared') lane.kept.clear();
      lane.builds.get(reply.buildId)?.failed(reply.problem, reply.message);
      lane.builds.delete(reply.buildId);
      return;
    case 'build-done':
      lane.builds.get(reply.buildId)?.done(reply.missing);
      lane.builds.delete(reply.buildId);
      return;
  }
}

/** Fails whatever waits on a lane that died. */
function abandon(lane: Lane, why: string): void {
  lane.kept.clear();
  for (const waiting of lane.prepares.values()) waiting.reject(new HostFailure('internal', `An export thread stopped: ${why}`));
  for (const waiting of lane.builds.values()) waiting.failed('build', `An export thread stopped: ${why}`);
  lane.prepares.clear();
  lane.builds.clear();
}

function mainThreadLane(): Lane {
  const lane: Lane = {
    post: (request) => void nextMacrotask().then(() => handle(request)),
    kept: new Set(),
    prepares: new Map(),
    builds: new Map(),
    terminate: async () => undefined,
    threaded: false,
    proven: true,
  };
  const handle = createExportBuilder((reply) => answer(lane, reply));
  return lane;
}

export function createExportThreads(options: ExportThreadsOptions): ExportThreads {
  const script = options.script && existsSync(options.script) ? options.script : null;
  if (options.script && !script) options.log.warn(`No export thread script at ${options.script}: exports are built in the main thread`);
  const wanted = script ? (options.threads ?? exportWorkerCount(os.availableParallelism())) : 0;
  const startWorker = options.startWorker ?? ((file: string) => new Worker(file));
  let lanes: Lane[] = [];
  let nextBuild = 1;

  const threadLane = (file: string): Lane => {
    const worker = startWorker(file);
    worker.unref?.();
    const lane: Lane = { post: (request) => worker.postMessage(request), kept: new Set(), prepares: new Map(), builds: new Map(), terminate: () => worker.terminate(), threaded: true, proven: false };
    const dead = (why: string) => {
      if (!lanes.includes(lane)) return;
      if (!lane.proven) return fallBack(why);
      lanes = lanes.filter((other) => other !== lane);
      options.log.warn(`An export thread stopped (${why}); the next export starts another`);
      abandon(lane, why);
    };
    worker.on('message', (reply) => answer(lane, reply as BuilderReply));
    worker.on('error', (error) => dead(errorMessage(error)));
    worker.on('exit', (code) => dead(`it exited with code ${code}`));
    return lane;
  };

  /**
   * Threads cannot run here (one failed before it ever answered, such as a script that cannot
   * load): main builds from now on, and prepares again itself the rows the threads were checking.
   */
  const fallBack = (why: string): void => {
    if (lanes.some((lane) => !lane.threaded)) return;
    options.log.warn(`Export threads could not start (${why}): exports are built in the main thread`);
    const pending = lanes.flatMap((lane) => [...lane.prepares]);
    for (const lane of lanes) void lane.terminate();
    const here = mainThreadLane();
    lanes = [here];
    // Each id was being checked by every thread: once is enough here.
    const waiting = new Map<string, Array<{ request: PrepareRequest; resolve(checked: Checked): void; reject(error: Error): void }>>();
    for (const [id, entry] of pending) waiting.set(id, [...(waiting.get(id) ?? []), entry]);
    for (const [id, entries] of waiting) {
      here.prepares.set(id, {
        request: entries[0]!.request,
        resolve: (checked) => entries.forEach((entry) => entry.resolve(checked)),
        reject: (error) => entries.forEach((entry) => entry.reject(error)),
      });
      here.post(entries[0]!.request);
    }
  };

  /** The lanes, started (again) as needed: worker threads, or main's own lane where they cannot start. */
  const ensureLanes = (): Lane[] => {
    if (wanted === 0 || lanes.some((lane) => !lane.threaded)) {
      if (lanes.length === 0) lanes = [mainThreadLane()];
      return lanes;
    }
    while (lanes.length < wanted && script) {
      try {
        lanes.push(threadLane(script));
      } catch (error) {
        fallBack(errorMessage(error));
        break;
      }
    }
    return lanes;
  };

  return {
    start: () => void ensureLanes(),

    async prepare(id, json, ahead) {
      const targets = ensureLanes();
      const request: PrepareRequest = { kind: 'prepare', id, json, ...(ahead ? { texts: ahead.texts, projectName: ahead.projectName } : {}) };
      const results = await Promise.allSettled(
        targets.map(
          (lane) =>
            new Promise<Checked>((resolve, reject) => {
              lane.prepares.set(id, { request, resolve, reject });
              lane.post(request);
            }),
        ),
      );
      const failure = results.find((result) => result.status === 'rejected');
      if (failure) {
        for (const lane of targets) {
          lane.post({ kind: 'forget', id });
          lane.kept.delete(id);
        }
        throw failure.reason;
      }
      return (results[0] as PromiseFulfilledResult<Checked>).value;
    },

    forget(id) {
      let kept = false;
      for (const lane of lanes) {
        kept = lane.kept.delete(id) || kept;
        lane.post({ kind: 'forget', id });
      }
      return kept;
    },

    async build(request, onWritten) {
      const holding = lanes.filter((lane) => lane.kept.has(request.preparedId));
      if (holding.length === 0) throw new HostFailure('not-found', 'The project rows for this export are no longer kept: export again');
      const plan = planExport(request.formats, holding.length);
      const buildId = `build-${nextBuild++}`;
      let failure: { problem: BuildProblem; message: string } | null = null;
      const running = new Set<Lane>();
      const lanesDone = plan.map(
        (formats, i) =>
          new Promise<string[]>((resolve) => {
            const lane = holding[i]!;
            running.add(lane);
            const finish = (missing: string[]) => (running.delete(lane), resolve(missing));
            lane.builds.set(buildId, {
              onWritten,
              done: finish,
              failed: (problem, message) => {
                // The first failure is the one reported; the other lanes stop after their current format.
                failure ??= { problem, message };
                for (const other of running) if (other !== lane) other.post({ kind: 'stop', buildId });
                finish([]);
              },
            });
            lane.post({ ...request, kind: 'build', buildId, formats });
          }),
      );
      const missing = await Promise.all(lanesDone);
      const failed = failure as { problem: BuildProblem; message: string } | null;
      if (failed) throw new HostFailure(PROBLEM_CODES[failed.problem], failed.message);
      return { missing: missing.find((paths) => paths.length > 0) ?? [], lanes: plan.length };
    },

    get threads() {
      return lanes.filter((lane) => lane.threaded).length;
    },

    async close() {
      const closing = lanes;
      lanes = [];
      await Promise.all(closing.map((lane) => lane.terminate()));
    },
  };
}
