import { describe, expect, it } from 'vitest';
import { createHostClient } from '../../../shared/contract/host-client';
import { MAX_PAYLOAD_BYTES } from '../../../shared/contract/host-contract';
import { chunkText, writeExport } from './write-export';

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
          const { uploadId, chunk } = input as { uploadId: string; chunk: string };
          staged.set(uploadId, [...(staged.get(uploadId) ?? []), chunk]);
          return { ok: true, value: { received: staged.get(uploadId)?.length ?? 0 } };
        }
        written = (input as { files: typeof written }).files;
        return { ok: true, value: { folder: '/exports', written: written.map((file) => `/exports/${file.name}`) } };
      },
      listen: () => () => {},
    });
    // Control characters take 6 bytes each in JSON: the worst case for a chunk's size on the wire.
    const hostile = '\u0001👍🏽"\\'.repeat(400_000);
    const result = await writeExport(client, { files: [{ name: 'small.md', content: '# Small' }, { name: 'big.json', content: hostile }], overwrite: false });
    expect(result.ok).toBe(true);
    expect(Math.max(...sizes)).toBeLessThan(MAX_PAYLOAD_BYTES);
    expect(written.map((file) => file.name)).toEqual(['small.md', 'big.json']);
    expect(written[0]?.content).toBe('# Small');
    expect(staged.get(written[1]?.uploadId ?? '')?.join('')).toBe(hostile);
  });
});
