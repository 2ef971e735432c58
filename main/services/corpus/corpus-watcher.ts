import { watch } from 'chokidar';
import path from 'node:path';
import { formatFromPath } from './parse-article';
import { toRelativePath } from './safe-path';

export type RawCorpusEvent =
  | { kind: 'upsert'; relativePath: string; absolutePath: string }
  | { kind: 'unlink'; relativePath: string }
  | { kind: 'root-missing' };

/**
 * Watches the corpus folder and reports article files added, changed or removed, and the root
 * itself disappearing. Returns the disposer that stops watching.
 */
export function watchCorpus(root: string, onEvent: (event: RawCorpusEvent) => void, onError: (error: unknown) => void): () => Promise<void> {
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
  watcher.on('unlink', (absolutePath) => onEvent({ kind: 'unlink', relativePath: toRelativePath(root, absolutePath) }));
  watcher.on('unlinkDir', (absolutePath) => {
    if (path.resolve(absolutePath) === path.resolve(root)) onEvent({ kind: 'root-missing' });
  });
  watcher.on('error', onError);
  return () => watcher.close();
}
