import { anchorSelectors } from '../anchoring/anchor-selectors';
import { describeRange } from '../anchoring/describe-range';
import { prepareText, type PreparedText } from '../anchoring/prepared-text';
import type { AnchorResult, AnchorSelectors } from '../anchoring/selectors';
import { readWebAnnotations, type ReadAnnotation } from './web-annotation-read';
import type { AnnotationRecord, Entity, EntityType, LegendEntry } from '../model/annotation';
import { AnnotationId, type ArticleId, type EntityId, type EntityTypeId } from '../model/ids';
import { pathFromSourceIri } from './web-annotation';

/*
 * Attaching W3C Web Annotations (from this app or another tool) to this project's articles: by the
 * target's `source` when it names an article's path, else by finding the quote in the articles.
 * Each one is then anchored like any other annotation (exact, moved, fuzzy or orphan), its colour
 * found by the name of its tagging body and its entity by Wikidata id or name (a new entity is
 * made when none matches). Pure: the caller supplies the texts and the registry, and writes the
 * result in one transaction.
 */

export interface ImportArticle {
  id: ArticleId;
  path: string;
  text: string;
}

export interface WebImportContext {
  articles: readonly ImportArticle[];
  legend: readonly LegendEntry[];
  entities: readonly Entity[];
  entityTypes: readonly EntityType[];
  /** Ids of annotations already in the project: an annotation with one of these is skipped. */
  existingAnnotationIds: ReadonlySet<string>;
  now: number;
  newAnnotationId: () => AnnotationId;
  newEntityId: () => EntityId;
}

export interface WebImportResult {
  annotations: AnnotationRecord[];
  /** Entities the imported mentions needed that the registry did not have. */
  newEntities: Entity[];
  /** Imported, but not found in the article's current text. */
  orphans: number;
  /** Not imported: no article of the project holds their source or their quote. */
  unmatched: Array<{ source: string; quote: string }>;
  /** Not imported: already in the project (same id). */
  skipped: number;
  /** Attached by finding the quote, because the source named no article of the project. */
  matchedByQuote: number;
}

export type { ReadAnnotation };
export { readWebAnnotations };

function lower(text: string): string {
  return text.trim().toLocaleLowerCase();
}

/** How many characters of `a`'s end and `b`'s start agree with `before`'s end and `after`'s start. */
function contextScore(text: string, at: number, length: number, prefix: string, suffix: string): number {
  let score = 0;
  while (score < prefix.length && at - score - 1 >= 0 && text[at - score - 1] === prefix[prefix.length - score - 1]) score++;
  let after = 0;
  while (after < suffix.length && text[at + length + after] === suffix[after]) after++;
  return score + after;
}

/**
 * The verbatim occurrence of the quote whose context agrees best with the selectors' prefix and
 * suffix (the first on a tie), as a code point range; null when the words are not in the text.
 * Used when the selectors come from a tool whose positions cannot be trusted here.
 */
function locateQuote(doc: PreparedText, selectors: AnchorSelectors): { start: number; end: number; score: number } | null {
  const { exact, prefix, suffix } = selectors.quote;
  let best: { at: number; score: number } | null = null;
  for (let at = doc.text.indexOf(exact), seen = 0; at >= 0 && seen < MAX_OCCURRENCES; at = doc.text.indexOf(exact, at + 1), seen++) {
    const score = contextScore(doc.text, at, exact.length, prefix, suffix);
    if (!best || score > best.score) best = { at, score };
  }
  if (!best) return null;
  const start = doc.offsets.toCodePoint(best.at);
  return { start, end: doc.offsets.toCodePoint(best.at + exact.length, 'ceil'), score: best.score };
}

const MAX_OCCURRENCES = 10_000;

/** Anchors like any other annotation; when that fails but the words are there verbatim, at the occurrence whose context fits best. */
function anchorImported(doc: PreparedText, selectors: AnchorSelectors): AnchorResult {
  const anchor = anchorSelectors(doc, selectors);
  if (anchor.status !== 'orphan') return anchor;
  const found = locateQuote(doc, selectors);
  return found ? { status: 'moved', start: found.start, end: found.end, confidence: 1 } : anchor;
}

function findArticle(read: ReadAnnotation, context: WebImportContext, prepared: (article: ImportArticle) => PreparedText): { article: ImportArticle; byQuote: boolean } | null {
  const path = pathFromSourceIri(read.source);
  const byPath = context.articles.find((article) => article.path === path || article.path === read.source);
  if (byPath) return { article: byPath, byQuote: false };
  let best: { article: ImportArticle; score: number } | null = null;
  for (const article of context.articles) {
    if (!article.text.includes(read.selectors.quote.exact)) continue;
    const found = locateQuote(prepared(article), read.selectors);
    if (found && (!best || found.score > best.score)) best = { article, score: found.score };
  }
  return best ? { article: best.article, byQuote: true } : null;
}

/** Attaches annotations read from a W3C file to the project described by `context`. */
export function importWebAnnotations(read: readonly ReadAnnotation[], context: WebImportContext): WebImportResult {
  const result: WebImportResult = { annotations: [], newEntities: [], orphans: 0, unmatched: [], skipped: 0, matchedByQuote: 0 };
  const legendByName = new Map(context.legend.map((entry) => [lower(entry.name), entry]));
  const fallbackLegend = [...context.legend].sort((a, b) => a.order - b.order)[0];
  const typeByName = new Map(context.entityTypes.map((type) => [lower(type.name), type]));
  const fallbackType = [...context.entityTypes].sort((a, b) => a.order - b.order)[0];
  const entities = [...context.entities];
  const preparedTexts = new Map<string, PreparedText>();
  const prepared = (article: ImportArticle): PreparedText => {
    let doc = preparedTexts.get(article.id);
    if (!doc) {
      doc = prepareText(article.text);
      preparedTexts.set(article.id, doc);
    }
    return doc;
  };
  const taken = new Set(context.existingAnnotationIds);

  const entityFor = (wanted: NonNullable<ReadAnnotation['entity']>): Entity | null => {
    const found =
      (wanted.wikidataId ? entities.find((entity) => entity.externalId === wanted.wikidataId) : undefined) ??
      entities.find((entity) => lower(entity.name) === lower(wanted.name) || entity.aliases.some((alias) => lower(alias) === lower(wanted.name)));
    if (found) return found;
    const type = (wanted.typeName ? typeByName.get(lower(wanted.typeName)) : undefined) ?? fallbackType;
    if (!type) return null;
    const entity: Entity = { id: context.newEntityId(), typeId: type.id as EntityTypeId, name: wanted.name.slice(0, 200), aliases: [], description: '', externalId: wanted.wikidataId ?? '', createdAt: context.now, updatedAt: context.now };
    entities.push(entity);
    result.newEntities.push(entity);
    return entity;
  };

  for (const item of read) {
    if (item.id && taken.has(item.id)) {
      result.skipped++;
      continue;
    }
    const match = findArticle(item, context, prepared);
    if (!match) {
      result.unmatched.push({ source: item.source, quote: item.selectors.quote.exact });
      continue;
    }
    if (match.byQuote) result.matchedByQuote++;
    const { article } = match;
    const doc = prepared(article);
    const anchor = anchorImported(doc, item.selectors);
    const target = anchor.status === 'orphan' ? item.selectors : describeRange(article.text, anchor, doc.offsets);
    if (anchor.status === 'orphan') result.orphans++;
    const id = item.id ? AnnotationId.parse(item.id) : context.newAnnotationId();
    taken.add(id);
    const base = { id, articleId: article.id, comment: item.comment, target, anchor, createdAt: item.created ?? context.now, updatedAt: item.modified ?? context.now };
    const entity = item.entity ? entityFor(item.entity) : null;
    if (entity) {
      result.annotations.push({ ...base, kind: 'mention', entityId: entity.id });
    } else {
      const legend = (item.tag ? legendByName.get(lower(item.tag)) : undefined) ?? fallbackLegend;
      if (!legend) continue;
      result.annotations.push({ ...base, kind: 'highlight', legendId: legend.id });
    }
  }
  return result;
}

