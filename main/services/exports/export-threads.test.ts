import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HostFailure } from '../../../shared/contract/host-result';
import { EXPORT_FORMAT_IDS } from '../../../shared/export/export-formats';
import { planExport } from '../../../shared/export/export-plan';
import { toProjectArchive } from '../../../shared/export/project-archive';
import { projectData } from '../../../test-support/export-fixture';
import { silentLogger } from '../../host/logger';
import type { PoolWorker } from '../corpus/worker-pool';
import { createExportBuilder, type BuilderRequest } from './export-builder';
import { createExportThreads, type ThreadBuild } from './export-threads';

let dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'export-threads-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A worker thread stand-in running the real builder in this thread; `requests` records what it was sent. */
class FakeThread extends EventEmitter implements PoolWorker {
  readonly requests: BuilderRequest[] = [];
  private readonly handle = createExportBuilder((reply) => setImmediate(() => this.emit('message', reply)));
  postMessage(message: unknown): void {
    this.requests.push(message as BuilderRequest);
    setImmediate(() => void this.handle(message as BuilderRequest));
  }
  terminate(): Promise<number> {
    return Promise.resolve(0);
  }
}

const build = (folder: string, overrides: Partial<ThreadBuild> = {}): ThreadBuild => ({
  preparedId: 'rows', projectName: 'corpus', texts: { root: folder, articles: [] }, scope: { kind: 'notebook' }, formats: [...EXPORT_FORMAT_IDS], options: { baseName: 'p', csvBom: false }, folder, overwrite: false, ...overrides,
});

describe('export threads', () => {
  it('has every thread keep the rows, and shares the formats among them as planned, each writing its own', async () => {
    const folder = tempDir();
    const threads = createExportThreads({ script: writeScript(), threads: 2, log: silentLogger, startWorker: () => track(new FakeThread()) });
    await expect(threads.prepare('rows', Buffer.from(toProjectArchive(projectData())))).resolves.toEqual({ annotations: 12, damaged: 0 });
    expect(threads.threads).toBe(2);
    expect(tracked.map((thread) => thread.requests.map((request) => request.kind))).toEqual([['prepare'], ['prepare']]);
    const written: string[] = [];
    const result = await threads.build(build(folder), (entry) => written.push(entry.format));
    expect(result.lanes).toBe(2);
    expect(written.sort()).toEqual([...EXPORT_FORMAT_IDS].sort());
    const shares = tracked.map((thread) => thread.requests.flatMap((request) => (request.kind === 'build' ? request.formats : [])));
    expect(shares).toEqual(planExport(EXPORT_FORMAT_IDS, 2));
    expect(readdirSync(folder)).toContain('p-archive.json');
  });

  it('fails what waits on a thread that stops, says so, and starts another for the next export', async () => {
    const warnings: string[] = [];
    const threads = createExportThreads({ script: writeScript(), threads: 2, log: { ...silentLogger, warn: (message) => warnings.push(message) }, startWorker: () => track(new FakeThread()) });
    await threads.prepare('rows', toProjectArchive(projectData()));
    const running = threads.build(build(tempDir()), () => {});
    tracked[0]!.emit('error', new Error('out of memory'));
    const failure = await running.then(() => null, (error: unknown) => error);
    expect(failure).toBeInstanceOf(HostFailure);
    expect((failure as HostFailure).message).toBe('An export thread stopped: out of memory');
    expect(warnings).toEqual(['An export thread stopped (out of memory); the next export starts another']);
    expect(threads.threads).toBe(1);
    await threads.prepare('again', toProjectArchive(projectData()));
    expect(threads.threads).toBe(2);
    await expect(threads.build(build(tempDir(), { preparedId: 'again' }), () => {})).resolves.toMatchObject({ lanes: 2 });
  });

  it('builds in the main thread when no thread can start, saying why', async () => {
    const warnings: string[] = [];
    const threads = createExportThreads({
      script: writeScript(), threads: 2, log: { ...silentLogger, warn: (message) => warnings.push(message) },
      startWorker: () => {
        throw new Error('no threads here');
      },
    });
    await threads.prepare('rows', toProjectArchive(projectData()));
    expect(threads.threads).toBe(0);
    expect(warnings).toEqual(['Export threads could not start (no threads here): exports are built in the main thread']);
    await expect(threads.build(build(tempDir()), () => {})).resolves.toMatchObject({ lanes: 1 });
  });

  it('builds in the main thread when the threads fail before they ever answer (a script that cannot load), checking the rows there', async () => {
    const warnings: string[] = [];
    const broken = () => {
      const thread = track(new FakeThread());
      thread.postMessage = () => setImmediate(() => thread.emit('error', new Error('Cannot find module')));
      return thread;
    };
    const threads = createExportThreads({ script: writeScript(), threads: 2, log: { ...silentLogger, warn: (message) => warnings.push(message) }, startWorker: broken });
    await expect(threads.prepare('rows', toProjectArchive(projectData()))).resolves.toEqual({ annotations: 12, damaged: 0 });
    expect(threads.threads).toBe(0);
    expect(warnings).toEqual(['Export threads could not start (Cannot find module): exports are built in the main thread']);
    await expect(threads.build(build(tempDir()), () => {})).resolves.toMatchObject({ lanes: 1 });
  });

  it('stops the other threads after their current format when one fails, and reports the first failure', async () => {
    const folder = tempDir();
    writeFileSync(path.join(folder, 'p-archive.json'), 'there before');
    const threads = createExportThreads({ script: writeScript(), threads: 2, log: silentLogger, startWorker: () => track(new FakeThread()) });
    await threads.prepare('rows', toProjectArchive(projectData()));
    const failure = await threads.build(build(folder), () => {}).then(() => null, (error: unknown) => error as HostFailure);
    expect(failure?.code).toBe('exists');
    expect(failure?.message).toBe('Project archive: "p-archive.json" already exists');
    expect(tracked.some((thread) => thread.requests.some((request) => request.kind === 'stop'))).toBe(true);
  });
});

let tracked: FakeThread[] = [];
afterEach(() => {
  tracked = [];
});
function track(thread: FakeThread): FakeThread {
  tracked.push(thread);
  return thread;
}
function writeScript(): string {
  const script = path.join(tempDir(), 'export-thread.js');
  writeFileSync(script, '');
  return script;
}
