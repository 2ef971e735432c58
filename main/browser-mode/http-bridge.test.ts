import { request as httpRequest } from 'node:http';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAYLOAD_BYTES } from '../../shared/contract/host-contract';
import { makeTempCorpus } from '../../test-support/temp-corpus';
import { composeHost, type Host } from '../host/compose-host';
import { silentLogger } from '../host/logger';
import { startHttpBridge, type HttpBridge } from './http-bridge';

const TOKEN = 'test-token-0123456789';
let corpus: Awaited<ReturnType<typeof makeTempCorpus>>;
let host: Host;
let bridge: HttpBridge;

beforeAll(async () => {
  corpus = await makeTempCorpus();
  host = composeHost({ mode: 'browser', name: 'Research Workbench', version: '0.0.0-test', platform: 'linux', log: silentLogger, mayOpen: () => true });
  await host.corpus.open(corpus.root);
  bridge = await startHttpBridge({ dispatch: host.dispatch, events: host.events, log: silentLogger, token: TOKEN, staticDir: path.join(corpus.base, 'no-renderer'), port: 0 });
});
afterAll(async () => {
  await bridge.close();
  await host.dispose();
  await corpus.remove();
});

interface RawResponse {
  status: number;
  body: string;
}

/** A raw HTTP call, so tests can forge Host and Origin headers the way an attacker's page would. */
function call(method: string, urlPath: string, options: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: bridge.port, method, path: urlPath, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? resolve({ status: 413, body: '' }) : reject(error)));
    req.end(options.body);
  });
}

function rpc(name: string, input: unknown, headers: Record<string, string> = { 'x-workbench-token': TOKEN }): Promise<RawResponse> {
  return call('POST', `/rpc/${name}`, { headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) });
}

/** The same request cases go through `dispatch` directly and through the live bridge. */
const contractCases: Array<[string, unknown, number]> = [
  ['app.info', {}, 200],
  ['corpus.list', {}, 200],
  ['corpus.read', { path: '000_f9a0009864046443.txt' }, 200],
  ['corpus.read', { path: '../etc/passwd' }, 400],
  ['corpus.read', { path: 'missing.txt' }, 404],
  ['corpus.read', { path: 17 }, 400],
  ['corpus.open', {}, 400],
  ['dialog.pickFolder', {}, 501],
  ['corpus.destroy', {}, 404],
];

describe('the HTTP bridge answers exactly as dispatch does', () => {
  it.each(contractCases)('%s %j', async (name, input, status) => {
    const direct = await host.dispatch(name, input);
    const response = await rpc(name, input);
    expect(response.status).toBe(status);
    expect(JSON.parse(response.body)).toEqual(direct);
  });
});

describe('the JSON of a listing', () => {
  it('is written once per listing object, and is byte for byte what serialising the answer gives', async () => {
    let serialisations = 0;
    const listing = { root: '/corpus', name: 'corpus', articles: [], warnings: [], toJSON: () => (serialisations++, { root: '/corpus', name: 'corpus', articles: [], warnings: [] }) };
    let answer: object = listing;
    const cached = await startHttpBridge({
      dispatch: async () => ({ ok: true, value: answer }),
      events: host.events,
      log: silentLogger,
      token: TOKEN,
      staticDir: path.join(corpus.base, 'no-renderer'),
      port: 0,
    });
    const post = (name: string): Promise<string> =>
      new Promise((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port: cached.port, method: 'POST', path: `/rpc/${name}`, headers: { 'x-workbench-token': TOKEN, 'content-type': 'application/json' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        });
        req.on('error', reject);
        req.end('{}');
      });
    try {
      const expected = JSON.stringify({ ok: true, value: listing });
      serialisations = 0;
      expect([await post('corpus.list'), await post('corpus.list'), await post('corpus.open')]).toEqual([expected, expected, expected]);
      expect(serialisations).toBe(1);
      // Another object (the corpus changed) is serialised afresh; other requests never are cached.
      answer = { ...listing, toJSON: () => (serialisations++, { root: '/corpus', name: 'corpus', articles: [], warnings: [{ code: 'unreadable', message: 'gone' }] }) };
      expect(JSON.parse(await post('corpus.list'))).toEqual({ ok: true, value: { root: '/corpus', name: 'corpus', articles: [], warnings: [{ code: 'unreadable', message: 'gone' }] } });
      await post('app.info');
      await post('app.info');
      expect(serialisations).toBe(4);
    } finally {
      await cached.close();
    }
  });
});

describe('the HTTP bridge refuses bad requests with a specific 4xx', () => {
  it('refuses a missing or wrong token', async () => {
    const missing = await rpc('app.info', {}, {});
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'unauthorized', message: expect.stringContaining('Missing access token') } });
    const wrong = await rpc('app.info', {}, { 'x-workbench-token': 'guess' });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toMatchObject({ error: { code: 'unauthorized', message: 'Wrong access token' } });
  });

  it('does not accept the page cookie in place of the header for RPC calls', async () => {
    const response = await rpc('app.info', {}, { cookie: `workbench_token=${TOKEN}` });
    expect(response.status).toBe(401);
  });

  it('refuses a foreign Host or Origin (DNS rebinding, cross-site pages)', async () => {
    const rebinding = await rpc('app.info', {}, { 'x-workbench-token': TOKEN, host: `evil.example:${bridge.port}` });
    expect(rebinding.status).toBe(403);
    expect(JSON.parse(rebinding.body)).toMatchObject({ error: { code: 'forbidden' } });
    const crossSite = await rpc('app.info', {}, { 'x-workbench-token': TOKEN, origin: 'http://evil.example' });
    expect(crossSite.status).toBe(403);
    const sameSite = await rpc('app.info', {}, { 'x-workbench-token': TOKEN, origin: `http://127.0.0.1:${bridge.port}` });
    expect(sameSite.status).toBe(200);
  });

  it('refuses malformed JSON and payloads over the body limit, and keeps serving afterwards', async () => {
    const malformed = await call('POST', '/rpc/app.info', { headers: { 'x-workbench-token': TOKEN }, body: '{"oops' });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ error: { code: 'invalid-json' } });
    const huge = await call('POST', '/rpc/corpus.open', { headers: { 'x-workbench-token': TOKEN }, body: Buffer.alloc(MAX_PAYLOAD_BYTES + 1, 0x20) });
    expect(huge.status).toBe(413);
    expect((await rpc('app.info', {})).status).toBe(200);
  });

  it('refuses GET on an RPC route and serves no page without the token', async () => {
    expect((await call('GET', '/rpc/app.info', { headers: { 'x-workbench-token': TOKEN } })).status).toBe(405);
    expect((await call('GET', '/')).status).toBe(401);
  });
});

describe('events', () => {
  it('streams a corpus change to a subscribed page within a second', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: bridge.port, path: '/events', headers: { cookie: `workbench_token=${TOKEN}` } }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`status ${res.statusCode}`));
        let buffer = '';
        res.on('data', (chunk: Buffer) => {
          buffer += chunk.toString('utf8');
          if (buffer.includes('event: corpus.changed')) {
            req.destroy();
            resolve(buffer);
          }
        });
        void writeFile(path.join(corpus.root, 'new-article.txt'), 'Goma fell to the M23 rebels on Sunday.\nA second paragraph.\n');
      });
      req.on('error', () => {});
      req.end();
      setTimeout(() => reject(new Error('no event within 3 s')), 3000);
    });
    const frame = await received;
    const data = JSON.parse(frame.slice(frame.indexOf('data: ') + 6).split('\n')[0] ?? '');
    expect(data).toMatchObject({ kind: 'added', path: 'new-article.txt', summary: { path: 'new-article.txt', readable: true } });
  });
});
