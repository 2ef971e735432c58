import type { AnnotationRecord } from '../model/annotation';
import { describeAnnotation, type ExportInput } from './export-input';
import { preparationOf } from './prepared-export';

/*
 * Entity mentions as CSV (RFC 4180: comma separated, CRLF line ends, fields with a comma, quote or
 * line break in double quotes, quotes doubled), one row per mention in article then text order.
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula:
 * such text fields get a leading apostrophe (OWASP's advice), so a quote such as "=HYPERLINK(...)"
 * shows as written and never runs. Offsets are code points, like every other format.
 */

export interface MentionsCsvOptions {
  /** Start with a UTF-8 byte order mark, which Excel needs to read the file as UTF-8. */
  bom?: boolean;
  /** Code points of context each side of the mention (default 40). */
  contextLength?: number;
}

export const MENTIONS_CSV_HEADER = ['entity', 'type', 'wikidata', 'article', 'title', 'start', 'end', 'quote', 'left_context', 'right_context', 'comment'] as const;

/** What makes a cell need a formula guard or quotes: a formula or space start, a quote, comma or line break, a space end. */
const NEEDS_CARE = /^[=+\-@\s]|[",\r\n]|\s$/;

/** A text cell, quoted when needed and neutralised when a spreadsheet would read it as a formula. */
export function csvText(value: string): string {
  // Most cells need nothing: one test instead of three (it matches whenever any of them would).
  if (!NEEDS_CARE.test(value)) return value;
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || /^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Serialises the entity mentions of `input` as CSV text. */
export function toMentionsCsv(input: ExportInput, options: MentionsCsvOptions = {}): string {
  const contextLength = options.contextLength ?? 40;
  const { index, articles } = preparationOf(input);
  // Rows are joined article by article, so that their pieces die young.
  const chunks: string[] = [MENTIONS_CSV_HEADER.join(',')];
  // The entity's three cells (name, type, Wikidata id), made once per entity.
  const cellsByEntity = new Map<string, string>();
  const entityCells = (record: AnnotationRecord): string => {
    const key = record.kind === 'mention' ? record.entityId : '';
    let cells = cellsByEntity.get(key);
    if (cells === undefined) {
      const { label, entity, type } = describeAnnotation(record, index);
      cells = `${csvText(label)},${csvText(type?.name ?? '')},${csvText(entity?.externalId ?? '')}`;
      cellsByEntity.set(key, cells);
    }
    return cells;
  };
  for (const { article, converter, placed } of articles) {
    const rows: string[] = [];
    // The same two cells on every row of the article.
    const articleCells = `${csvText(article.path)},${csvText(article.meta.title)}`;
    const slice = (a: number, b: number) => article.text.slice(converter.toUtf16(a), converter.toUtf16(b));
    for (const { record, start, end, quote } of placed) {
      if (record.kind !== 'mention') continue;
      const left = slice(Math.max(0, start - contextLength), start);
      const right = slice(end, Math.min(converter.codePointLength, end + contextLength));
      rows.push(`${entityCells(record)},${articleCells},${start},${end},${csvText(quote)},${csvText(left)},${csvText(right)},${csvText(record.comment)}`);
    }
    if (rows.length > 0) chunks.push(rows.join('\r\n'));
  }
  return `${options.bom ? '\uFEFF' : ''}${chunks.join('\r\n')}\r\n`;
}
