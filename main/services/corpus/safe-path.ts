import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { HostFailure } from '../../../shared/contract/host-result';
import { isInside } from './path-inside';

/**
 * Resolves a corpus-relative path to an absolute one, refusing anything that would leave the
 * root: `..` segments, absolute paths, and symlinks whose target lies outside it.
 */
export async function resolveInsideRoot(root: string, relativePath: string): Promise<string> {
  if (path.isAbsolute(relativePath) || /^[a-zA-Z]:/.test(relativePath)) {
    throw new HostFailure('outside-root', `"${relativePath}" is an absolute path; only paths inside the corpus are allowed`);
  }
  const joined = path.resolve(root, relativePath);
  if (!isInside(root, joined)) {
    throw new HostFailure('outside-root', `"${relativePath}" lies outside the corpus folder`);
  }
  let real: string;
  try {
    real = await realpath(joined);
  } catch {
    throw new HostFailure('not-found', `"${relativePath}" does not exist in the corpus`);
  }
  const realRoot = await realpath(root);
  if (!isInside(realRoot, real)) {
    throw new HostFailure('outside-root', `"${relativePath}" is a link to a file outside the corpus folder`);
  }
  return real;
}
