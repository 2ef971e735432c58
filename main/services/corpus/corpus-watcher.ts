import { existsSync, watch, type FSWatcher } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { formatFromPath } from './parse-article';

export type RawCorpusEvent =
  | { kind: 'upsert'; relativePath: string; absolutePath: string }
  | { kind: 'unlink'; relativePath: string }
  /** Something changed that is not one article file (a folder added, moved or removed). */
  | { kind: 'tree-changed' }
  | { kind: 'root-missing' };

export interface CorpusWatch {
  /** Resolves once changes are being reported. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** Editors write in several steps; a path is examined once it has been quiet this long. */
const SETTLE_MS = 150;

/** Hidden entries and dependency folders are not part of the corpus (as in `scanFolder`). */
function isSkipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/**
 * Watches the corpus folder and reports article files added, changed or removed, folders changing,
 * and the root itself disappearing. One watch per folder (each reports what happens to the files
 * in it), set up while walking the tree without blocking: Node's recursive `fs.watch` sets up one
 * watch per file on Linux, synchronously, which blocked main for 0.3–1.2 s on a 10,000-file corpus
 * (chokidar, tried before, cost 1.8–2.8 s of start-up work).
 */
export function watchCorpus(root: string, onEvent: (event: RawCorpusEvent) => void, onError: (error: unknown) => void): CorpusWatch {
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** Watched folders by their path relative to the root ('' for the root). */
  const folders = new Map<string, FSWatcher>();
  let closed = false;
  let rootMissing = false;

  function reportRootMissing(): boolean {
    if (existsSync(root)) return false;
    if (!rootMissing) {
      rootMissing = true;
      onEvent({ kind: 'root-missing' });
    }
    return true;
  }

  async function examine(name: string): Promise<void> {
    if (closed || reportRootMissing()) return;
    const absolutePath = path.join(root, name);
    const info = await lstat(absolutePath).catch(() => null);
    if (closed) return;
    if (!info) {
      unwatchFolder(name);
      onEvent(formatFromPath(name) ? { kind: 'unlink', relativePath: name } : { kind: 'tree-changed' });
    } else if (info.isDirectory()) {
      await watchTree(name);
      onEvent({ kind: 'tree-changed' });
    } else if (formatFromPath(name)) {
      onEvent({ kind: 'upsert', relativePath: name, absolutePath });
    }
  }

  function settle(name: string): void {
    if (name.split('/').some(isSkipped)) return;
    clearTimeout(pending.get(name));
    pending.set(
      name,
      setTimeout(() => {
        pending.delete(name);
        examine(name).catch(onError);
      }, SETTLE_MS),
    );
  }

  function watchFolder(relativeFolder: string): void {
    if (closed || folders.has(relativeFolder)) return;
    try {
      const watcher = watch(path.join(root, relativeFolder), (_type, filename) => {
        if (filename) settle(relativeFolder ? `${relativeFolder}/${filename.toString()}` : filename.toString());
        else reportRootMissing();
      });
      watcher.on('error', (error) => {
        unwatchFolder(relativeFolder);
        if (!reportRootMissing() && relativeFolder === '') onError(error);
      });
      folders.set(relativeFolder, watcher);
    } catch (error) {
      // A folder removed while we walked: its removal is reported by its parent's watch.
      if (relativeFolder === '') onError(error);
    }
  }

  /** Stops watching a folder (and the folders under it) that has gone. */
  function unwatchFolder(relativeFolder: string): void {
    for (const [folder, watcher] of folders) {
      if (relativeFolder !== '' && (folder === relativeFolder || folder.startsWith(`${relativeFolder}/`))) {
        watcher.close();
        folders.delete(folder);
      }
    }
  }

  /** Watches a folder and every folder under it (not following links, as Node's recursive watch). */
  async function watchTree(relativeFolder: string): Promise<void> {
    watchFolder(relativeFolder);
    const entries = await readdir(path.join(root, relativeFolder), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (closed) return;
      if (entry.isDirectory() && !isSkipped(entry.name)) await watchTree(relativeFolder ? `${relativeFolder}/${entry.name}` : entry.name);
    }
  }

  const ready = watchTree('').catch(onError);
  return {
    ready,
    async close() {
      closed = true;
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
      for (const watcher of folders.values()) watcher.close();
      folders.clear();
    },
  };
}
