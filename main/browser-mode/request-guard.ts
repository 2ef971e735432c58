import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const TOKEN_COOKIE = 'workbench_token';
export const TOKEN_HEADER = 'x-workbench-token';

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; code: 'unauthorized' | 'forbidden'; message: string };

export interface GuardOptions {
  token: string;
  port: number;
}

/**
 * Refuses requests that do not come from this server's own page: a `Host` or `Origin` other than
 * the loopback address and port (DNS rebinding), and a missing or wrong token. RPC calls must carry
 * the token in a header, which a foreign page cannot set; page loads and the event stream may use
 * the cookie set when the printed URL was first opened.
 */
export function checkRequest(headers: IncomingHttpHeaders, options: GuardOptions, allowCookie: boolean, queryToken: string | null): GuardVerdict {
  const allowedHosts = new Set([`127.0.0.1:${options.port}`, `localhost:${options.port}`]);
  const host = headers.host ?? '';
  if (!allowedHosts.has(host)) return { ok: false, status: 403, code: 'forbidden', message: `Requests for host "${host}" are refused` };
  const origin = headers.origin;
  if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, '')) ) {
    return { ok: false, status: 403, code: 'forbidden', message: `Requests from origin "${origin}" are refused` };
  }
  const presented = tokenFromHeader(headers) ?? queryToken ?? (allowCookie ? tokenFromCookie(headers.cookie) : null);
  if (presented === null) return { ok: false, status: 401, code: 'unauthorized', message: 'Missing access token: open the URL printed by `npm run serve`' };
  if (!sameToken(presented, options.token)) return { ok: false, status: 401, code: 'unauthorized', message: 'Wrong access token' };
  return { ok: true };
}

function tokenFromHeader(headers: IncomingHttpHeaders): string | null {
  const value = headers[TOKEN_HEADER];
  return typeof value === 'string' ? value : null;
}

export function tokenFromCookie(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}

function sameToken(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
