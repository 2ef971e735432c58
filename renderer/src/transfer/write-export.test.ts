import { describe, expect, it } from 'vitest';
import { createHostClient, type HostClient } from '../../../shared/contract/host-client';
import { EXPORT_CHUNK_BYTES, EXPORT_INLINE_BYTES, MAX_PAYLOAD_BYTES } from '../../../shared/contract/host-contract';
import { requestBody } from '../host/http-transport';
import { chunkBytes, packParts, stageFiles, writeStaged, type WriteRequest } from './write-export';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Bytes a request takes on the HTTP bridge, as the page's transport sends it. */
const wireBytes = (input: unknown) => {
  const { body } = requestBody(input);
  return typeof body === 'string' ? utf8(body).length : body.size;
};
const joined = (chunks: readonly Uint8Array[]) => {
  const all = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  chunks.reduce((at, chunk) => (all.set(chunk, at), at + chunk.byteLength), 0);
  return all;
};
/** Whether two byte arrays hold the same bytes (megabytes of them: quicker than a deep equality, and a failure prints no megabytes). */
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);

describe('chunkBytes', () => {
  it('cuts bytes into views of the same buffer that join back to them, even inside a character', () => {
    const bytes = utf8('ab👍cd'.repeat(10));
    const chunks = chunkBytes(bytes, 7);
    expect(chunks.every((chunk) => chunk.byteLength <= 7 && chunk.buffer === bytes.buffer)).toBe(true);
    expect(sameBytes(joined(chunks), bytes)).toBe(true);
  });

  it('sends one empty chunk for an empty file', () => {
    expect(chunkBytes(new Uint8Array(0), 10).map((chunk) => chunk.byteLength)).toEqual([0]);
  });
});

/** Stages, then writes one set of files, as the export does for each format. */
async function writeExport(client: HostClient, request: WriteRequest) {
  const staged = await stageFiles(client, request.files);
  return staged.ok ? writeStaged(client, staged.value, request) : staged;
}

describe('staging and writing one set of files', () => {
  it('keeps every request under the bridges\' body limit by staging large files in chunks, sending bytes as they are', async () => {
    const staged = new Map<string, Uint8Array[]>();
    const sizes: number[] = [];
    let written: Array<{ name: string; content?: Uint8Array; uploadId?: string }> = [];
    const client = createHostClient({
      send: async (name, input) => {
        sizes.push(wireBytes(input));
        if (name === 'exports.stage') {
          const { parts } = input as { parts: Array<{ uploadId: string; index: number; chunk: Uint8Array }> };
          for (const { uploadId, index, chunk } of parts) {
            const chunks = staged.get(uploadId) ?? [];
            chunks[index] = chunk;
            staged.set(uploadId, chunks);
          }
          return { ok: true, value: { received: parts.length } };
        }
        written = (input as { files: typeof written }).files;
        return { ok: true, value: { folder: '/exports', written: written.map((file) => `/exports/${file.name}`) } };
      },
      listen: () => () => {},
    });
    // More than may travel inline or in one staging request: staged in two chunks.
    const big = utf8('\u0001👍🏽"\\كاغامي'.repeat(Math.ceil(EXPORT_CHUNK_BYTES / 25) + 100_000));
    const small = utf8('# Small');
    const result = await writeExport(client, { files: [{ name: 'small.md', content: small }, { name: 'big.json', content: big }], overwrite: false });
    expect(result.ok).toBe(true);
    expect(Math.max(...sizes)).toBeLessThan(MAX_PAYLOAD_BYTES);
    expect(written.map((file) => file.name)).toEqual(['small.md', 'big.json']);
    expect(written[0]?.content).toBe(small);
    const chunks = staged.get(written[1]?.uploadId ?? '') ?? [];
    expect(chunks).toHaveLength(2);
    expect(sameBytes(joined(chunks), big)).toBe(true);
  });
});

describe('staging many files', () => {
  it('sends small files inline up to the limit and packs the chunks of the rest into a few requests, each within the limit', async () => {
    const files = Array.from({ length: 2_000 }, (_, i) => ({ name: `article-${i}.txt`, content: utf8(`Article ${i}: `.padEnd(4_000, 'x')) }));
    const stageRequests: number[] = [];
    let written: Array<{ name: string; content?: Uint8Array; uploadId?: string }> = [];
    const staged = new Map<string, Uint8Array>();
    const client = createHostClient({
      send: async (name, input) => {
        if (name === 'exports.stage') {
          const { parts } = input as { parts: Array<{ uploadId: string; index: number; count: number; chunk: Uint8Array }> };
          stageRequests.push(wireBytes(input));
          for (const part of parts) {
            expect(part).toMatchObject({ index: 0, count: 1 });
            staged.set(part.uploadId, part.chunk);
          }
          return { ok: true, value: { received: parts.length } };
        }
        written = (input as { files: typeof written }).files;
        return { ok: true, value: { folder: '/exports', written: written.map((file) => file.name) } };
      },
      listen: () => () => {},
    });
    const result = await writeExport(client, { files, overwrite: false });
    expect(result.ok).toBe(true);
    expect(written.filter((file) => file.content).length).toBe(Math.floor(EXPORT_INLINE_BYTES / 4_000));
    expect(stageRequests.length).toBe(1);
    expect(Math.max(...stageRequests)).toBeLessThan(MAX_PAYLOAD_BYTES);
    expect(written.map((file) => file.name)).toEqual(files.map((file) => file.name));
    expect(written.every((file, i) => sameBytes(file.content ?? staged.get(file.uploadId ?? '') ?? new Uint8Array(), files[i]?.content ?? new Uint8Array()))).toBe(true);
  });

  it('never puts more than the limit of bytes in one request, and keeps every part once, in order', () => {
    const parts = [5, 3, 9, 1, 1].map((size, i) => ({ uploadId: `u${i}`, index: 0, count: 1, chunk: new Uint8Array(size * (EXPORT_CHUNK_BYTES / 10)) }));
    const requests = packParts(parts);
    expect(requests.map((request) => request.map((part) => part.uploadId))).toEqual([['u0', 'u1'], ['u2', 'u3'], ['u4']]);
    expect(requests.flat()).toEqual(parts);
  });
});

describe('a staging request refused by main', () => {
  it('sends no further request, forgets what was staged, and writes nothing', async () => {
    const sent: string[] = [];
    let stageRequests = 0;
    const client = createHostClient({
      send: async (name, input) => {
        sent.push(name);
        if (name === 'exports.stage') {
          stageRequests += 1;
          if (stageRequests === 1) return { ok: false, error: { code: 'payload-too-large', message: 'too much staged' } };
          const { parts } = input as { parts: unknown[] };
          return { ok: true, value: { received: parts.length } };
        }
        if (name === 'exports.discard') return { ok: true, value: { discarded: (input as { uploadIds: string[] }).uploadIds.length } };
        return { ok: true, value: { folder: '/exports', written: [] } };
      },
      listen: () => () => {},
    });
    // Twenty files of a whole request each: twenty staging requests if none were refused.
    const files = Array.from({ length: 20 }, (_, i) => ({ name: `part-${i}.json`, content: new Uint8Array(EXPORT_CHUNK_BYTES) }));
    const result = await writeExport(client, { files, overwrite: false });
    expect(result).toEqual({ ok: false, error: { code: 'payload-too-large', message: 'too much staged' } });
    // The requests already in flight when the first was refused (three at once), then nothing more.
    expect(stageRequests).toBeLessThanOrEqual(3);
    expect(sent.at(-1)).toBe('exports.discard');
    expect(sent).not.toContain('exports.write');
  });
});
