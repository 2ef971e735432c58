import type { AnnotationRecord } from '../model/annotation';
import { createOffsetConverter, type OffsetConverter } from '../anchoring/code-points';
import { articlesByPath, indexExport, orphansOf, placedAnnotations, type ExportArticle, type ExportIndex, type ExportInput, type PlacedAnnotation } from './export-input';

/*
 * What every format derives from the same input, derived once: the lookups, the articles in path
 * order, and per article its offset converter, its placed annotations in text order (with their
 * words and UTF-16 offsets) and its orphans. Exporting to several formats prepares once and hands
 * the result to each; a format given a plain input prepares it itself.
 */

export interface PreparedArticle {
  article: ExportArticle;
  converter: OffsetConverter;
  /** Anchored annotations in text order (see `placedAnnotations`). */
  placed: PlacedAnnotation[];
  /** Annotations not found in the current text, by id. */
  orphans: AnnotationRecord[];
}

export interface ExportPreparation {
  index: ExportIndex;
  /** In path order, the order every format lists articles in. */
  articles: PreparedArticle[];
}

/** An export input with its preparation: usable wherever an `ExportInput` is. */
export interface PreparedExport extends ExportInput {
  readonly preparation: ExportPreparation;
}

function isPrepared(input: ExportInput): input is PreparedExport {
  return 'preparation' in input;
}

/** Prepares `input` for serialising (an input prepared already is returned as it is). */
export function prepareExport(input: ExportInput): PreparedExport {
  if (isPrepared(input)) return input;
  const index = indexExport(input);
  const articles = articlesByPath(input.articles).map((article): PreparedArticle => {
    const converter = createOffsetConverter(article.text);
    return { article, converter, placed: placedAnnotations(article, index, converter), orphans: orphansOf(article, index) };
  });
  return { ...input, preparation: { index, articles } };
}

/** The preparation of `input`, made now unless it came prepared. */
export function preparationOf(input: ExportInput): ExportPreparation {
  return prepareExport(input).preparation;
}
