import { describe, expect, it } from 'vitest';
import type { ProjectData } from './archive-schema';
import { prepareExport } from './prepared-export';
import { exportInput } from '../../test-support/export-fixture';
import { exportFormat } from './export-formats';
import { encodeOutput, outputBuffers } from './encoded-output';
import { exportJob, readExportReply, runExportJob, type ExportReply } from './export-job';

const input = exportInput();
const data: ProjectData = {
  articles: input.articles.map((article) => ({ id: article.id, path: article.path, sha256: '', createdAt: 1, updatedAt: 1 })),
  articleMeta: [], legend: [...input.legend], entityTypes: [...input.entityTypes], entities: [...input.entities], annotations: [...input.annotations], rejectedHits: [], notes: [...input.notes],
};
const options = { baseName: 'corpus', csvBom: true };

/** Runs the worker's handler as the worker does, on a structured clone of the job (as postMessage makes), its replies' bytes transferred. */
async function run(job: ReturnType<typeof exportJob>): Promise<ExportReply[]> {
  const replies: ExportReply[] = [];
  await runExportJob(structuredClone(job), (reply) => replies.push(structuredClone(reply, { transfer: reply.kind === 'built' ? outputBuffers(reply.output) : [] })));
  return replies;
}

describe('the export worker\'s job', () => {
  it('carries only what its formats read', () => {
    expect(exportJob(['archive'], input, data, options)).toMatchObject({ input: null, data });
    expect(exportJob(['csv', 'conll'], input, data, options)).toMatchObject({ input, data: null });
    expect(exportJob(['markdown', 'archive'], input, data, options)).toMatchObject({ input, data });
  });

  it('posts each format\'s files as it builds them, as UTF-8 bytes, in order, then done: the same files this thread builds', async () => {
    const replies = await run(exportJob(['w3c', 'csv', 'archive', 'conll'], input, data, options));
    expect(replies.map((reply) => (reply.kind === 'built' ? reply.format : reply.kind))).toEqual(['w3c', 'csv', 'archive', 'conll', 'done']);
    const prepared = prepareExport(input);
    for (const reply of replies) {
      if (reply.kind !== 'built') continue;
      const format = exportFormat(reply.format);
      const expected = format.reads === 'input' ? format.build(prepared, options) : format.build(data, options);
      expect(reply.output).toEqual(encodeOutput(expected));
      expect(reply.output.files.every((file) => file.content instanceof Uint8Array && file.content.byteLength > 0)).toBe(true);
      expect(readExportReply(reply)).toEqual(reply);
    }
  });

  it('reports a format it cannot build, by name, and builds nothing after it', async () => {
    const job = { ...exportJob(['markdown', 'csv'], input, data, options), input: null };
    expect(await run(job)).toEqual([{ kind: 'failed', format: 'markdown', message: 'the job carries no export input' }]);
  });
});

describe('readExportReply', () => {
  it('accepts the replies a worker sends', () => {
    expect(readExportReply({ kind: 'done' })).toEqual({ kind: 'done' });
    expect(readExportReply({ kind: 'failed', format: null, message: 'out of memory' })).toEqual({ kind: 'failed', format: null, message: 'out of memory' });
    const built = { kind: 'built', format: 'brat', output: { subfolder: 'x-brat', files: [{ name: 'a.ann', content: new Uint8Array(0) }] }, ms: 3 };
    expect(readExportReply(built)).toEqual(built);
  });

  it('refuses anything else', () => {
    for (const garbage of [null, 'done', {}, { kind: 'built', format: 'pdf', output: { files: [] }, ms: 1 }, { kind: 'built', format: 'csv', output: { files: [{ name: 'a.csv', content: 7 }] }, ms: 1 }, { kind: 'built', format: 'csv', output: { files: [{ name: 'a.csv', content: 'text, not bytes' }] }, ms: 1 }, { kind: 'built', format: 'csv', output: { files: [] } }, { kind: 'failed', format: 'csv' }, { kind: 'built', format: 'brat', output: { subfolder: 3, files: [] }, ms: 1 }]) {
      expect(readExportReply(garbage)).toBeNull();
    }
  });
});
