import { readFile } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from './path-inside';

/**
 * A reader of many files under one root, for requests that read a batch of articles. Each file is
 * checked as `resolveInsideRoot` checks it (no `..`, no absolute path, no link leading out of the
 * root) but with the root resolved once rather than once per file, and read with the callback API:
 * one trip to the thread pool where fs/promises makes four. On 2 cores the thread pool's path
 * walks compete with the work the files are read for. It answers null, never rejects, for a file
 * outside the root or one that cannot be read.
 */
export function insideRootReader(root: string): (relativePath: string) => Promise<Buffer | null> {
  const realRoot = realpath(root);
  realRoot.catch(() => {});
  return async (relativePath) => {
    try {
      const joined = path.resolve(root, relativePath);
      if (!isInside(root, joined)) return null;
      const [real, realRootPath] = await Promise.all([realpath(joined), realRoot]);
      if (!isInside(realRootPath, real)) return null;
      return await new Promise<Buffer>((resolve, reject) => readFile(real, (error, data) => (error ? reject(error) : resolve(data))));
    } catch {
      return null;
    }
  };
}
