import Dexie, { type ObservabilitySet } from 'dexie';
import type { HostClient } from '../../../shared/contract/host-client';
import type { Result } from '../../../shared/contract/host-result';
import type { WorkbenchDb } from '../db/workbench-db';
import { RESEARCH_TABLES } from './project-data';
import { readProjectRowsJson, type StartRowsWorker } from './project-rows';
import { forgetProjectRows, sendProjectRows, type PreparedRows } from './send-project-rows';

/*
 * What an export reads of the project, read and sent to main while the Export dialog is open,
 * before Export is clicked: the project's rows, read in a worker and checked and kept by main's
 * export threads. The user spends seconds choosing; main then starts building at once.
 *
 * It stays usable only while nothing it read changed: a write to any research table, in this
 * window or another, makes it stale (Dexie's `storagemutated`, which names the tables written). A
 * stale read is not used: the export sends the rows afresh, as it would have without one.
 */

export interface ExportPrefetch {
  /** The rows as main keeps them, or why they could not be sent. */
  readonly prepared: Promise<Result<PreparedRows>>;
  /** Whether an export may use them: nothing they hold has changed since they were read. */
  usable(): boolean;
  /** Stops watching for changes, and has main forget the rows. */
  dispose(): void;
}

/** Whether `parts` (what a committed write touched) includes a research table of the database `name`. */
export function touchesResearch(parts: ObservabilitySet, name: string): boolean {
  const prefix = `idb://${name}/`;
  return Object.keys(parts).some((part) => part.startsWith(prefix) && (RESEARCH_TABLES as readonly string[]).includes(part.slice(prefix.length).split('/')[0] ?? ''));
}

/** Reads the project's rows and sends them to main to keep for an export. */
export async function prepareProjectRows(client: HostClient, db: WorkbenchDb, startWorker?: StartRowsWorker): Promise<Result<PreparedRows>> {
  const json = await readProjectRowsJson(db, startWorker);
  performance.mark('export-rows-read');
  return sendProjectRows(client, json);
}

/** Starts reading and sending what an export of the project in `db` needs. */
export function prefetchExport(client: HostClient, db: WorkbenchDb, startWorker?: StartRowsWorker): ExportPrefetch {
  let fresh = true;
  const onWrite = (parts: ObservabilitySet) => {
    if (touchesResearch(parts, db.name)) fresh = false;
  };
  Dexie.on('storagemutated', onWrite);
  performance.mark('export-prefetch');
  const prepared = prepareProjectRows(client, db, startWorker).catch((error: unknown): Result<PreparedRows> => ({ ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } }));
  // A failure is reported by the export that awaits it, if one does.
  void prepared.then((result) => result.ok && performance.mark('export-prefetched'));
  return {
    prepared,
    usable: () => fresh,
    dispose: () => {
      Dexie.on('storagemutated').unsubscribe(onWrite);
      void prepared.then((result) => (result.ok ? forgetProjectRows(client, result.value.id) : undefined));
    },
  };
}
