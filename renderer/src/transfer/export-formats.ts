import type { ProjectData } from '../../../shared/export/archive-schema';
import { toBratStandoff, type ExportFile } from '../../../shared/export/brat-standoff';
import { toConll } from '../../../shared/export/conll';
import type { ExportInput } from '../../../shared/export/export-input';
import { toMarkdownReport } from '../../../shared/export/markdown-report';
import { toMentionsCsv } from '../../../shared/export/mentions-csv';
import { toProjectArchive } from '../../../shared/export/project-archive';
import { toWebAnnotations } from '../../../shared/export/web-annotation';

/*
 * The export formats the dialog offers, in the order it lists them: what each is called, and the
 * files it makes (a folder of its own for brat, whose files belong together).
 */

export type ExportFormatId = 'markdown' | 'w3c' | 'brat' | 'csv' | 'conll' | 'archive';

export interface FormatOutput {
  /** A subfolder of the export folder the files go into, or none. */
  subfolder?: string;
  files: ExportFile[];
}

export interface FormatContext {
  input: ExportInput;
  data: ProjectData;
  /** The start of every file name: project and scope, e.g. `corpus-Paul_Kagame`. */
  baseName: string;
  csvBom: boolean;
}

export interface ExportFormat {
  id: ExportFormatId;
  label: string;
  description: string;
  build(context: FormatContext): FormatOutput;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  { id: 'markdown', label: 'Markdown report', description: 'articles, highlights, comments and notebook (.md)', build: (c) => ({ files: [{ name: `${c.baseName}-report.md`, content: toMarkdownReport(c.input) }] }) },
  { id: 'w3c', label: 'W3C Web Annotations', description: 'JSON-LD annotation collection (.jsonld)', build: (c) => ({ files: [{ name: `${c.baseName}-annotations.jsonld`, content: toWebAnnotations(c.input) }] }) },
  { id: 'brat', label: 'brat standoff', description: 'a folder of .txt and .ann files', build: (c) => ({ subfolder: `${c.baseName}-brat`, files: toBratStandoff(c.input) }) },
  { id: 'csv', label: 'Entity mentions CSV', description: 'one row per mention, with context (.csv)', build: (c) => ({ files: [{ name: `${c.baseName}-mentions.csv`, content: toMentionsCsv(c.input, { bom: c.csvBom }) }] }) },
  { id: 'conll', label: 'CoNLL (BIO)', description: 'token and entity label per line (.conll)', build: (c) => ({ files: [{ name: `${c.baseName}-entities.conll`, content: toConll(c.input) }] }) },
  { id: 'archive', label: 'Project archive', description: 'the whole project, to import again (.json)', build: (c) => ({ files: [{ name: `${c.baseName}-archive.json`, content: toProjectArchive(c.data) }] }) },
];
