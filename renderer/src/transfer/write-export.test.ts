import { describe, expect, it } from 'vitest';
import { createHostClient } from '../../../shared/contract/host-client';
import { EXPORT_INLINE_CHARS, MAX_PAYLOAD_BYTES } from '../../../shared/contract/host-contract';
import { EXPORT_CHUNK_CHARS } from '../../../shared/contract/host-contract';
import { chunkText, packParts, writeExport } from './write-export';

describe('chunkText', () => {
  it('cuts text into chunks that join back to it', () => {
    const text = 'abcdefghij'.repeat(10);
    const chunks = chunkText(text, 7);
    expect(chunks.every((chunk) => chunk.length <= 7)).toBe(true);
    expect(chunks.join('')).toBe(text);
  });

  it('never splits an emoji between two chunks', () => {
    const chunks = chunkText('ab👍cd', 3);
    expect(chunks).toEqual(['ab', '👍c', 'd']);
  });

  it('sends one empty chunk for an empty file', () => {
    expect(chunkText('', 10)).toEqual(['']);
  });
});

describe('writeExport', () => {
  it('keeps every request under the bridges\' body limit by staging large files in chunks, whatever their characters', async () => {
    const staged = new Map<string, string[]>();
    const sizes: number[] = [];
    let written: Array<{ name: string; content?: string; uploadId?: string }> = [];
    const client = createHostClient({
      send: async (name, input) => {
        sizes.push(new TextEncoder().encode(JSON.stringify(input)).length);
        if (name === 'exports.stage') {
          const { parts } = input as { parts: Array<{ uploadId: string; index: number; chunk: string }> };
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
    // Control characters take 6 bytes each in JSON: the worst case for a chunk's size on the wire.
    // More than may travel inline, so that it is staged: in two chunks.
    const hostile = '\u0001👍🏽"\\'.repeat(Math.ceil(EXPORT_INLINE_CHARS / 7) + 100_000);
    const result = await writeExport(client, { files: [{ name: 'small.md', content: '# Small' }, { name: 'big.json', content: hostile }], overwrite: false });
    expect(result.ok).toBe(true);
    expect(Math.max(...sizes)).toBeLessThan(MAX_PAYLOAD_BYTES);
    expect(written.map((file) => file.name)).toEqual(['small.md', 'big.json']);
    expect(written[0]?.content).toBe('# Small');
    expect(staged.get(written[1]?.uploadId ?? '')?.join('')).toBe(hostile);
    expect(staged.get(written[1]?.uploadId ?? '')?.length).toBe(2);
  });
});

describe('staging many files', () => {
  it('packs the chunks of two thousand small files into a few requests, each within the limit', async () => {
    const files = Array.from({ length: 2_000 }, (_, i) => ({ name: `article-${i}.txt`, content: `Article ${i}: `.padEnd(4_000, 'x') }));
    const stageRequests: number[] = [];
    let written: Array<{ name: string; content?: string; uploadId?: string }> = [];
    const staged = new Map<string, string>();
    const client = createHostClient({
      send: async (name, input) => {
        if (name === 'exports.stage') {
          const { parts } = input as { parts: Array<{ uploadId: string; index: number; count: number; chunk: string }> };
          stageRequests.push(new TextEncoder().encode(JSON.stringify(input)).length);
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
    expect(stageRequests.length).toBeLessThanOrEqual(Math.ceil((2_000 * 4_000) / EXPORT_CHUNK_CHARS) + 1);
    expect(Math.max(...stageRequests)).toBeLessThan(MAX_PAYLOAD_BYTES);
    expect(written.map((file) => file.content ?? staged.get(file.uploadId ?? ''))).toEqual(files.map((file) => file.content));
  });

  it('never puts more than the limit of characters in one request, and keeps every part once, in order', () => {
    const parts = [5, 3, 9, 1, 1].map((size, i) => ({ uploadId: `u${i}`, index: 0, count: 1, chunk: 'x'.repeat(size * (EXPORT_CHUNK_CHARS / 10)) }));
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
    const files = Array.from({ length: 20 }, (_, i) => ({ name: `part-${i}.json`, content: 'x'.repeat(EXPORT_CHUNK_CHARS) }));
    const result = await writeExport(client, { files, overwrite: false });
    expect(result).toEqual({ ok: false, error: { code: 'payload-too-large', message: 'too much staged' } });
    // The requests already in flight when the first was refused (three at once), then nothing more.
    expect(stageRequests).toBeLessThanOrEqual(3);
    expect(sent.at(-1)).toBe('exports.discard');
    expect(sent).not.toContain('exports.write');
  });
});
