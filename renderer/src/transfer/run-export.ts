import type { HostClient } from '../../../shared/contract/host-client';
import type { ProjectData } from '../../../shared/export/archive-schema';
import type { ExportFile } from '../../../shared/export/brat-standoff';
import type { ExportInput } from '../../../shared/export/export-input';
import { prepareExport } from '../../../shared/export/prepared-export';
import { EXPORT_FORMATS, type ExportFormatId } from './export-formats';
import { writeExport } from './write-export';

export interface ExportOutcome {
  /** Where each format went and what it wrote. */
  written: Array<{ format: string; folder: string; paths: string[]; files: ExportFile[] }>;
  /** Set when files exist and `overwrite` was false: nothing further was written; ask, then run again with overwrite. */
  exists: string | null;
  /** A failure other than `exists`, in words. */
  error: string | null;
}

/** Builds and writes every chosen format, one all-or-nothing write per format. */
export async function runExport(client: HostClient, options: { input: ExportInput; data: ProjectData; baseName: string; formats: readonly ExportFormatId[]; csvBom: boolean; overwrite: boolean }): Promise<ExportOutcome> {
  const outcome: ExportOutcome = { written: [], exists: null, error: null };
  // What the formats share (text order, offsets, lookups) is derived once for all of them.
  const input = options.formats.some((id) => id !== 'archive') ? prepareExport(options.input) : options.input;
  for (const format of EXPORT_FORMATS.filter((candidate) => options.formats.includes(candidate.id))) {
    const output = format.build({ input, data: options.data, baseName: options.baseName, csvBom: options.csvBom });
    const result = await writeExport(client, { ...(output.subfolder ? { subfolder: output.subfolder } : {}), files: output.files, overwrite: options.overwrite });
    if (!result.ok) {
      if (result.error.code === 'exists') outcome.exists = `${format.label}: ${result.error.message}`;
      else outcome.error = `${format.label} could not be written: ${result.error.message}`;
      return outcome;
    }
    outcome.written.push({ format: format.label, folder: result.value.folder, paths: result.value.written, files: output.files });
  }
  return outcome;
}

/** A file-name-friendly word for the scope (project name, entity name...). */
export function fileNameWord(text: string): string {
  return text.trim().replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/g, '').slice(0, 60) || 'export';
}
