import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHostClient, type HostClient } from '../../../shared/contract/host-client';
import { EXPORT_CHUNK_BYTES } from '../../../shared/contract/host-contract';
import type { Result } from '../../../shared/contract/host-result';
import { toProjectArchive } from '../../../shared/export/project-archive';
import { EntityId, EntityTypeId } from '../../../shared/model/ids';
import { WorkbenchDb } from '../db/workbench-db';
import { prefetchExport, touchesResearch, type ExportPrefetch } from './export-prefetch';
import { exportProject, type ExportProgress, type ProjectExportRequest } from './export-project';
import { readProjectData } from './project-data';
import { readProjectRowsJson } from './project-rows';
import { chunkBytes, sendProjectRows } from './send-project-rows';

/** Dexie reports a committed write on the next turns of the event loop. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const noWorker = () => {
  throw new Error('no Worker in this test');
};

/** A main that keeps staged chunks and prepared rows as the real one does, and answers builds as told. */
function fakeMain(answerBuild: (input: Record<string, unknown>, emit: (payload: unknown) => void) => Result<unknown> = () => ({ ok: true, value: { formats: [], missing: [], threads: 2 } }), damaged = 0) {
  const sent: Array<[string, unknown]> = [];
  const staged = new Map<string, Uint8Array[]>();
  const prepared = new Map<string, string>();
  const listeners = new Map<string, (payload: unknown) => void>();
  const client: HostClient = createHostClient({
    send: async (name, raw) => {
      sent.push([name, raw]);
      const input = raw as Record<string, unknown>;
      if (name === 'exports.stage') {
        for (const part of input.parts as Array<{ uploadId: string; index: number; chunk: Uint8Array }>) {
          const chunks = staged.get(part.uploadId) ?? [];
          chunks[part.index] = part.chunk;
          staged.set(part.uploadId, chunks);
        }
        return { ok: true, value: { received: 1 } };
      }
      if (name === 'exports.prepare') {
        const id = input.uploadId as string;
        const chunks = staged.get(id) ?? [];
        const joined = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
        chunks.reduce((at, chunk) => (joined.set(chunk, at), at + chunk.byteLength), 0);
        const text = new TextDecoder().decode(joined);
        staged.delete(id);
        prepared.set(id, text);
        if (!text.startsWith('{')) return { ok: false, error: { code: 'invalid-input', message: "The project's rows are not valid, so nothing was exported: The file is not valid JSON" } };
        return { ok: true, value: { annotations: (JSON.parse(text) as { annotations: unknown[] }).annotations.length, damaged } };
      }
      if (name === 'exports.discard') {
        for (const id of input.uploadIds as string[]) {
          prepared.delete(id);
          staged.delete(id);
        }
        return { ok: true, value: { discarded: 1 } };
      }
      if (name === 'exports.build') {
        if (!prepared.has(input.preparedId as string)) return { ok: false, error: { code: 'not-found', message: 'The project rows for this export are no longer kept: export again' } };
        return answerBuild(input, (payload) => listeners.get('exports.formatWritten')?.(payload));
      }
      return { ok: false, error: { code: 'unknown-request', message: name } };
    },
    listen: (event, listener) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    },
  });
  return { client, sent, prepared, names: () => sent.map(([name]) => name) };
}

/** A main that finds two damaged annotations among the rows. */
const fakeMainWithDamaged = () => fakeMain(undefined, 2);

let db: WorkbenchDb;
let prefetch: ExportPrefetch | null = null;

beforeEach(async () => {
  db = new WorkbenchDb('export-project-test', { indexedDB, IDBKeyRange });
  await db.open();
  await db.entities.add({ id: EntityId.parse('e1'), typeId: EntityTypeId.parse('person'), name: 'Paul Kagame 👍🏽', aliases: ['كاغامي'], description: '', externalId: '', createdAt: 1, updatedAt: 1 });
  await settle();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(async () => {
  prefetch?.dispose();
  prefetch = null;
  vi.restoreAllMocks();
  await db.delete();
});

const request = (overrides: Partial<ProjectExportRequest> = {}): ProjectExportRequest => ({ scope: { kind: 'project' }, baseName: 'corpus', formats: ['csv', 'markdown'], csvBom: false, overwrite: false, ...overrides });

describe('the project’s rows as an export sends them', () => {
  it('are the project archive’s text, read in this thread when no worker can start (saying so)', async () => {
    const json = await readProjectRowsJson(db, noWorker);
    expect(new TextDecoder().decode(json)).toBe(toProjectArchive(await readProjectData(db)));
    expect(console.warn).toHaveBeenCalledWith("Export: reading the project's rows in the window's thread (no Worker in this test)");
  });

  it('go to main in chunks of at most EXPORT_CHUNK_BYTES, then are prepared under the upload’s id', async () => {
    expect(chunkBytes(new Uint8Array(2 * EXPORT_CHUNK_BYTES + 1), EXPORT_CHUNK_BYTES).map((chunk) => chunk.byteLength)).toEqual([EXPORT_CHUNK_BYTES, EXPORT_CHUNK_BYTES, 1]);
    const main = fakeMain();
    const json = await readProjectRowsJson(db, noWorker);
    const sent = await sendProjectRows(main.client, json);
    expect(sent).toEqual({ ok: true, value: { id: expect.any(String), annotations: 0, damaged: 0 } });
    expect(main.names()).toEqual(['exports.stage', 'exports.prepare']);
    expect(main.prepared.get(sent.ok ? sent.value.id : '')).toBe(toProjectArchive(await readProjectData(db)));
    const invalid = await sendProjectRows(main.client, new TextEncoder().encode('not json'));
    expect(invalid).toEqual({ ok: false, error: { code: 'invalid-input', message: "The project's rows are not valid, so nothing was exported: The file is not valid JSON" } });
  });

  it('are forgotten on main when a chunk is refused, and the refusal is reported', async () => {
    const refusing = createHostClient({
      send: async (name) => (name === 'exports.stage' ? { ok: false, error: { code: 'payload-too-large', message: 'The export is too large to stage in memory' } } : { ok: true, value: { discarded: 1 } }),
      listen: () => () => {},
    });
    const sent = await sendProjectRows(refusing, new Uint8Array(10));
    expect(sent).toEqual({ ok: false, error: { code: 'payload-too-large', message: 'The export is too large to stage in memory' } });
  });
});

describe('prefetchExport', () => {
  it('names a write to a research table of this database, not to a cache or to another database', () => {
    expect(touchesResearch({ 'idb://project/annotationPacks/': {} as never }, 'project')).toBe(true);
    expect(touchesResearch({ 'idb://project/entities/typeId': {} as never }, 'project')).toBe(true);
    expect(touchesResearch({ 'idb://project/paintSnapshots/': {} as never, 'idb://project/layouts/': {} as never }, 'project')).toBe(false);
    expect(touchesResearch({ 'idb://other/annotationPacks/': {} as never }, 'project')).toBe(false);
  });

  it('sends the rows ahead; goes stale when a research table is written; has main forget them when disposed', async () => {
    const main = fakeMain();
    prefetch = prefetchExport(main.client, db, noWorker);
    const prepared = await prefetch.prepared;
    expect(prepared.ok).toBe(true);
    expect(prefetch.usable()).toBe(true);
    await db.layouts.put({ id: 'main', layout: {}, updatedAt: 1 });
    await settle();
    expect(prefetch.usable()).toBe(true);
    await db.entities.update(EntityId.parse('e1'), { name: 'Kagame' });
    await settle();
    expect(prefetch.usable()).toBe(false);
    prefetch.dispose();
    prefetch = null;
    await settle();
    expect(main.sent.at(-1)).toEqual(['exports.discard', { uploadIds: [prepared.ok ? prepared.value.id : ''] }]);
  });
});

describe('exportProject', () => {
  it('builds on main from the rows sent ahead, reporting each format as main writes it, in the dialog’s order', async () => {
    const main = fakeMain((input, emit) => {
      emit({ exportId: input.exportId, format: 'csv', folder: '/exports', written: ['/exports/corpus-mentions.csv'] });
      emit({ exportId: 'another export', format: 'markdown', folder: '/x', written: [] });
      emit({ exportId: input.exportId, format: 'markdown', folder: '/exports', written: ['/exports/corpus-report.md'] });
      return { ok: true, value: { formats: [{ format: 'csv', folder: '/exports', written: ['/exports/corpus-mentions.csv'] }, { format: 'markdown', folder: '/exports', written: ['/exports/corpus-report.md'] }], missing: ['gone.txt'], threads: 2 } };
    });
    prefetch = prefetchExport(main.client, db, noWorker);
    const ahead = await prefetch.prepared;
    const progress: ExportProgress[] = [];
    const outcome = await exportProject(main.client, db, request({ onProgress: (step) => progress.push(step) }), prefetch);
    expect(outcome).toEqual({
      written: [
        { format: 'Markdown report', folder: '/exports', paths: ['/exports/corpus-report.md'] },
        { format: 'Entity mentions CSV', folder: '/exports', paths: ['/exports/corpus-mentions.csv'] },
      ],
      exists: null, error: null, threads: 2, missing: ['gone.txt'], damaged: 0,
    });
    expect(progress).toEqual([{ done: 0, total: 2 }, { done: 1, total: 2 }, { done: 2, total: 2 }]);
    const [, build] = main.sent.find(([name]) => name === 'exports.build')!;
    expect(build).toMatchObject({ preparedId: ahead.ok ? ahead.value.id : '', scope: { kind: 'project' }, formats: ['markdown', 'csv'], baseName: 'corpus', csvBom: false, overwrite: false });
    expect(main.names().filter((name) => name === 'exports.prepare')).toHaveLength(1);
  });

  it('sends the rows afresh when what was sent ahead is stale, and has main forget them afterwards', async () => {
    const main = fakeMain();
    prefetch = prefetchExport(main.client, db, noWorker);
    await prefetch.prepared;
    await db.entities.update(EntityId.parse('e1'), { name: 'Kagame' });
    await settle();
    await exportProject(main.client, db, request(), prefetch);
    expect(main.names()).toEqual(['exports.stage', 'exports.prepare', 'exports.stage', 'exports.prepare', 'exports.build', 'exports.discard']);
    const [, build] = main.sent.find(([name]) => name === 'exports.build')!;
    const [, discard] = main.sent.at(-1)!;
    expect(discard).toEqual({ uploadIds: [(build as { preparedId: string }).preparedId] });
    // Only the rows sent ahead are still kept (until the dialog closes); they hold the old name.
    expect([...main.prepared.values()]).toEqual([expect.stringContaining('"name":"Paul Kagame 👍🏽"')]);
  });

  it('sends the rows again, once, when main no longer keeps those sent ahead', async () => {
    const main = fakeMain();
    prefetch = prefetchExport(main.client, db, noWorker);
    const ahead = await prefetch.prepared;
    main.prepared.delete(ahead.ok ? ahead.value.id : '');
    const outcome = await exportProject(main.client, db, request(), prefetch);
    expect(outcome.error).toBeNull();
    expect(main.names().filter((name) => name === 'exports.build')).toHaveLength(2);
  });

  it('passes on how many damaged annotations main left out of the formats', async () => {
    expect((await exportProject(fakeMain().client, db, request())).damaged).toBe(0);
    expect((await exportProject(fakeMainWithDamaged().client, db, request())).damaged).toBe(2);
  });

  it('reports files already there as `exists`, to ask, and any other failure in words', async () => {
    const exists = fakeMain(() => ({ ok: false, error: { code: 'exists', message: 'Markdown report: "corpus-report.md" already exists' } }));
    await expect(exportProject(exists.client, db, request())).resolves.toMatchObject({ exists: 'Markdown report: "corpus-report.md" already exists', error: null, written: [] });
    const broken = fakeMain(() => ({ ok: false, error: { code: 'io-error', message: 'CoNLL (BIO) could not be written: ENOSPC' } }));
    await expect(exportProject(broken.client, db, request())).resolves.toMatchObject({ exists: null, error: 'CoNLL (BIO) could not be written: ENOSPC' });
  });
});
