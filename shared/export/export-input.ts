import type { AnnotationRecord, Entity, EntityType, LegendEntry } from '../model/annotation';
import type { ArticleId } from '../model/ids';
import type { NoteRecord } from '../model/note';
import { createOffsetConverter, type OffsetConverter } from '../anchoring/code-points';

/*
 * What every export format reads: the articles with their canonical text and the metadata the user
 * sees (derived, then corrected), and the research made on them. Gathered by the renderer (Dexie +
 * `corpus.read`), serialised here by pure functions, written to disk by main.
 */

/** The metadata shown for an article: the user's corrections over what was derived from its text. */
export interface ExportArticleMeta {
  title: string;
  source: string;
  author: string;
  date: string;
  url: string;
}

export interface ExportArticle {
  id: ArticleId;
  /** Relative to the corpus root, forward slashes. */
  path: string;
  /** The canonical text all offsets count code points of. */
  text: string;
  meta: ExportArticleMeta;
}

export interface ExportInput {
  /** The project's name (the corpus folder's), shown in report titles. */
  projectName: string;
  articles: readonly ExportArticle[];
  annotations: readonly AnnotationRecord[];
  legend: readonly LegendEntry[];
  entities: readonly Entity[];
  entityTypes: readonly EntityType[];
  notes: readonly NoteRecord[];
}

/** An annotation that is anchored in its article's current text, with the words it covers. */
export interface PlacedAnnotation {
  record: AnnotationRecord;
  /** Code points of the canonical text, half-open. */
  start: number;
  end: number;
  /** `start` and `end` as UTF-16 indexes of the text. */
  utf16Start: number;
  utf16End: number;
  /** The words at `start..end` in the current text. */
  quote: string;
}

/** Lookups every format needs, built once per export. */
export interface ExportIndex {
  legendById: ReadonlyMap<string, LegendEntry>;
  entityById: ReadonlyMap<string, Entity>;
  typeById: ReadonlyMap<string, EntityType>;
  annotationsByArticle: ReadonlyMap<string, AnnotationRecord[]>;
}

export function indexExport(input: ExportInput): ExportIndex {
  const annotationsByArticle = new Map<string, AnnotationRecord[]>();
  for (const annotation of input.annotations) {
    const list = annotationsByArticle.get(annotation.articleId);
    if (list) list.push(annotation);
    else annotationsByArticle.set(annotation.articleId, [annotation]);
  }
  return {
    legendById: new Map(input.legend.map((entry) => [entry.id, entry])),
    entityById: new Map(input.entities.map((entity) => [entity.id, entity])),
    typeById: new Map(input.entityTypes.map((type) => [type.id, type])),
    annotationsByArticle,
  };
}

/**
 * The article's annotations that are anchored in its text, in text order (start, then longer
 * first, then id, so that the order never depends on storage order). Orphans are left out: they
 * have no place in the text; `orphansOf` lists them.
 */
export function placedAnnotations(article: ExportArticle, index: ExportIndex, converter: OffsetConverter = createOffsetConverter(article.text)): PlacedAnnotation[] {
  const placed: PlacedAnnotation[] = [];
  for (const record of index.annotationsByArticle.get(article.id) ?? []) {
    const { start, end } = record.anchor;
    if (record.anchor.status === 'orphan' || end > converter.codePointLength) continue;
    const utf16Start = converter.toUtf16(start);
    const utf16End = converter.toUtf16(end);
    placed.push({ record, start, end, utf16Start, utf16End, quote: article.text.slice(utf16Start, utf16End) });
  }
  return placed.sort((a, b) => a.start - b.start || b.end - a.end || compareStrings(a.record.id, b.record.id));
}

/** The article's annotations that could not be placed in its current text, by id. */
export function orphansOf(article: ExportArticle, index: ExportIndex): AnnotationRecord[] {
  return (index.annotationsByArticle.get(article.id) ?? []).filter((record) => record.anchor.status === 'orphan').sort((a, b) => compareStrings(a.id, b.id));
}

/** Code-unit order, the same in every locale and runtime (unlike `localeCompare`). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Articles by path, so that exports list them in the order the library does, whatever the input order. */
export function articlesByPath(articles: readonly ExportArticle[]): ExportArticle[] {
  return [...articles].sort((a, b) => compareStrings(a.path, b.path));
}

/** What an annotation means, in words: its colour's name, or its entity's name and type. */
export function describeAnnotation(record: AnnotationRecord, index: ExportIndex): { label: string; entity?: Entity; type?: EntityType } {
  if (record.kind === 'highlight') return { label: index.legendById.get(record.legendId)?.name ?? 'Highlight' };
  const entity = index.entityById.get(record.entityId);
  const type = entity ? index.typeById.get(entity.typeId) : undefined;
  return { label: entity?.name ?? 'Unknown entity', ...(entity ? { entity } : {}), ...(type ? { type } : {}) };
}
