import path from 'node:path';

/*
 * Plain path arithmetic, apart from `safe-path.ts` so that the corpus worker threads (which need
 * it) do not load the host's error types and, with them, zod: a third of a worker's start-up.
 */

/** True when `candidate` is `root` itself or lies beneath it (both absolute, normalised). */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
