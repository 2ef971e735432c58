import { z } from 'zod';
import { ARCHIVE_FORMAT_NAME, ARCHIVE_FORMAT_VERSION, ARCHIVE_TABLES, ProjectArchive, rowKey, type ArchiveTable, type ProjectData } from './archive-schema';
import { isPlainAnnotationRow } from './annotation-row-check';
import { AnnotationRecord } from '../model/annotation';
import { canonicalJson, canonicalJsonPieces } from './canonical-json';
import { compareStrings } from './export-input';
import { errorMessage } from '../text/error-message';

export { canonicalJson };

/*
 * Writing and reading the project archive. The bytes are deterministic: tables in a fixed order,
 * rows sorted by key, object keys sorted, one row per line, and no export timestamp. So the same
 * research always gives the same file, and export → wipe → import → export is byte-identical.
 */

/** The rows in key order, each key read once (not twice per comparison); ties keep their order. */
function sortedByKey<Row extends { id?: string; path?: string }>(table: ArchiveTable, rows: readonly Row[]): Row[] {
  const keyed = rows.map((row) => ({ key: rowKey(table, row), row }));
  keyed.sort((a, b) => compareStrings(a.key, b.key));
  return keyed.map(({ row }) => row);
}

/** Serialises a project's data as an archive (UTF-8 JSON text ending with a newline). */
export function toProjectArchive(data: ProjectData): string {
  return projectArchivePieces(data).join('');
}

/**
 * {@link toProjectArchive}'s text in pieces, in order: the archive format writes them one after
 * another and never joins them (26 million characters for 50,000 annotations).
 */
export function projectArchivePieces(data: ProjectData): string[] {
  const pieces = ['{\n', `"format":${JSON.stringify(ARCHIVE_FORMAT_NAME)},\n`, `"formatVersion":${ARCHIVE_FORMAT_VERSION},\n`];
  ARCHIVE_TABLES.forEach((table, t) => {
    const rows = sortedByKey(table, data[table] as ReadonlyArray<{ id?: string; path?: string }>);
    const end = t === ARCHIVE_TABLES.length - 1 ? '' : ',';
    if (rows.length === 0) {
      pieces.push(`${JSON.stringify(table)}:[]${end}\n`);
      return;
    }
    pieces.push(`${JSON.stringify(table)}:[\n`, ...canonicalJsonPieces(rows, ',\n'), `\n]${end}\n`);
  });
  pieces.push('}\n');
  return pieces;
}

export type ArchiveProblemCode = 'empty' | 'truncated' | 'malformed' | 'not-an-archive' | 'newer-version' | 'invalid-row' | 'duplicate-id' | 'unknown-reference';

/** Why an archive cannot be imported: one specific problem, in words for the status bar. */
export class ArchiveProblem extends Error {
  constructor(
    readonly code: ArchiveProblemCode,
    message: string,
  ) {
    super(message);
    this.name = 'ArchiveProblem';
  }
}

function parseJson(text: string): unknown {
  if (text.trim().length === 0) throw new ArchiveProblem('empty', 'The file is empty.');
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = errorMessage(error);
    // V8 says "Unexpected end of JSON input" or "Unterminated string", or names a position at the
    // very end, when the text stops early; anywhere else, the JSON is broken in its middle.
    const position = /at position (\d+)/.exec(detail);
    const atEnd = position !== null && Number(position[1]) >= text.trimEnd().length;
    if (/end of JSON input|Unterminated/i.test(detail) || atEnd) {
      throw new ArchiveProblem('truncated', `The file ends too early (it may have been cut off while copying): ${detail}`);
    }
    throw new ArchiveProblem('malformed', `The file is not valid JSON: ${detail}`);
  }
}

/** The archive schema with its annotations already checked by {@link isPlainAnnotationRow}. */
const ArchiveWithCheckedAnnotations = ProjectArchive.extend({ annotations: z.array(z.unknown()) });

function describeIssuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
}

function checkDuplicates(archive: ProjectArchive): void {
  for (const table of ARCHIVE_TABLES) {
    const seen = new Set<string>();
    for (const row of archive[table] as ReadonlyArray<{ id?: string; path?: string }>) {
      const key = rowKey(table, row);
      if (seen.has(key)) throw new ArchiveProblem('duplicate-id', `The archive has two ${table} rows with the ${table === 'articleMeta' ? 'path' : 'id'} "${key}".`);
      seen.add(key);
    }
  }
}

function checkReferences(archive: ProjectArchive): void {
  const articles = new Set(archive.articles.map((row) => row.id as string));
  const entities = new Set(archive.entities.map((row) => row.id as string));
  const types = new Set(archive.entityTypes.map((row) => row.id as string));
  const legend = new Set(archive.legend.map((row) => row.id as string));
  const unknown = (what: string, id: string, by: string) => new ArchiveProblem('unknown-reference', `${by} refers to ${what} "${id}", which is not in the archive.`);
  for (const entity of archive.entities) if (!types.has(entity.typeId)) throw unknown('the entity type', entity.typeId, `Entity "${entity.name}"`);
  for (const row of archive.annotations) {
    if (!articles.has(row.articleId)) throw unknown('the article', row.articleId, `Annotation ${row.id}`);
    if (row.kind === 'mention' && !entities.has(row.entityId)) throw unknown('the entity', row.entityId, `Mention ${row.id}`);
    if (row.kind === 'highlight' && !legend.has(row.legendId)) throw unknown('the legend colour', row.legendId, `Highlight ${row.id}`);
  }
  for (const hit of archive.rejectedHits) {
    if (!articles.has(hit.articleId)) throw unknown('the article', hit.articleId, `Rejected hit ${hit.id}`);
    if (!entities.has(hit.entityId)) throw unknown('the entity', hit.entityId, `Rejected hit ${hit.id}`);
  }
}

/** The JSON of an archive's text, once its format and version are ones this build reads. */
function archiveJson(text: string): Record<string, unknown> {
  const json = parseJson(text);
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== ARCHIVE_FORMAT_NAME) {
    throw new ArchiveProblem('not-an-archive', 'This file is not a Research Workbench project archive (it has no "format": "research-workbench-archive").');
  }
  const version = (json as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > ARCHIVE_FORMAT_VERSION) {
    throw new ArchiveProblem('newer-version', `This archive was written by a newer version of the app (format ${version}; this version reads up to ${ARCHIVE_FORMAT_VERSION}). Update the app to import it.`);
  }
  return json as Record<string, unknown>;
}

/** `json`'s rows checked against the archive schema, its annotations (already checked) taken as they are. */
function checkedRows(json: Record<string, unknown>, annotations: unknown[] | null): ProjectArchive {
  const parsed = annotations ? ArchiveWithCheckedAnnotations.safeParse(json) : ProjectArchive.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ArchiveProblem('invalid-row', `The archive has an invalid entry at ${issue ? describeIssuePath(issue.path) : 'its top level'}: ${issue?.message ?? 'unknown problem'}.`);
  }
  return (annotations ? { ...parsed.data, annotations } : parsed.data) as ProjectArchive;
}

/** `row` as a one-row list when it is a valid annotation (as zod returns it), else an empty one. */
function soundAnnotation(row: unknown): unknown[] {
  if (isPlainAnnotationRow(row)) return [row];
  const parsed = AnnotationRecord.safeParse(row);
  return parsed.success ? [parsed.data] : [];
}

/**
 * An archive's text as rows, each checked against its schema (format and version too), but not
 * against each other: what an export reads of the project the renderer sends (an export must not
 * refuse a project whose rows an import would). A damaged annotation (the app stores them
 * unvalidated, and opening an older project keeps damaged ones rather than lose them) is left
 * out and counted, not refused: the formats are built from the rest, while the archive, written
 * as the text sent, keeps it for an import to report. Any other invalid row is refused.
 * @throws ArchiveProblem with the first problem found.
 */
export function readArchiveRows(text: string): { archive: ProjectArchive; damagedAnnotations: number } {
  const json = archiveJson(text);
  const rows = json.annotations;
  if (!Array.isArray(rows)) return { archive: checkedRows(json, null), damagedAnnotations: 0 };
  // Well-formed rows (the bulk of an archive) skip zod; any other is checked by zod, row by row.
  const sound = rows.every(isPlainAnnotationRow) ? rows : rows.flatMap(soundAnnotation);
  return { archive: checkedRows(json, sound), damagedAnnotations: rows.length - sound.length };
}

/**
 * Reads an archive's text, checking everything before anything is imported: JSON, format,
 * version, every row against its schema, unique ids per table, and references between tables.
 * @throws ArchiveProblem with the first problem found.
 */
export function parseProjectArchive(text: string): ProjectArchive {
  const json = archiveJson(text);
  // Well-formed annotation rows (the bulk of an archive) skip zod; any other row makes zod check the
  // whole archive, so a problem is still reported as zod words it, at the same place.
  const rows = json.annotations;
  const archive = checkedRows(json, Array.isArray(rows) && rows.every(isPlainAnnotationRow) ? rows : null);
  checkDuplicates(archive);
  checkReferences(archive);
  return archive;
}

export type { ArchiveTable };
