import type { HostClient } from '../../../shared/contract/host-client';
import type { HostError, Result } from '../../../shared/contract/host-result';
import { exportFormat, inDialogOrder, type ExportFormatId } from '../../../shared/export/export-formats';
import type { ExportScope } from '../../../shared/export/export-selection';
import type { WorkbenchDb } from '../db/workbench-db';
import { prepareProjectRows, type ExportPrefetch } from './export-prefetch';
import { forgetProjectRows, type PreparedRows } from './send-project-rows';

/*
 * An export as the Export dialog runs it: the project's rows go to main (sent ahead while the
 * dialog was open, or now), and main builds the chosen formats from them in its export threads,
 * with the articles' texts it reads itself, and writes each one as soon as it is built
 * (`exports.build`; `exports.formatWritten` reports each while it runs).
 */

export interface ExportOutcome {
  /** Where each format went and what it wrote, in the dialog's order. */
  written: Array<{ format: string; folder: string; paths: string[] }>;
  /** Set when files exist and `overwrite` was false: that format was not written; ask, then run again with overwrite. */
  exists: string | null;
  /** A failure other than `exists`, in words. */
  error: string | null;
  /** Threads main built the formats in (0: its own). */
  threads: number;
  /** Annotated articles no longer in the corpus, left out. */
  missing: string[];
  /** Damaged annotations, left out of every format but the archive (which keeps them as they are). */
  damaged: number;
}

/** How far an export is: `done` of `total` formats written. */
export interface ExportProgress {
  done: number;
  total: number;
}

/** What the Export dialog asks for. */
export interface ProjectExportRequest {
  scope: ExportScope;
  /** What every file name starts with, e.g. `corpus-selection`. */
  baseName: string;
  formats: readonly ExportFormatId[];
  csvBom: boolean;
  overwrite: boolean;
  onProgress?(progress: ExportProgress): void;
}

const failed = (error: string): ExportOutcome => ({ written: [], exists: null, error, threads: 0, missing: [], damaged: 0 });

/** Why the rows could not be sent: main's words when it found them invalid (it names the row). */
const couldNotSend = (error: HostError): string => (error.code === 'invalid-input' ? error.message : `The project could not be sent for export: ${error.message}`);

/** Has main build and write `request` from the rows it keeps as `rows`. */
async function buildOnMain(client: HostClient, rows: PreparedRows, request: ProjectExportRequest): Promise<Result<ExportOutcome>> {
  const formats = inDialogOrder(request.formats);
  const exportId = globalThis.crypto.randomUUID();
  let done = 0;
  const unsubscribe = client.subscribe('exports.formatWritten', (event) => {
    if (event.exportId !== exportId) return;
    performance.mark('export-format-written', { detail: event.format });
    request.onProgress?.({ done: ++done, total: formats.length });
  });
  try {
    request.onProgress?.({ done: 0, total: formats.length });
    const built = await client.request('exports.build', { exportId, preparedId: rows.id, scope: request.scope, formats, baseName: request.baseName, csvBom: request.csvBom, overwrite: request.overwrite });
    if (!built.ok) return built;
    const byFormat = new Map(built.value.formats.map((entry) => [entry.format, entry]));
    return {
      ok: true,
      value: {
        written: formats.flatMap((id) => {
          const entry = byFormat.get(id);
          return entry ? [{ format: exportFormat(id).label, folder: entry.folder, paths: entry.written }] : [];
        }),
        exists: null,
        error: null,
        threads: built.value.threads,
        missing: built.value.missing,
        damaged: rows.damaged,
      },
    };
  } finally {
    unsubscribe();
  }
}

/**
 * Exports `request.scope` of the project in `db`: from the rows `prefetch` sent while nothing has
 * changed since, else from rows read and sent now (and forgotten after). Rows main no longer keeps
 * are sent again, once.
 */
export async function exportProject(client: HostClient, db: WorkbenchDb, request: ProjectExportRequest, prefetch: ExportPrefetch | null = null): Promise<ExportOutcome> {
  const ahead = prefetch?.usable() ? await prefetch.prepared : null;
  let sentNow: PreparedRows | null = null;
  const sendNow = async (): Promise<Result<PreparedRows>> => {
    const sent = await prepareProjectRows(client, db);
    if (sent.ok) sentNow = sent.value;
    return sent;
  };
  try {
    let rows = ahead?.ok ? ahead : await sendNow();
    if (!rows.ok) return failed(couldNotSend(rows.error));
    performance.mark('export-read');
    let built = await buildOnMain(client, rows.value, request);
    if (!built.ok && built.error.code === 'not-found' && !sentNow) {
      rows = await sendNow();
      if (!rows.ok) return failed(couldNotSend(rows.error));
      built = await buildOnMain(client, rows.value, request);
    }
    if (built.ok) return built.value;
    if (built.error.code === 'exists') return { ...failed(''), error: null, exists: built.error.message };
    return failed(built.error.message);
  } finally {
    const sent = sentNow as PreparedRows | null;
    if (sent) await forgetProjectRows(client, sent.id);
  }
}

/** A file-name-friendly word for the scope (project name, entity name...). */
export function fileNameWord(text: string): string {
  return text.trim().replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/g, '').slice(0, 60) || 'export';
}
