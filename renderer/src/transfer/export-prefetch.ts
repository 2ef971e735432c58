import Dexie, { type ObservabilitySet } from 'dexie';
import type { HostClient } from '../../../shared/contract/host-client';
import type { CorpusListing } from '../../../shared/model/article';
import type { WorkbenchDb } from '../db/workbench-db';
import type { WarmWorkers } from './export-workers';
import { readablePaths, readTexts, type ArticleText, type ExportRows } from './gather-export';
import { readProjectDataButAnnotations, RESEARCH_TABLES } from './project-data';

/*
 * What an export of the project reads, read while the Export dialog is open, before Export is
 * clicked: the project's rows but the annotations and the texts of every readable article (here),
 * and the annotations (in the workers started ahead, each reading for itself). The user spends
 * seconds choosing; the export then starts building at once. Reading took 0.4-0.9 s after the
 * click in the bench (50,000 annotations, 1,000 articles).
 *
 * It stays usable only while nothing it read changed: a write to any research table, in this
 * window or another, makes it stale (Dexie's `storagemutated`, which names the tables written),
 * and so does another listing (the corpus changed). A stale read is not used: the export reads
 * afresh, as it would have without one.
 */

export interface ExportPrefetch {
  /** The workers that were asked to read the annotations. */
  readonly workers: WarmWorkers;
  readonly rows: Promise<ExportRows>;
  /** The texts of every readable article of `listing`. */
  readonly texts: Promise<ArticleText[]>;
  /** Whether an export of `listing` may use what was read: nothing read has changed since the reads began, and they were for that listing. */
  usableFor(listing: CorpusListing): boolean;
  /** Stops watching for changes. */
  dispose(): void;
}

/** Whether `parts` (what a committed write touched) includes a research table of the database `name`. */
export function touchesResearch(parts: ObservabilitySet, name: string): boolean {
  const prefix = `idb://${name}/`;
  return Object.keys(parts).some((part) => part.startsWith(prefix) && (RESEARCH_TABLES as readonly string[]).includes(part.slice(prefix.length).split('/')[0] ?? ''));
}

/** Starts reading what an export of `listing`'s project needs; `workers` read the annotations. */
export function prefetchExport(client: HostClient, db: WorkbenchDb, listing: CorpusListing, workers: WarmWorkers, workerCount: number): ExportPrefetch {
  let fresh = true;
  const onWrite = (parts: ObservabilitySet) => {
    if (touchesResearch(parts, db.name)) fresh = false;
  };
  Dexie.on('storagemutated', onWrite);
  performance.mark('export-prefetch');
  workers.readAhead(db.name, workerCount);
  const rows = readProjectDataButAnnotations(db);
  const texts = readTexts(client, readablePaths(listing));
  // A failed read is reported by the export that awaits it, if one does.
  rows.then(() => performance.mark('export-prefetched-rows'), () => {});
  texts.then(() => performance.mark('export-prefetched-texts'), () => {});
  return {
    workers,
    rows,
    texts,
    usableFor: (current) => fresh && current === listing,
    dispose: () => Dexie.on('storagemutated').unsubscribe(onWrite),
  };
}
