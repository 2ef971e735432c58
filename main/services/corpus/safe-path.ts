import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { HostFailure } from '../../../shared/contract/host-result';

/** True when `candidate` is `root` itself or lies beneath it (both absolute, normalised). */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

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

/** Corpus-relative path with forward slashes, whatever the platform. */
export function toRelativePath(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}
