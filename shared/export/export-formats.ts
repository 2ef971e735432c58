import type { ProjectData } from './archive-schema';
import { EXPORT_FORMAT_IDS, type ExportFormatId } from './export-format-ids';
import { toBratStandoff } from './brat-standoff';
import { conllPieces } from './conll';
import type { ExportInput } from './export-input';
import { markdownReportPieces } from './markdown-report';
import { toMentionsCsv } from './mentions-csv';
import { projectArchivePieces } from './project-archive';
import { webAnnotationPieces } from './web-annotation';

/*
 * The export formats the dialog offers, in the order it lists them: what each is called, what it
 * reads (the gathered export input, or the project's rows for the archive) and the files it makes
 * (a folder of its own for brat, whose files belong together). Pure: main's export threads import it.
 */

export { EXPORT_FORMAT_IDS, type ExportFormatId };

/** A file a format builds: its text, or its text in pieces to be written one after another. */
export interface FormatFile {
  name: string;
  content: string | readonly string[];
}

export interface FormatOutput {
  /** A subfolder of the export folder the files go into, or none. */
  subfolder?: string;
  files: FormatFile[];
}

export interface FormatOptions {
  /** The start of every file name: project and scope, e.g. `corpus-Paul_Kagame`. */
  baseName: string;
  csvBom: boolean;
}

interface FormatNames {
  id: ExportFormatId;
  label: string;
  description: string;
  /** What the progress line says while its files are written. */
  writing: string;
}

/** A format built from the gathered input (a `PreparedExport` is one: formats share its preparation). */
export interface InputFormat extends FormatNames {
  reads: 'input';
  build(input: ExportInput, options: FormatOptions): FormatOutput;
}

/** A format built from the project's rows as stored (the archive). */
export interface DataFormat extends FormatNames {
  reads: 'data';
  build(data: ProjectData, options: FormatOptions): FormatOutput;
}

export type ExportFormat = InputFormat | DataFormat;

/** The project archive's file name. */
export function archiveFileName(options: FormatOptions): string {
  return `${options.baseName}-archive.json`;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  { id: 'markdown', label: 'Markdown report', description: 'articles, highlights, comments and notebook (.md)', writing: 'the Markdown report', reads: 'input', build: (input, o) => ({ files: [{ name: `${o.baseName}-report.md`, content: markdownReportPieces(input) }] }) },
  { id: 'w3c', label: 'W3C Web Annotations', description: 'JSON-LD annotation collection (.jsonld)', writing: 'W3C annotations', reads: 'input', build: (input, o) => ({ files: [{ name: `${o.baseName}-annotations.jsonld`, content: webAnnotationPieces(input) }] }) },
  { id: 'brat', label: 'brat standoff', description: 'a folder of .txt and .ann files', writing: 'brat standoff', reads: 'input', build: (input, o) => ({ subfolder: `${o.baseName}-brat`, files: toBratStandoff(input) }) },
  { id: 'csv', label: 'Entity mentions CSV', description: 'one row per mention, with context (.csv)', writing: 'the mentions CSV', reads: 'input', build: (input, o) => ({ files: [{ name: `${o.baseName}-mentions.csv`, content: toMentionsCsv(input, { bom: o.csvBom }) }] }) },
  { id: 'conll', label: 'CoNLL (BIO)', description: 'token and entity label per line (.conll)', writing: 'CoNLL', reads: 'input', build: (input, o) => ({ files: [{ name: `${o.baseName}-entities.conll`, content: conllPieces(input) }] }) },
  { id: 'archive', label: 'Project archive', description: 'the whole project, to import again (.json)', writing: 'the project archive', reads: 'data', build: (data, o) => ({ files: [{ name: archiveFileName(o), content: projectArchivePieces(data) }] }) },
];

/** The format of `id` (every id has one). */
export function exportFormat(id: ExportFormatId): ExportFormat {
  const format = EXPORT_FORMATS.find((candidate) => candidate.id === id);
  if (!format) throw new Error(`Unknown export format "${id}"`);
  return format;
}

/** The chosen formats in the dialog's order, each once. */
export function inDialogOrder(formats: readonly ExportFormatId[]): ExportFormatId[] {
  return EXPORT_FORMAT_IDS.filter((id) => formats.includes(id));
}
