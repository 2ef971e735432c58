import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RAW_PARTS_HEADER, detachRawParts, type RawPartEntry } from '../../shared/contract/raw-parts';
import { createEventHub } from '../host/event-hub';
import { silentLogger } from '../host/logger';
import { startHttpBridge, type HttpBridge } from './http-bridge';

const TOKEN = 'test-token-0123456789';
let bridge: HttpBridge;
/** What `dispatch` was given, request by request. */
const dispatched: Array<{ name: string; input: unknown }> = [];

beforeAll(async () => {
  bridge = await startHttpBridge({
    dispatch: async (name, input) => (dispatched.push({ name, input }), { ok: true, value: { received: 1 } }),
    events: createEventHub(),
    log: silentLogger,
    token: TOKEN,
    staticDir: '/nonexistent',
    port: 0,
  });
});
afterAll(() => bridge.close());

function post(body: Buffer, head: string | null): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = { 'x-workbench-token': TOKEN, 'content-type': 'application/octet-stream' };
  if (head !== null) headers[RAW_PARTS_HEADER] = head;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: bridge.port, method: 'POST', path: '/rpc/exports.stage', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The body and head length the page's HTTP transport sends for `input`. */
function encode(input: unknown): { body: Buffer; head: string } {
  const { skeleton, parts, paths } = detachRawParts(input);
  const raw = parts.map((part) => Buffer.from(part));
  const entries: RawPartEntry[] = parts.map((part, i) => ({ path: paths[i] ?? [], bytes: raw[i]?.length ?? 0, kind: typeof part === 'string' ? 'text' : 'bytes' }));
  const head = Buffer.from(JSON.stringify({ input: skeleton, parts: entries }));
  return { body: Buffer.concat([head, ...raw]), head: String(head.length) };
}

describe('HTTP bridge: raw parts after the JSON', () => {
  it('hands dispatch the very input an all-JSON body gives, long strings decoded, multi-byte characters and all', async () => {
    const chunk = `${'Kigali — Rwanda 👍🏽 '.repeat(4_000)}"quoted" \\ back\nslash`;
    const input = { parts: [{ uploadId: 'u1', index: 0, count: 2, chunk }, { uploadId: 'u1', index: 1, count: 2, chunk: chunk.slice(1) }, { uploadId: 'u2', index: 0, count: 1, chunk: 'short' }] };
    dispatched.length = 0;
    expect((await post(encode(input).body, encode(input).head)).status).toBe(200);
    expect(dispatched).toEqual([{ name: 'exports.stage', input }]);
  });

  it('hands dispatch bytes as bytes, exactly as sent, never decoded (an invalid UTF-8 sequence stays as it was)', async () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, 0x4b, 0xc3, 0xa9, 0xff, 0xf0, 0x9f, 0x91, 0x8d]);
    const small = Array.from({ length: 2_002 }, (_, i) => ({ uploadId: `u${i}`, index: 0, count: 1, chunk: new TextEncoder().encode(`T${i}\tPerson 0 6\tKagame\n`) }));
    const input = { parts: [{ uploadId: 'big', index: 0, count: 1, chunk: bytes }, ...small] };
    dispatched.length = 0;
    const { body, head } = encode(input);
    expect((await post(body, head)).status).toBe(200);
    // Main's bytes are views of the body: Buffers, which compare unlike Uint8Arrays; their bytes are compared.
    const received = dispatched.map(({ name, input: parts }) => ({ name, parts: (parts as typeof input).parts.map((part) => ({ ...part, chunk: part.chunk instanceof Uint8Array ? [...part.chunk] : part.chunk })) }));
    expect(received).toEqual([{ name: 'exports.stage', parts: input.parts.map((part) => ({ ...part, chunk: [...part.chunk] })) }]);
  });

  it('refuses a head length that is not one, a body of another length, and a place the JSON does not have, without dispatching', async () => {
    const { body, head } = encode({ parts: [{ uploadId: 'u1', index: 0, count: 1, chunk: new Uint8Array(70_000) }] });
    const parsed = JSON.parse(body.subarray(0, Number(head)).toString('utf8')) as { input: unknown; parts: RawPartEntry[] };
    const withHead = (changed: unknown) => {
      const json = Buffer.from(JSON.stringify(changed));
      return post(Buffer.concat([json, body.subarray(Number(head))]), String(json.length));
    };
    dispatched.length = 0;
    const refusals = [
      await post(body, 'not a length'),
      await post(body.subarray(1), head),
      await withHead({ ...parsed, parts: [{ ...parsed.parts[0], path: ['parts', 0, 'uploadId'] }] }),
      await withHead({ ...parsed, parts: [{ ...parsed.parts[0], path: ['parts', 1, 'chunk'] }] }),
      await withHead({ input: parsed.input }),
    ];
    expect(refusals.map((refusal) => [refusal.status, (JSON.parse(refusal.body) as { error: { code: string } }).error.code])).toEqual(Array.from({ length: 5 }, () => [400, 'invalid-json']));
    expect(dispatched).toEqual([]);
  });
});
