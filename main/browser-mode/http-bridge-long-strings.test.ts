import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LONG_STRINGS_HEADER, detachLongStrings, type LongStringLayout } from '../../shared/contract/long-strings';
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

function post(body: Buffer, layout: string | null): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = { 'x-workbench-token': TOKEN, 'content-type': 'application/octet-stream' };
  if (layout !== null) headers[LONG_STRINGS_HEADER] = layout;
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

/** The body and layout header the page's HTTP transport sends for `input`. */
function encode(input: unknown): { body: Buffer; layout: LongStringLayout } {
  const { skeleton, strings, paths } = detachLongStrings(input);
  const json = Buffer.from(JSON.stringify(skeleton));
  const parts = strings.map((text) => Buffer.from(text));
  return { body: Buffer.concat([json, ...parts]), layout: { json: json.length, strings: parts.map((part, i) => ({ path: paths[i] ?? [], bytes: part.length })) } };
}

describe('HTTP bridge: long strings after the JSON', () => {
  it('hands dispatch the very input an all-JSON body gives, multi-byte characters and all', async () => {
    const chunk = `${'Kigali — Rwanda 👍🏽 '.repeat(4_000)}"quoted" \\ back\nslash`;
    const input = { parts: [{ uploadId: 'u1', index: 0, count: 2, chunk }, { uploadId: 'u1', index: 1, count: 2, chunk: chunk.slice(1) }, { uploadId: 'u2', index: 0, count: 1, chunk: 'short' }] };
    const { body, layout } = encode(input);
    expect(layout.strings).toHaveLength(2);
    dispatched.length = 0;
    expect((await post(body, JSON.stringify(layout))).status).toBe(200);
    expect(dispatched).toEqual([{ name: 'exports.stage', input }]);
  });

  it('refuses a layout that is not one, a body of another length, and a place the JSON does not have, without dispatching', async () => {
    const { body, layout } = encode({ parts: [{ uploadId: 'u1', index: 0, count: 1, chunk: 'x'.repeat(70_000) }] });
    dispatched.length = 0;
    const refusals = [
      await post(body, 'not a layout'),
      await post(body.subarray(1), JSON.stringify(layout)),
      await post(body, JSON.stringify({ ...layout, strings: [{ path: ['parts', 0, 'uploadId'], bytes: 70_000 }] })),
      await post(body, JSON.stringify({ ...layout, strings: [{ path: ['parts', 1, 'chunk'], bytes: 70_000 }] })),
      await post(Buffer.concat([Buffer.from('{"parts":'), body.subarray(layout.json)]), JSON.stringify({ ...layout, json: 9 })),
    ];
    expect(refusals.map((refusal) => [refusal.status, (JSON.parse(refusal.body) as { error: { code: string } }).error.code])).toEqual(Array.from({ length: 5 }, () => [400, 'invalid-json']));
    expect(dispatched).toEqual([]);
  });
});
