import { watch } from 'chokidar';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { formatFromPath } from './parse-article';
import { toRelativePath } from './safe-path';

export type RawCorpusEvent =
  | { kind: 'upsert'; relativePath: string; absolutePath: string }
  | { kind: 'unlink'; relativePath: string }
  | { kind: 'root-missing' };

export interface CorpusWatch {
  /** Resolves once the watcher has seen the whole tree; changes before then may be missed. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Watches the corpus folder and reports article files added, changed or removed, and the root
 * itself disappearing.
 */
export function watchCorpus(root: string, onEvent: (event: RawCorpusEvent) => void, onError: (error: unknown) => void): CorpusWatch {
  const watcher = watch(root, {
    ignoreInitial: true,
    ignored: (candidate, stats) => {
      const name = path.basename(candidate);
      if (candidate !== root && (name.startsWith('.') || name === 'node_modules')) return true;
      return Boolean(stats?.isFile() && !formatFromPath(name));
    },
    // Editors write in several steps; wait until the size settles so we parse the final text.
    awaitWriteFinish: { stabilityThreshold: 120, pollInterval: 40 },
  });
  const upsert = (absolutePath: string) => onEvent({ kind: 'upsert', absolutePath, relativePath: toRelativePath(root, absolutePath) });
  watcher.on('add', upsert);
  watcher.on('change', upsert);
  // Not every platform reports the root itself going away, so any removal checks for it.
  let rootMissing = false;
  const checkRoot = () => {
    if (!rootMissing && !existsSync(root)) {
      rootMissing = true;
      onEvent({ kind: 'root-missing' });
    }
  };
  watcher.on('unlink', (absolutePath) => {
    onEvent({ kind: 'unlink', relativePath: toRelativePath(root, absolutePath) });
    checkRoot();
  });
  watcher.on('unlinkDir', checkRoot);
  watcher.on('raw', (eventName) => {
    if (eventName === 'rename') checkRoot();
  });
  watcher.on('error', onError);
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return { ready, close: () => watcher.close() };
}
