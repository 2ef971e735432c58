import type { HostClient } from '../../../shared/contract/host-client';
import type { ExportFormatId } from '../../../shared/export/export-formats';
import { exportWorkerCount, planExport } from '../../../shared/export/export-plan';
import type { CorpusListing } from '../../../shared/model/article';
import { allStoredAnnotations } from '../db/annotation-packs';
import type { WorkbenchDb } from '../db/workbench-db';
import type { WarmWorkers } from './export-workers';
import type { ExportPrefetch } from './export-prefetch';
import { gatherExport, type ExportRows, type ExportScope } from './gather-export';
import { readProjectData, readProjectDataButAnnotations } from './project-data';
import { appExportRuntime, runExport, type ExportOutcome, type ExportProgress } from './run-export';

/** Export workers this machine gets (`exportWorkerCount` of its logical processors). */
export const exportWorkersHere = (): number => exportWorkerCount(globalThis.navigator?.hardwareConcurrency);

/** What the Export dialog asks for. */
export interface ProjectExportRequest {
  listing: CorpusListing;
  scope: ExportScope;
  /** What every file name starts with, e.g. `corpus-selection`. */
  baseName: string;
  formats: readonly ExportFormatId[];
  csvBom: boolean;
  overwrite: boolean;
  onProgress(progress: ExportProgress): void;
}

/**
 * Exports `request.scope` of the project in `db` with `workers` (started ahead by the dialog):
 * reads the project's rows and the articles' texts, then builds and writes the formats
 * (`runExport`). For a whole project or chosen articles each worker reads the annotations out of
 * the database itself, on its own thread, while this one reads the rest and the texts (see
 * `export-job-message.ts`). What `prefetch` read while the dialog was open is used when it is
 * still fresh, for the same listing and workers; otherwise everything is read now. `missing`
 * names the annotated articles no longer in the corpus.
 */
export async function exportProject(client: HostClient, db: WorkbenchDb, workers: WarmWorkers, request: ProjectExportRequest, prefetch: ExportPrefetch | null = null): Promise<{ outcome: ExportOutcome; missing: string[] }> {
  const workersRead = request.scope.kind === 'project' || request.scope.kind === 'articles';
  const ahead = prefetch?.usableFor(request.listing) ? prefetch : null;
  if (workersRead && ahead?.workers !== workers) workers.readAhead(db.name, planExport(request.formats, exportWorkersHere()).length);
  const rows: Promise<ExportRows> = workersRead ? (ahead?.rows ?? readProjectDataButAnnotations(db)) : readProjectData(db).then((data) => ({ data }));
  const reading = rows.then((read) => (performance.mark('export-read'), read));
  // The articles' texts are read from main while the project's rows come out of the database.
  const { input, missing } = await gatherExport(client, request.listing, reading, request.scope, ahead?.texts);
  const { data } = await reading;
  performance.mark('export-gathered');
  const storedRows = workersRead ? { storedRows: { database: db.name, read: () => allStoredAnnotations(db) } } : {};
  const { baseName, formats, csvBom, overwrite, onProgress } = request;
  const outcome = await runExport(client, { input, data, ...storedRows, baseName, formats, csvBom, overwrite, onProgress }, appExportRuntime(workers.start));
  return { outcome, missing };
}
