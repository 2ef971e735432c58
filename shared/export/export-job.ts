import type { ProjectData } from './archive-schema';
import type { ExportInput } from './export-input';
import { prepareExport } from './prepared-export';
import { errorMessage } from '../text/error-message';
import { EXPORT_FORMAT_IDS, exportFormat, type ExportFormatId, type FormatOptions, type FormatOutput } from './export-formats';
import { encodeOutput, type EncodedOutput } from './encoded-output';

/*
 * What the renderer and an export worker say to each other. The renderer sends one job (its share
 * of the formats, and the input once, by structured clone); the worker answers with each format's
 * files as soon as they are built, as UTF-8 bytes it transfers (`encoded-output.ts`), then `done`,
 * or `failed`. `runExportJob` is the worker's whole
 * work, also run in the renderer's own thread when no worker can be had.
 */

export interface ExportJob {
  formats: ExportFormatId[];
  /** The gathered input, when any of `formats` reads it. */
  input: ExportInput | null;
  /** The project's rows, when the archive is among `formats`. */
  data: ProjectData | null;
  options: FormatOptions;
}

export type ExportReply =
  | { kind: 'built'; format: ExportFormatId; output: EncodedOutput; ms: number }
  | { kind: 'done' }
  | { kind: 'failed'; format: ExportFormatId | null; message: string };

/** The job of `formats`, carrying only what they read. */
export function exportJob(formats: readonly ExportFormatId[], input: ExportInput, data: ProjectData, options: FormatOptions): ExportJob {
  const reads = new Set(formats.map((id) => exportFormat(id).reads));
  return { formats: [...formats], input: reads.has('input') ? input : null, data: reads.has('data') ? data : null, options };
}

/**
 * Builds every format of `job` in order, posting each one's files (encoded) as soon as they are built.
 * `pause` runs between formats (in the renderer's thread: a chance to paint the progress).
 */
export async function runExportJob(job: ExportJob, post: (reply: ExportReply) => void, pause: () => Promise<void> = async () => {}): Promise<void> {
  let current: ExportFormatId | null = null;
  try {
    // What the input formats share (text order, offsets, lookups) is derived once for all of them.
    const input = job.input && job.formats.some((id) => exportFormat(id).reads === 'input') ? prepareExport(job.input) : job.input;
    for (const id of job.formats) {
      current = id;
      const format = exportFormat(id);
      const started = performance.now();
      let output: FormatOutput;
      if (format.reads === 'input') {
        if (!input) throw new Error('the job carries no export input');
        output = format.build(input, job.options);
      } else {
        if (!job.data) throw new Error('the job carries no project rows');
        output = format.build(job.data, job.options);
      }
      post({ kind: 'built', format: id, output: encodeOutput(output), ms: performance.now() - started });
      await pause();
    }
    post({ kind: 'done' });
  } catch (error) {
    post({ kind: 'failed', format: current, message: errorMessage(error) });
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isFormatId = (value: unknown): value is ExportFormatId => typeof value === 'string' && (EXPORT_FORMAT_IDS as readonly string[]).includes(value);

function isOutput(value: unknown): value is EncodedOutput {
  if (!isRecord(value) || !Array.isArray(value.files)) return false;
  if (value.subfolder !== undefined && typeof value.subfolder !== 'string') return false;
  return value.files.every((file: unknown) => isRecord(file) && typeof file.name === 'string' && file.content instanceof Uint8Array);
}

/** What came back from a worker, checked; null when it is not a reply at all. */
export function readExportReply(value: unknown): ExportReply | null {
  if (!isRecord(value)) return null;
  if (value.kind === 'done') return { kind: 'done' };
  if (value.kind === 'failed' && typeof value.message === 'string' && (value.format === null || isFormatId(value.format))) return { kind: 'failed', format: value.format, message: value.message };
  if (value.kind === 'built' && isFormatId(value.format) && isOutput(value.output) && typeof value.ms === 'number') return { kind: 'built', format: value.format, output: value.output, ms: value.ms };
  return null;
}
