import { describe, expect, it } from 'vitest';
import { attachLongString, readLongStringLayout } from '../../../shared/contract/long-strings';
import { requestBody } from './http-transport';

/** What main reads back from a body and its layout (as `http-bridge.ts` does). */
async function readBack(body: Blob | string, layout: string | null): Promise<unknown> {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array(await body.arrayBuffer());
  const text = (from: number, to: number) => new TextDecoder().decode(bytes.subarray(from, to));
  if (layout === null) return JSON.parse(text(0, bytes.length));
  const read = readLongStringLayout(layout);
  if (!read) throw new Error('not a layout');
  const value: unknown = JSON.parse(text(0, read.json));
  let at = read.json;
  for (const { path, bytes: length } of read.strings) {
    if (!attachLongString(value, path, text(at, at + length))) throw new Error(`no place ${JSON.stringify(path)}`);
    at += length;
  }
  expect(at).toBe(bytes.length);
  return value;
}

describe('the HTTP transport\'s request bodies', () => {
  it('sends a small request as JSON text', async () => {
    const { body, layout } = requestBody({ paths: ['a.txt'] });
    expect(layout).toBeNull();
    expect(body).toBe('{"paths":["a.txt"]}');
  });

  it('sends the long strings of a staged export after the JSON, unescaped, and main reads back the same request', async () => {
    const chunk = `Kigali — "Rwanda" 👍🏽\n`.repeat(4_000);
    const input = { parts: [{ uploadId: 'u1', index: 0, count: 1, chunk }, { uploadId: 'u2', index: 0, count: 1, chunk: 'small' }] };
    const { body, layout } = requestBody(input);
    expect(layout).not.toBeNull();
    const byteLength = (value: string) => new TextEncoder().encode(value).length;
    expect(typeof body === 'string' ? body.length : body.size).toBe(byteLength(JSON.stringify({ parts: [{ ...input.parts[0], chunk: '' }, input.parts[1]] })) + byteLength(chunk));
    expect(await readBack(body, layout)).toEqual(input);
  });

  it('sends everything as JSON when the layout would not fit in a header', async () => {
    const input = { files: Array.from({ length: 300 }, (_, i) => ({ name: `f${i}`, content: 'x'.repeat(70_000) })) };
    const { body, layout } = requestBody(input);
    expect(layout).toBeNull();
    expect(await readBack(body, layout)).toEqual(input);
  });
});
