import type { ProjectData } from './archive-schema';
import type { ExportInput } from './export-input';
import type { ExportJob } from './export-job';
import type { AnnotationRecord } from '../model/annotation';

/*
 * An export job as posted to a worker, its annotation rows (the bulk of it) as JSON text. Posting
 * copies a message object by object: Chromium took ~550 ms to write the 50k bench input for ONE
 * worker and ~480 ms to read it back in the worker, where JSON took ~300 ms to write for every
 * worker at once, ~45 ms to post as one string, and ~260 ms to parse (CDP-free page timings,
 * `e2e/bench` data, under load). The rows are plain data as IndexedDB stores them (strings,
 * numbers, nested objects and arrays): JSON gives back the same values, keys in the same order.
 * The rest of the job (texts, legend, entities, notes) is posted as it is.
 */

/** The job's annotation rows as JSON, or `input` when they are the very rows of the job's input. */
type RowsText = { json: string } | { sameAsInput: true };

export interface ExportJobMessage extends Omit<ExportJob, 'input' | 'data'> {
  input: { rest: Omit<ExportInput, 'annotations'>; annotations: RowsText } | null;
  data: { rest: Omit<ProjectData, 'annotations'>; annotations: RowsText } | null;
}

/** JSON of row arrays, each array written once however many jobs carry it. */
export type RowsJson = (rows: readonly AnnotationRecord[]) => string;

/** A `RowsJson` that remembers what it wrote, by array. */
export function rowsJsonOnce(): RowsJson {
  const written = new WeakMap<readonly AnnotationRecord[], string>();
  return (rows) => {
    let json = written.get(rows);
    if (json === undefined) written.set(rows, (json = JSON.stringify(rows)));
    return json;
  };
}

function sameRows(a: readonly AnnotationRecord[], b: readonly AnnotationRecord[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The message posting `job` to a worker. */
export function toJobMessage(job: ExportJob, rowsJson: RowsJson): ExportJobMessage {
  const { input, data, ...rest } = job;
  const split = <T extends { annotations: readonly AnnotationRecord[] }>({ annotations, ...others }: T) => ({ annotations, others });
  const fromInput = input ? split(input) : null;
  const fromData = data ? split(data) : null;
  return {
    ...rest,
    input: fromInput ? { rest: fromInput.others, annotations: { json: rowsJson(fromInput.annotations) } } : null,
    data: fromData ? { rest: fromData.others, annotations: fromInput && sameRows(fromInput.annotations, fromData.annotations) ? { sameAsInput: true } : { json: rowsJson(fromData.annotations) } } : null,
  };
}

/** The job a message carries, its rows parsed (shared between input and data as they were). */
export function fromJobMessage(message: ExportJobMessage): ExportJob {
  const inputRows = message.input && 'json' in message.input.annotations ? (JSON.parse(message.input.annotations.json) as AnnotationRecord[]) : null;
  const dataRows = (text: RowsText): AnnotationRecord[] => {
    if ('json' in text) return JSON.parse(text.json) as AnnotationRecord[];
    if (!inputRows) throw new Error('the job names its input\'s rows, but carries no input');
    return inputRows;
  };
  return {
    formats: message.formats,
    options: message.options,
    input: message.input && inputRows ? { ...message.input.rest, annotations: inputRows } : null,
    data: message.data ? { ...message.data.rest, annotations: dataRows(message.data.annotations) } : null,
  };
}
