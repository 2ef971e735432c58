import type { HostTransport } from '../../../shared/contract/host-client';
import { LONG_STRINGS_HEADER, detachLongStrings, type LongStringLayout } from '../../../shared/contract/long-strings';

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

/** Node refuses request headers past 16 KB in all; the layout keeps well inside that. */
const MAX_LAYOUT_HEADER_CHARS = 8 * 1024;

/**
 * A request's body: its JSON, or (when it holds long strings, see `long-strings.ts`) its JSON with
 * those strings after it as UTF-8, and the layout header naming where they go.
 */
export function requestBody(input: unknown): { body: Blob | string; layout: string | null } {
  const { skeleton, strings, paths } = detachLongStrings(input);
  if (strings.length > 0) {
    // Each string its own Blob, to know its bytes.
    const head = new Blob([JSON.stringify(skeleton)]);
    const parts = strings.map((text) => new Blob([text]));
    const layout: LongStringLayout = { json: head.size, strings: parts.map((part, i) => ({ path: paths[i] ?? [], bytes: part.size })) };
    const header = JSON.stringify(layout);
    // A layout too long for a header (hundreds of long strings: no request the app sends) goes all as JSON.
    if (header.length <= MAX_LAYOUT_HEADER_CHARS) return { body: new Blob([head, ...parts]), layout: header };
  }
  const json = JSON.stringify(input);
  return { body: json.length >= BLOB_BODY_CHARS ? new Blob([json], { type: 'application/json' }) : json, layout: null };
}

/** Browser mode: `POST /rpc/<name>` for requests, one shared EventSource for events. */
export function createHttpTransport(token: string): HostTransport {
  let source: EventSource | null = null;
  let listeners = 0;
  return {
    async send(name, input) {
      const { body, layout } = requestBody(input ?? {});
      const headers: Record<string, string> = { 'content-type': layout ? 'application/octet-stream' : 'application/json', [TOKEN_HEADER]: token };
      if (layout) headers[LONG_STRINGS_HEADER] = layout;
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
