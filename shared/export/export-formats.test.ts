import { describe, expect, it } from 'vitest';
import { annotations, entities, entityTypes, exportInput, legend, notes, orphan } from '../../test-support/export-fixture';
import type { ProjectData } from './archive-schema';
import { toBratStandoff } from './brat-standoff';
import { toConll } from './conll';
import { EXPORT_FORMATS, type ExportFormatId } from './export-formats';
import { toMarkdownReport } from './markdown-report';
import { toMentionsCsv } from './mentions-csv';
import { prepareExport } from './prepared-export';
import { toProjectArchive } from './project-archive';
import { toWebAnnotations } from './web-annotation';

const input = prepareExport(exportInput());
const data: ProjectData = {
  articles: input.articles.map((article) => ({ id: article.id, path: article.path, sha256: '', createdAt: 1, updatedAt: 1 })),
  articleMeta: [], legend, entityTypes, entities, annotations: [orphan, ...annotations], rejectedHits: [], notes,
};
const options = { baseName: 'corpus', csvBom: true };

/** Each format's files as its serialiser writes them, as text. */
const texts: Record<ExportFormatId, () => string[]> = {
  markdown: () => [toMarkdownReport(input)],
  w3c: () => [toWebAnnotations(input)],
  brat: () => toBratStandoff(input).map((file) => file.content),
  csv: () => [toMentionsCsv(input, { bom: true })],
  conll: () => [toConll(input)],
  archive: () => [toProjectArchive(data)],
};

describe('export formats', () => {
  it('give every file as its serialiser’s text, whether built whole or in pieces (emoji and right-to-left script included)', () => {
    for (const format of EXPORT_FORMATS) {
      const output = format.reads === 'input' ? format.build(input, options) : format.build(data, options);
      const written = output.files.map((file) => (typeof file.content === 'string' ? file.content : file.content.join('')));
      expect(written, format.id).toEqual(texts[format.id]());
    }
    expect(EXPORT_FORMATS.map((format) => format.id).sort()).toEqual(Object.keys(texts).sort());
  });
});
