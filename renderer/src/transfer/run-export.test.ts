import { describe, expect, it, vi } from 'vitest';
import { createHostClient, type HostClient } from '../../../shared/contract/host-client';
import type { ProjectData } from '../../../shared/export/archive-schema';
import { prepareExport } from '../../../shared/export/prepared-export';
import { describeRange } from '../../../shared/anchoring/describe-range';
import type { ExportInput } from '../../../shared/export/export-input';
import type { AnnotationRecord } from '../../../shared/model/annotation';
import { AnnotationId, ArticleId, EntityId, EntityTypeId, LegendId } from '../../../shared/model/ids';
import { EXPORT_FORMAT_IDS, exportFormat, type ExportFormatId } from '../../../shared/export/export-formats';
import { runExportJob } from '../../../shared/export/export-job';
import { outputBuffers } from '../../../shared/export/encoded-output';
import { fromJobMessage } from '../../../shared/export/export-job-message';
import { warmWorkers, type ExportWorker, type StartExportWorker } from './export-workers';
import { runExport, type ExportProgress, type ExportRuntime } from './run-export';

/** A small project (the exporters' own tests check their output in detail): two articles, a highlight, a mention, a comment. */
function smallInput(): ExportInput {
  const texts = ['Kagame 👍🏽 met Rubio in Kigali.\nThe talks went on.', 'M23 rebels captured Goma city on Sunday.'];
  const articles = texts.map((text, i) => ({ id: ArticleId.parse(`a${i}`), path: `news/${i}.txt`, text, meta: { title: `Report ${i}`, source: 'The New Times', author: '', date: '2025-01-29', url: '' } }));
  const mark = (n: number, article: number, start: number, end: number): Omit<AnnotationRecord, 'kind' | 'legendId' | 'entityId'> => ({
    id: AnnotationId.parse(`ann-${n}`), articleId: ArticleId.parse(`a${article}`), comment: n === 1 ? 'Check "this", =1' : '', target: describeRange(texts[article] ?? '', { start, end }), anchor: { status: 'exact', start, end, confidence: 1 }, createdAt: n, updatedAt: n,
  });
  const annotations: AnnotationRecord[] = [
    { ...mark(1, 0, 0, 6), kind: 'mention', entityId: EntityId.parse('e-kagame') },
    { ...mark(2, 0, 13, 18), kind: 'highlight', legendId: LegendId.parse('key-claim') },
    { ...mark(3, 1, 0, 10), kind: 'highlight', legendId: LegendId.parse('key-claim') },
  ];
  return {
    projectName: 'corpus',
    articles,
    annotations,
    legend: [{ id: LegendId.parse('key-claim'), name: 'Key claim', color: '#f5d90a', shortcut: '1', order: 1 }],
    entities: [{ id: EntityId.parse('e-kagame'), typeId: EntityTypeId.parse('person'), name: 'Paul Kagame', aliases: [], description: '', externalId: 'Q57421', createdAt: 1, updatedAt: 1 }],
    entityTypes: [{ id: EntityTypeId.parse('person'), name: 'Person', color: '#d6409f', shortcut: 'p', order: 1 }],
    notes: [],
  };
}

const input = smallInput();
const data: ProjectData = {
  articles: input.articles.map((article) => ({ id: article.id, path: article.path, sha256: '', createdAt: 1, updatedAt: 1 })),
  articleMeta: [], legend: [...input.legend], entityTypes: [...input.entityTypes], entities: [...input.entities], annotations: [...input.annotations], rejectedHits: [], notes: [...input.notes],
};

/** Text of what the page sent: bytes (as UTF-8, a byte order mark kept) joined in order. */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
function textOf(pieces: ReadonlyArray<string | Uint8Array>): string {
  const bytes = pieces.map((piece) => (typeof piece === 'string' ? new TextEncoder().encode(piece) : piece));
  const all = new Uint8Array(bytes.reduce((sum, piece) => sum + piece.byteLength, 0));
  bytes.reduce((at, piece) => (all.set(piece, at), at + piece.byteLength), 0);
  return decoder.decode(all);
}

/**
 * A host that writes into a map (name → content), refusing names that exist unless told to
 * overwrite; like main, a write forgets the uploads it names, written or not. `writeDelay` ms
 * make each write slow, as a large one is.
 */
function fakeHost(existing: readonly string[] = [], writeDelay = 0): { client: HostClient; files: Map<string, string>; writes: string[][]; staged: Map<string, Uint8Array[]>; discarded: string[] } {
  const files = new Map<string, string>(existing.map((name) => [name, 'old']));
  const staged = new Map<string, Uint8Array[]>();
  const writes: string[][] = [];
  const discarded: string[] = [];
  const client = createHostClient({
    send: async (name, raw) => {
      if (name === 'exports.stage') {
        const { parts } = raw as { parts: Array<{ uploadId: string; index: number; chunk: Uint8Array }> };
        for (const { uploadId, index, chunk } of parts) {
          expect(chunk).toBeInstanceOf(Uint8Array);
          const chunks = staged.get(uploadId) ?? [];
          chunks[index] = chunk;
          staged.set(uploadId, chunks);
        }
        return { ok: true, value: { received: parts.length } };
      }
      if (name === 'exports.discard') {
        const { uploadIds } = raw as { uploadIds: string[] };
        discarded.push(...uploadIds);
        return { ok: true, value: { discarded: uploadIds.filter((id) => staged.delete(id)).length } };
      }
      await new Promise((resolve) => setTimeout(resolve, writeDelay));
      const request = raw as { subfolder?: string; files: Array<{ name: string; content?: Uint8Array; uploadId?: string }>; overwrite: boolean };
      const names = request.files.map((file) => (request.subfolder ? `${request.subfolder}/${file.name}` : file.name));
      const contents = request.files.map((file) => textOf(file.content ? [file.content] : (staged.get(file.uploadId ?? '') ?? [])));
      for (const file of request.files) if (file.uploadId) staged.delete(file.uploadId);
      const clash = names.find((file) => files.has(file));
      if (clash && !request.overwrite) return { ok: false, error: { code: 'exists', message: `"${clash}" already exists` } };
      names.forEach((file, i) => files.set(file, contents[i] ?? ''));
      writes.push(names);
      return { ok: true, value: { folder: '/exports', written: names.map((file) => `/exports/${file}`) } };
    },
    listen: () => () => {},
  });
  return { client, files, writes, staged, discarded };
}

type Behaviour = 'works' | 'fails to load' | 'garbles';

/**
 * Workers that run the worker's own handler on a structured clone of the job, a task later, as a
 * real one would; a job naming a database gets the rows `databases` holds under its name.
 */
function fakeWorkers(behaviours: Behaviour[], databases = new Map<string, AnnotationRecord[]>()): { start: StartExportWorker; started: number; terminated: number; readsAhead: string[] } {
  const state = { started: 0, terminated: 0, readsAhead: [] as string[], start: (() => undefined) as unknown as StartExportWorker };
  state.start = () => {
    const behaviour = behaviours[state.started++] ?? 'works';
    let handlers: Parameters<ExportWorker['listen']>[0] | null = null;
    let alive = true;
    return {
      listen: (given) => void (handlers = given),
      post: (message) => {
        if ('readAhead' in message) return void state.readsAhead.push(message.readAhead);
        const copy = fromJobMessage(structuredClone(message), message.database === null ? null : (databases.get(message.database) ?? null));
        setTimeout(() => {
          if (!alive) return;
          if (behaviour === 'fails to load') handlers?.error('Failed to fetch a worker script');
          else if (behaviour === 'garbles') handlers?.message({ kind: 'built', format: 'pdf' });
          else void runExportJob(copy, (reply) => setTimeout(() => alive && handlers?.message(structuredClone(reply, { transfer: reply.kind === 'built' ? outputBuffers(reply.output) : [] }))));
        });
      },
      terminate: () => void ((alive = false), state.terminated++),
    };
  };
  return state;
}

function runtime(start: StartExportWorker, cores = 2): ExportRuntime & { warnings: string[] } {
  const warnings: string[] = [];
  return { startWorker: start, cores, warn: (message) => warnings.push(message), log: () => {}, warnings };
}

/** What building `id` in this thread makes, file name → content. */
function expectedFiles(id: ExportFormatId): Map<string, string> {
  const format = exportFormat(id);
  const output = format.reads === 'input' ? format.build(prepareExport(input), { baseName: 'corpus', csvBom: false }) : format.build(data, { baseName: 'corpus', csvBom: false });
  return new Map(output.files.map((file) => [output.subfolder ? `${output.subfolder}/${file.name}` : file.name, typeof file.content === 'string' ? file.content : file.content.join('')]));
}

const options = { input, data, baseName: 'corpus', formats: EXPORT_FORMAT_IDS, csvBom: false, overwrite: false };
const allExpected = () => new Map(EXPORT_FORMAT_IDS.flatMap((id) => [...expectedFiles(id)]));

describe('runExport', () => {
  it('builds every format in two workers and writes each one once, the same files as this thread builds, reported in the dialog\'s order', async () => {
    const host = fakeHost();
    const workers = fakeWorkers(['works', 'works']);
    const progress: ExportProgress[] = [];
    const outcome = await runExport(host.client, { ...options, onProgress: (step) => progress.push(step) }, runtime(workers.start));
    expect(outcome.error).toBeNull();
    expect(outcome.builtBy).toEqual({ workers: 2, inThread: [] });
    expect(outcome.written.map((entry) => entry.format)).toEqual(EXPORT_FORMAT_IDS.map((id) => exportFormat(id).label));
    expect(host.files).toEqual(allExpected());
    expect(host.writes).toHaveLength(6);
    expect(workers.started).toBe(2);
    expect(workers.terminated).toBe(2);
    expect(progress.filter((step) => step.writing).map((step) => step.done)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(progress.every((step) => step.total === 6)).toBe(true);
    expect(progress.some((step) => step.writing === 'W3C annotations')).toBe(true);
  });

  it('builds in this thread, and says so, when there is no Worker', async () => {
    const host = fakeHost();
    const run = runtime(() => {
      throw new Error('this window has no Worker');
    });
    const outcome = await runExport(host.client, options, run);
    expect(outcome.error).toBeNull();
    expect(outcome.builtBy.workers).toBe(0);
    expect(outcome.builtBy.inThread.sort()).toEqual(EXPORT_FORMAT_IDS.map((id) => exportFormat(id).label).sort());
    expect(host.files).toEqual(allExpected());
    expect(run.warnings).toHaveLength(2);
    expect(run.warnings[0]).toMatch(/^Export: a worker could not build .* \(this window has no Worker\); building them in this thread instead$/);
  });

  it('gives the share of a worker that fails to load, or sends garbage, to this thread; the other worker keeps its own', async () => {
    for (const broken of ['fails to load', 'garbles'] as const) {
      const host = fakeHost();
      const run = runtime(fakeWorkers([broken, 'works']).start);
      const outcome = await runExport(host.client, options, run);
      expect(outcome.error).toBeNull();
      expect(host.files).toEqual(allExpected());
      expect(outcome.builtBy.workers).toBe(1);
      expect(outcome.builtBy.inThread.length).toBeGreaterThan(0);
      expect(run.warnings).toHaveLength(1);
      expect(run.warnings[0]).toContain(broken === 'fails to load' ? 'Failed to fetch a worker script' : 'not an export reply');
    }
  });

  it('stops at a format whose files exist: nothing further is written and the workers are stopped', async () => {
    const host = fakeHost(['corpus-annotations.jsonld']);
    const workers = fakeWorkers(['works', 'works']);
    const outcome = await runExport(host.client, options, runtime(workers.start));
    expect(outcome.exists).toBe('W3C Web Annotations: "corpus-annotations.jsonld" already exists');
    expect(host.files.get('corpus-annotations.jsonld')).toBe('old');
    expect(host.writes.flat()).not.toContain('corpus-archive.json');
    expect(workers.terminated).toBe(2);
    const again = await runExport(host.client, { ...options, overwrite: true }, runtime(fakeWorkers([]).start));
    expect(again.exists).toBeNull();
    expect(host.files).toEqual(allExpected());
  });

  it('stages a format while the one before is written, and has main forget what it staged when that write fails', async () => {
    // A comment of 4.5 M characters puts the archive past what a write carries inline: it is staged.
    const big = { ...data, annotations: data.annotations.map((row, i) => (i === 0 ? { ...row, comment: 'x'.repeat(4_500_000) } : row)) };
    const host = fakeHost(['corpus-brat/annotation.conf'], 50);
    const outcome = await runExport(host.client, { ...options, data: big, formats: ['brat', 'archive'] }, runtime(fakeWorkers(['works']).start, 1));
    expect(outcome.exists).toBe('brat standoff: "corpus-brat/annotation.conf" already exists');
    expect(host.discarded).toHaveLength(1);
    expect(host.staged.size).toBe(0);
    expect(host.writes).toEqual([]);
  });

  it('uses workers started ahead, then starts no more; releasing ends only those never used', async () => {
    const host = fakeHost();
    const workers = fakeWorkers(['works', 'works', 'works']);
    const warm = warmWorkers(workers.start, 3);
    expect(workers.started).toBe(3);
    const outcome = await runExport(host.client, options, runtime(warm.start));
    expect(outcome.builtBy.workers).toBe(2);
    expect(workers.started).toBe(3);
    warm.release();
    expect(workers.terminated).toBe(3);
    expect(host.files).toEqual(allExpected());
  });

  it('writes only the formats chosen', async () => {
    const host = fakeHost();
    const outcome = await runExport(host.client, { ...options, formats: ['csv'] }, runtime(fakeWorkers([]).start, 8));
    expect(outcome.written.map((entry) => entry.format)).toEqual(['Entity mentions CSV']);
    expect([...host.files.keys()]).toEqual(['corpus-mentions.csv']);
  });

  describe('with the annotations left to the workers to read from the database', () => {
    const withoutRows = { ...options, input: { ...input, annotations: [] }, data: { ...data, annotations: [] } };
    const databases = new Map([['research-workbench', [...data.annotations]]]);

    it('writes the same files as when given the rows, the window reading none of them', async () => {
      const host = fakeHost();
      const read = vi.fn(async () => [...data.annotations]);
      const outcome = await runExport(host.client, { ...withoutRows, storedRows: { database: 'research-workbench', read } }, runtime(fakeWorkers(['works', 'works'], databases).start));
      expect(outcome.error).toBeNull();
      expect(outcome.builtBy).toEqual({ workers: 2, inThread: [] });
      expect(host.files).toEqual(allExpected());
      expect(read).not.toHaveBeenCalled();
    });

    it('reads them in this thread, once, for the shares of workers that cannot be had', async () => {
      const host = fakeHost();
      const read = vi.fn(async () => [...data.annotations]);
      const outcome = await runExport(host.client, { ...withoutRows, storedRows: { database: 'research-workbench', read } }, runtime(fakeWorkers(['fails to load', 'fails to load'], databases).start));
      expect(outcome.builtBy.workers).toBe(0);
      expect(host.files).toEqual(allExpected());
      expect(read).toHaveBeenCalledTimes(1);
    });

    it('says so when they cannot be read in this thread either', async () => {
      const host = fakeHost();
      const read = vi.fn(() => Promise.reject(new Error('the database is closed')));
      const outcome = await runExport(host.client, { ...withoutRows, formats: ['csv'], storedRows: { database: 'research-workbench', read } }, runtime(() => {
        throw new Error('this window has no Worker');
      }));
      expect(outcome.error).toBe('The export could not be built: its annotations could not be read (the database is closed)');
      expect(host.writes).toEqual([]);
    });

    it('has the workers started ahead that an export will use start reading them, before their jobs', async () => {
      const workers = fakeWorkers(['works', 'works', 'works'], databases);
      const warm = warmWorkers(workers.start, 3);
      warm.readAhead('research-workbench', 2);
      expect(workers.readsAhead).toEqual(['research-workbench', 'research-workbench']);
      const host = fakeHost();
      const outcome = await runExport(host.client, { ...withoutRows, storedRows: { database: 'research-workbench', read: async () => [] } }, runtime(warm.start));
      expect(outcome.builtBy.workers).toBe(2);
      expect(host.files).toEqual(allExpected());
      warm.release();
      expect(workers.terminated).toBe(3);
    });
  });
});
