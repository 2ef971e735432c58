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

/**
 * The job's annotation rows as JSON; or `input` when they are the very rows of the job's input; or
 * `stored`: the worker reads them from the project's database itself (see `StoredRows`).
 */
type RowsText = { json: string } | { sameAsInput: true } | { stored: true };

export interface ExportJobMessage extends Omit<ExportJob, 'input' | 'data'> {
  input: { rest: Omit<ExportInput, 'annotations'>; annotations: RowsText } | null;
  data: { rest: Omit<ProjectData, 'annotations'>; annotations: RowsText } | null;
  /** The database a worker reads `stored` rows from (null when the job carries its rows). */
  database: string | null;
}

/**
 * Asks a worker started ahead of its job to start reading the annotation rows stored in the
 * database `readAhead` now (when the Export dialog opens), while the window reads the rest of the
 * project and the texts. Each one reads afresh, and its job takes the latest.
 */
export interface ReadAheadMessage {
  readAhead: string;
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

/**
 * The message posting `job` to a worker. With `database`, the job's rows are not sent: the worker
 * reads the rows stored in that database (the job's own rows are then placeholders, see
 * `withStoredRows`). Reading them there spares the window's thread reading 50,000 rows out of
 * IndexedDB and writing them as JSON, and the worker parsing that JSON (~1.3 s before a worker
 * could start building, on 2 cores).
 */
export function toJobMessage(job: ExportJob, rowsJson: RowsJson, database: string | null = null): ExportJobMessage {
  const { input, data, ...rest } = job;
  const split = <T extends { annotations: readonly AnnotationRecord[] }>({ annotations, ...others }: T) => ({ annotations, others });
  const fromInput = input ? split(input) : null;
  const fromData = data ? split(data) : null;
  const stored = { stored: true } as const;
  return {
    ...rest,
    input: fromInput ? { rest: fromInput.others, annotations: database !== null ? stored : { json: rowsJson(fromInput.annotations) } } : null,
    data: fromData
      ? { rest: fromData.others, annotations: database !== null ? stored : fromInput && sameRows(fromInput.annotations, fromData.annotations) ? { sameAsInput: true } : { json: rowsJson(fromData.annotations) } }
      : null,
    database,
  };
}

/**
 * `job` with the stored annotation rows in place of its own: every row as the project's data, and
 * as the input those of the input's articles (what `gatherExport` keeps of a whole project or of
 * chosen articles).
 */
export function withStoredRows(job: ExportJob, rows: readonly AnnotationRecord[]): ExportJob {
  const articleIds = new Set<string>(job.input?.articles.map((article) => article.id));
  return {
    ...job,
    input: job.input ? { ...job.input, annotations: rows.filter((row) => articleIds.has(row.articleId)) } : null,
    data: job.data ? { ...job.data, annotations: [...rows] } : null,
  };
}

/**
 * The job a message carries, its rows parsed (shared between input and data as they were), or,
 * for a message naming a database, taken from `stored`: the rows the worker read from it.
 */
export function fromJobMessage(message: ExportJobMessage, stored: readonly AnnotationRecord[] | null = null): ExportJob {
  const job = (inputRows: AnnotationRecord[] | null, dataRows: AnnotationRecord[] | null): ExportJob => ({
    formats: message.formats,
    options: message.options,
    input: message.input && inputRows ? { ...message.input.rest, annotations: inputRows } : null,
    data: message.data && dataRows ? { ...message.data.rest, annotations: dataRows } : null,
  });
  if (message.database !== null) {
    if (!stored) throw new Error(`the job names the rows stored in "${message.database}", but none were read`);
    return withStoredRows(job([], []), stored);
  }
  const rowsOf = (text: RowsText, inputRows: AnnotationRecord[] | null): AnnotationRecord[] => {
    if ('json' in text) return JSON.parse(text.json) as AnnotationRecord[];
    if ('stored' in text) throw new Error('the job names stored rows, but no database');
    if (!inputRows) throw new Error('the job names its input\'s rows, but carries no input');
    return inputRows;
  };
  const inputRows = message.input ? rowsOf(message.input.annotations, null) : null;
  return job(inputRows, message.data ? rowsOf(message.data.annotations, inputRows) : null);
}
