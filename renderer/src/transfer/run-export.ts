import type { HostClient } from '../../../shared/contract/host-client';
import type { ProjectData } from '../../../shared/export/archive-schema';
import type { EncodedFile, EncodedOutput } from '../../../shared/export/encoded-output';
import type { ExportInput } from '../../../shared/export/export-input';
import { errorMessage } from '../../../shared/text/error-message';
import { EXPORT_FORMAT_IDS, exportFormat, inDialogOrder, type ExportFormatId } from '../../../shared/export/export-formats';
import { buildFormats, startModuleWorker, type BuildRequest, type StartExportWorker } from './export-workers';
import type { Result } from '../../../shared/contract/host-result';
import { discardStaged, stageFiles, writeStaged, type StagedFiles } from './write-export';

export interface ExportOutcome {
  /** Where each format went and what it wrote, in the dialog's order. */
  written: Array<{ format: string; folder: string; paths: string[]; files: EncodedFile[] }>;
  /** Set when files exist and `overwrite` was false: nothing further was written; ask, then run again with overwrite. */
  exists: string | null;
  /** A failure other than `exists`, in words. */
  error: string | null;
  /** How many background workers built formats, and which formats were built in the window's own thread. */
  builtBy: { workers: number; inThread: string[] };
}

/** Where an export is: building, or writing one format (the `done`-th of `total`). */
export interface ExportProgress {
  /** e.g. "W3C annotations". */
  writing: string | null;
  done: number;
  total: number;
}

export interface ExportOptions {
  input: ExportInput;
  data: ProjectData;
  /** Set when the annotations of `input` and `data` are left to the workers to read (see `BuildRequest`). */
  storedRows?: BuildRequest['storedRows'];
  baseName: string;
  formats: readonly ExportFormatId[];
  csvBom: boolean;
  overwrite: boolean;
  onProgress?(progress: ExportProgress): void;
}

/** How the formats get built; the app's defaults, replaced in unit tests. */
export interface ExportRuntime {
  startWorker: StartExportWorker;
  cores: number | undefined;
  warn(message: string): void;
  log(message: string): void;
}

/** The app's runtime: module workers (or those started ahead by `start`), the console. */
export const appExportRuntime = (start: StartExportWorker = startModuleWorker): ExportRuntime => ({
  startWorker: start,
  cores: globalThis.navigator?.hardwareConcurrency,
  warn: (message) => console.warn(message),
  log: (message) => console.info(message),
});

/**
 * Builds every chosen format (in workers, see `buildFormats`) and writes each one as soon as it is
 * built, one all-or-nothing write per format, one write at a time; a format's large files are
 * staged ahead, while the format before it is being written. A write that fails (or finds files
 * there without `overwrite`) stops the export: nothing further is written, and what was staged
 * ahead is discarded.
 */
export async function runExport(client: HostClient, options: ExportOptions, runtime: ExportRuntime = appExportRuntime()): Promise<ExportOutcome> {
  const chosen = inDialogOrder(options.formats);
  const outcome: ExportOutcome = { written: [], exists: null, error: null, builtBy: { workers: 0, inThread: [] } };
  // Each format's large files are staged as soon as it is built (one format after another), so that
  // they travel while the format before is still being written: main writes one at a time, in order.
  const arrived: Array<{ id: ExportFormatId; output: EncodedOutput; staged: Promise<Result<StagedFiles>> }> = [];
  let stagingQueue: Promise<unknown> = Promise.resolve();
  const stageAhead = (output: EncodedOutput): Promise<Result<StagedFiles>> => {
    const staged = stagingQueue.then(() => stageFiles(client, output.files));
    stagingQueue = staged.catch(() => undefined);
    return staged;
  };
  let wake: (() => void) | null = null;
  let buildFailure: string | null = null;
  let builtCount = 0;
  const buildTimes: string[] = [];
  const report = (writing: string | null) => options.onProgress?.({ writing, done: outcome.written.length, total: chosen.length });
  report(null);

  const run = buildFormats({
    formats: chosen,
    input: options.input,
    data: options.data,
    ...(options.storedRows ? { storedRows: options.storedRows } : {}),
    options: { baseName: options.baseName, csvBom: options.csvBom },
    cores: runtime.cores,
    startWorker: runtime.startWorker,
    warn: runtime.warn,
    onBuilt: (id, output, buildMs) => {
      buildTimes.push(`${id} ${buildMs.toFixed(0)}`);
      performance.mark('export-built', { detail: id });
      arrived.push({ id, output, staged: stageAhead(output) });
      if (++builtCount === chosen.length) performance.mark('export-serialised');
      wake?.();
    },
  });
  run.finished.then(
    (built) => {
      outcome.builtBy = { workers: built.workers, inThread: built.inThread.map((id) => exportFormat(id).label) };
      runtime.log(`Export: ${chosen.length} format(s) built in ${built.workers} worker(s)${built.inThread.length ? `, ${built.inThread.join(', ')} in this thread` : ''}; posting the input took ${built.cloneMs.toFixed(0)} ms; building took (ms) ${buildTimes.join(', ')}`);
    },
    (failure: unknown) => {
      buildFailure = errorMessage(failure);
      wake?.();
    },
  );

  const written = new Map<ExportFormatId, ExportOutcome['written'][number]>();
  while (written.size < chosen.length) {
    const next = arrived.shift();
    if (!next) {
      if (buildFailure) {
        outcome.error = buildFailure;
        break;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      continue;
    }
    const format = exportFormat(next.id);
    report(format.writing);
    const staged = await next.staged;
    const result = staged.ok ? await writeStaged(client, staged.value, { ...(next.output.subfolder ? { subfolder: next.output.subfolder } : {}), overwrite: options.overwrite }) : staged;
    if (!result.ok) {
      if (result.error.code === 'exists') outcome.exists = `${format.label}: ${result.error.message}`;
      else outcome.error = `${format.label} could not be written: ${result.error.message}`;
      break;
    }
    performance.mark('export-format-written', { detail: next.id });
    written.set(next.id, { format: format.label, folder: result.value.folder, paths: result.value.written, files: next.output.files });
    outcome.written = EXPORT_FORMAT_IDS.flatMap((id) => written.get(id) ?? []);
    report(null);
  }
  if (written.size < chosen.length) {
    run.stop();
    // What was staged ahead for formats that will not be written now: main forgets it.
    await Promise.all(arrived.splice(0).map(async (left) => {
      const staged = await left.staged;
      if (staged.ok) await discardStaged(client, staged.value);
    }));
  } else {
    await run.finished;
    performance.mark('export-written');
  }
  return outcome;
}

/** A file-name-friendly word for the scope (project name, entity name...). */
export function fileNameWord(text: string): string {
  return text.trim().replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/g, '').slice(0, 60) || 'export';
}
