import type { HostTransport } from '../../../shared/contract/host-client';
import { RAW_PARTS_HEADER, detachRawParts, type RawPartEntry } from '../../../shared/contract/raw-parts';

export const TOKEN_HEADER = 'x-workbench-token';
const TOKEN_STORAGE_KEY = 'workbench.token';

/**
 * Takes the access token from the printed URL once, keeps it for this tab, and removes it from
 * the address bar so it is not left in history or screenshots.
 */
export function takeBrowserToken(location: Location, history: History, storage: Storage): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(TOKEN_STORAGE_KEY);
}

/**
 * Bodies from this many characters go to fetch as a Blob: Chromium took ~110 ms to send a 512 K
 * character string body and ~26 ms for the same bytes in a Blob (an export stages tens of them).
 */
const BLOB_BODY_CHARS = 16 * 1024;

/** Blob takes views of ordinary buffers only: bytes in shared memory (never an export's) are copied out. */
const ordinaryBytes = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => (isOrdinary(bytes) ? bytes : bytes.slice());
const isOrdinary = (bytes: Uint8Array): bytes is Uint8Array<ArrayBuffer> => bytes.buffer instanceof ArrayBuffer;

/**
 * A request's body: its JSON, or (when it holds byte arrays or long strings, see `raw-parts.ts`) a
 * head of JSON with those parts after it, raw, and the head's byte length for the header. Byte
 * arrays (an export's files) go into the Blob as they are: no encoding, no escaping.
 */
export function requestBody(input: unknown): { body: Blob | string; rawParts: string | null } {
  const { skeleton, parts, paths } = detachRawParts(input);
  if (parts.length > 0) {
    // A string its own Blob, to know its bytes.
    const raw = parts.map((part) => (typeof part === 'string' ? new Blob([part]) : ordinaryBytes(part)));
    const entries: RawPartEntry[] = raw.map((part, i) => (part instanceof Blob ? { path: paths[i] ?? [], bytes: part.size, kind: 'text' } : { path: paths[i] ?? [], bytes: part.byteLength, kind: 'bytes' }));
    const head = new Blob([JSON.stringify({ input: skeleton, parts: entries })]);
    return { body: new Blob([head, ...raw]), rawParts: String(head.size) };
  }
  const json = JSON.stringify(input);
  return { body: json.length >= BLOB_BODY_CHARS ? new Blob([json], { type: 'application/json' }) : json, rawParts: null };
}

/** Browser mode: `POST /rpc/<name>` for requests, one shared EventSource for events. */
export function createHttpTransport(token: string): HostTransport {
  let source: EventSource | null = null;
  let listeners = 0;
  return {
    async send(name, input) {
      const { body, rawParts } = requestBody(input ?? {});
      const headers: Record<string, string> = { 'content-type': rawParts ? 'application/octet-stream' : 'application/json', [TOKEN_HEADER]: token };
      if (rawParts) headers[RAW_PARTS_HEADER] = rawParts;
      const response = await fetch(`/rpc/${encodeURIComponent(name)}`, { method: 'POST', headers, body });
      // Errors come back as a Result body with a 4xx/5xx status; the client reads both alike.
      return response.json();
    },
    listen(event, listener) {
      source ??= new EventSource('/events');
      listeners += 1;
      const onMessage = (message: MessageEvent<string>) => {
        try {
          listener(JSON.parse(message.data));
        } catch {
          console.warn(`Ignored an unreadable "${event}" event`);
        }
      };
      source.addEventListener(event, onMessage);
      return () => {
        source?.removeEventListener(event, onMessage);
        listeners -= 1;
        if (listeners === 0) {
          source?.close();
          source = null;
        }
      };
    },
  };
}
