import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const BUNDLED_CORPUS = path.resolve(import.meta.dirname, '..', 'corpus');

/** A throw-away copy of the bundled corpus, so tests can add, change and delete files. */
export async function makeTempCorpus(): Promise<{ base: string; root: string; remove(): Promise<void> }> {
  const base = await mkdtemp(path.join(os.tmpdir(), 'workbench-corpus-'));
  const root = path.join(base, 'corpus');
  await cp(BUNDLED_CORPUS, root, { recursive: true });
  return { base, root, remove: () => rm(base, { recursive: true, force: true }) };
}
