import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../services/corpus/path-inside';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Reads a file of the built renderer by URL path; null when it is not there (or not inside). */
export async function readStaticFile(staticDir: string, urlPath: string): Promise<{ body: Buffer; contentType: string } | null> {
  const relative = urlPath === '/' ? 'index.html' : decodeURIComponent(urlPath).replace(/^\/+/, '');
  const absolute = path.resolve(staticDir, relative);
  if (!isInside(staticDir, absolute)) return null;
  try {
    const body = await readFile(absolute);
    return { body, contentType: CONTENT_TYPES[path.extname(absolute)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
