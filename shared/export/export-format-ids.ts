/** The export formats, in the order the Export dialog lists them (their serialisers: `export-formats.ts`). */
export const EXPORT_FORMAT_IDS = ['markdown', 'w3c', 'brat', 'csv', 'conll', 'archive'] as const;
export type ExportFormatId = (typeof EXPORT_FORMAT_IDS)[number];
