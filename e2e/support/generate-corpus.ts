import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const projectRoot = path.resolve(import.meta.dirname, '..', '..');

/** Replaces `root` with a small generated corpus plus every edge case (`npm run bench:corpus`). */
export async function generateEdgeCaseCorpus(root: string): Promise<void> {
  await rm(root, { recursive: true, force: true });
  await promisify(execFile)(process.execPath, [path.join(projectRoot, 'scripts', 'run-ts.mjs'), path.join(projectRoot, 'scripts', 'bench-corpus.ts'), '--count', '4', '--out', root, '--edge-cases', '--seed', '7'], { cwd: projectRoot });
}
