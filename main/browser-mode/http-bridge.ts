import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_PAYLOAD_BYTES } from '../../shared/contract/host-contract';
import { RAW_PARTS_HEADER, readRawParts, type ReadInput } from '../../shared/contract/raw-parts';
import type { HostErrorCode, Result } from '../../shared/contract/host-result';
import type { Dispatch } from '../host/dispatch';
import type { EventHub } from '../host/event-hub';
import type { Logger } from '../host/logger';
import { RENDERER_CSP } from '../security/content-security-policy';
import { TOKEN_COOKIE, checkRequest } from './request-guard';
import { readStaticFile } from './static-files';

export interface HttpBridgeOptions {
  dispatch: Dispatch;
  events: EventHub;
  log: Logger;
  token: string;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
}

export interface HttpBridge {
  url: string;
  port: number;
  close(): Promise<void>;
}

const STATUS_BY_CODE: Partial<Record<HostErrorCode, number>> = {
  'unknown-request': 404,
  'invalid-input': 400,
  'invalid-json': 400,
  'payload-too-large': 413,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'outside-root': 403,
  'no-corpus': 409,
  unsupported: 501,
  'io-error': 500,
  internal: 500,
};

/**
 * Requests whose answer is large and answered again as the very same object while nothing changed
 * (the corpus service keeps its listing until a file changes): their JSON is reused.
 */
const CACHED_ANSWERS = new Set(['corpus.list', 'corpus.open']);

/**
 * Browser mode's transport: serves the built renderer and answers `POST /rpc/<name>` through the
 * same `dispatch` as Electron IPC, with events as Server-Sent Events on `GET /events`. Listens on
 * 127.0.0.1 only.
 */
export async function startHttpBridge(options: HttpBridgeOptions): Promise<HttpBridge> {
  const streams = new Set<ServerResponse>();
  /** JSON of answers to `CACHED_ANSWERS`, by the answer object (which the host never changes once answered). */
  const serialised = new WeakMap<object, string>();
  let port = options.port;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.log.error('browser-mode request failed', error);
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: { code: 'internal', message: 'Internal error' } });
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const isRpc = url.pathname.startsWith('/rpc/');
    const queryToken = request.method === 'GET' && url.pathname === '/' ? url.searchParams.get('token') : null;
    const verdict = checkRequest(request.headers, { token: options.token, port }, !isRpc, queryToken);
    if (!verdict.ok) {
      request.resume();
      options.log.warn(`Refused ${request.method} ${url.pathname}: ${verdict.message}`);
      sendJson(response, verdict.status, { ok: false, error: { code: verdict.code, message: verdict.message } });
      return;
    }
    if (isRpc) return handleRpc(request, response, decodeURIComponent(url.pathname.slice('/rpc/'.length)));
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, { ok: false, error: { code: 'unsupported', message: `${request.method} is not allowed here` } });
      return;
    }
    if (url.pathname === '/events') return openEventStream(request, response);
    const file = await readStaticFile(options.staticDir, url.pathname);
    if (!file) {
      sendJson(response, 404, { ok: false, error: { code: 'not-found', message: `No such page: ${url.pathname}` } });
      return;
    }
    const headers: Record<string, string> = { ...securityHeaders(), 'content-type': file.contentType };
    if (queryToken !== null) {
      headers['set-cookie'] = `${TOKEN_COOKIE}=${encodeURIComponent(queryToken)}; HttpOnly; SameSite=Strict; Path=/`;
    }
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  async function handleRpc(request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
    if (request.method !== 'POST') {
      request.resume();
      sendJson(response, 405, { ok: false, error: { code: 'unsupported', message: 'Requests must be POSTed' } });
      return;
    }
    const body = await readBody(request);
    if (body === 'too-large') {
      sendJson(response, 413, { ok: false, error: { code: 'payload-too-large', message: `Request body is over ${MAX_PAYLOAD_BYTES} bytes` } });
      return;
    }
    // A body with raw parts (`shared/contract/raw-parts.ts`): the input is then what an all-JSON body
    // would have given (bytes as views of the body), and is validated like any other.
    const head = request.headers[RAW_PARTS_HEADER];
    const input = typeof head === 'string' ? readRawParts(body, head) : readJson(body);
    if (!input.ok) {
      sendJson(response, 400, { ok: false, error: { code: 'invalid-json', message: input.message } });
      return;
    }
    const result = await options.dispatch(name, input.value);
    if (result.ok && CACHED_ANSWERS.has(name) && typeof result.value === 'object' && result.value !== null) {
      // The same listing object is answered until the corpus changes: serialised once (3 MB, ~20 ms for 10,000 articles).
      let json = serialised.get(result.value);
      if (json === undefined) serialised.set(result.value, (json = JSON.stringify(result.value)));
      sendBody(response, 200, `{"ok":true,"value":${json}}`);
      return;
    }
    sendJson(response, result.ok ? 200 : (STATUS_BY_CODE[result.error.code] ?? 400), result);
  }

  function openEventStream(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { ...securityHeaders(), 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(': connected\n\n');
    streams.add(response);
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 15_000);
    request.on('close', () => {
      clearInterval(keepAlive);
      streams.delete(response);
    });
  }

  const detachEvents = options.events.on((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    async close() {
      detachEvents();
      for (const stream of streams) stream.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': `${RENDERER_CSP}; frame-ancestors 'none'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}

function sendJson(response: ServerResponse, status: number, body: Result<unknown>): void {
  sendBody(response, status, JSON.stringify(body));
}

function sendBody(response: ServerResponse, status: number, json: string): void {
  response.writeHead(status, { ...securityHeaders(), 'content-type': 'application/json; charset=utf-8' });
  response.end(json);
}

/** Reads the body, stopping (and draining) as soon as it passes the payload limit. */
async function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_PAYLOAD_BYTES) {
    request.resume();
    return 'too-large';
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    total += buffer.length;
    if (total > MAX_PAYLOAD_BYTES) {
      request.resume();
      return 'too-large';
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function readJson(body: Buffer): ReadInput {
  try {
    return { ok: true, value: body.length === 0 ? {} : JSON.parse(body.toString('utf8')) };
  } catch {
    return { ok: false, message: 'Request body is not valid JSON' };
  }
}
