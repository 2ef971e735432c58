import { describe, expect, it } from 'vitest';
import { readRawParts } from '../../../shared/contract/raw-parts';
import { requestBody } from './http-transport';

/** What main reads back from a body and its head length (as `http-bridge.ts` does). */
async function readBack(body: Blob | string, rawParts: string | null): Promise<unknown> {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array(await body.arrayBuffer());
  if (rawParts === null) return JSON.parse(new TextDecoder().decode(bytes));
  const read = readRawParts(bytes, rawParts);
  if (!read.ok) throw new Error(read.message);
  return read.value;
}

describe('the HTTP transport\'s request bodies', () => {
  it('sends a small request as JSON text', async () => {
    const { body, rawParts } = requestBody({ paths: ['a.txt'] });
    expect(rawParts).toBeNull();
    expect(body).toBe('{"paths":["a.txt"]}');
  });

  it('sends the long strings of a request after the JSON, unescaped, and main reads back the same request', async () => {
    const chunk = `Kigali — "Rwanda" 👍🏽\n`.repeat(4_000);
    const input = { parts: [{ uploadId: 'u1', index: 0, count: 1, chunk }, { uploadId: 'u2', index: 0, count: 1, chunk: 'small' }] };
    const { body, rawParts } = requestBody(input);
    expect(rawParts).not.toBeNull();
    expect(typeof body === 'string' ? body.length : body.size).toBe(Number(rawParts) + new TextEncoder().encode(chunk).length);
    expect(await readBack(body, rawParts)).toEqual(input);
  });

  it('sends every byte array after the JSON as it is, two thousand of them in one request', async () => {
    const files = Array.from({ length: 2_002 }, (_, i) => ({ name: `article-${i}.ann`, content: new TextEncoder().encode(`T1\tPerson 0 6\tKagame ${i} 👍🏽\n`) }));
    const input = { files: [{ name: 'invalid.bin', content: Uint8Array.from([0xff, 0xfe, 0x00, 0xc3]) }, ...files], overwrite: true };
    const { body, rawParts } = requestBody(input);
    expect(typeof body === 'string' ? body.length : body.size).toBe(Number(rawParts) + files.reduce((sum, file) => sum + file.content.length, 4));
    expect(await readBack(body, rawParts)).toEqual(input);
  });
});
