import type { HostClient } from '../../../shared/contract/host-client';
import type { ExportFormatId } from '../../../shared/export/export-formats';
import { exportWorkerCount, planExport } from '../../../shared/export/export-plan';
import type { CorpusListing } from '../../../shared/model/article';
import { allStoredAnnotations } from '../db/annotation-packs';
import type { WorkbenchDb } from '../db/workbench-db';
import type { WarmWorkers } from './export-workers';
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
 * `export-job-message.ts`). `missing` names the annotated articles no longer in the corpus.
 */
export async function exportProject(client: HostClient, db: WorkbenchDb, workers: WarmWorkers, request: ProjectExportRequest): Promise<{ outcome: ExportOutcome; missing: string[] }> {
  const workersRead = request.scope.kind === 'project' || request.scope.kind === 'articles';
  if (workersRead) workers.readAhead(db.name, planExport(request.formats, exportWorkersHere()).length);
  const reading: Promise<ExportRows> = (workersRead ? readProjectDataButAnnotations(db) : readProjectData(db).then((data) => ({ data }))).then((rows) => (performance.mark('export-read'), rows));
  // The articles' texts are read from main while the project's rows come out of the database.
  const { input, missing } = await gatherExport(client, request.listing, reading, request.scope);
  const { data } = await reading;
  performance.mark('export-gathered');
  const storedRows = workersRead ? { storedRows: { database: db.name, read: () => allStoredAnnotations(db) } } : {};
  const { baseName, formats, csvBom, overwrite, onProgress } = request;
  const outcome = await runExport(client, { input, data, ...storedRows, baseName, formats, csvBom, overwrite, onProgress }, appExportRuntime(workers.start));
  return { outcome, missing };
}
