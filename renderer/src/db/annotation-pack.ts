import type { ArticleId } from '../../../shared/model/ids';

/*
 * The stored shape of annotations since schema version 6: rows ("packs") of up to PACK_SIZE
 * annotations of one article. IndexedDB's cost is per record: in this headless Chromium, 50,000
 * annotation rows took ~3.5 s to write, the same annotations as 1,000 packs ~0.55 s with the two
 * multi-entry indexes below (`e2e/bench/idb-floor.ts`). Only this file, `annotation-packs.ts` and
 * `annotation-pack-edit.ts` know the shape; everything else reads and writes single annotations.
 */

/**
 * At most this many annotations per pack. One pack per article made creating a highlight in an
 * article with 2,000 of them rewrite all 2,000 (~70 ms, against a 16 ms budget; the bench's
 * "create a highlight"); at 50 it reads and rewrites at most 50 (a few ms more than one row
 * per annotation cost), while an import still writes one row per article for articles of up to
 * 50 annotations (issue 7's archive has 50 each). 100 measured no better than 50 within the noise
 * of a shared machine; 10 not clearly better either, and it would multiply the rows an import writes.
 */
export const PACK_SIZE = 50;

/** A pack's primary key: its article, and its number among that article's packs. */
export type PackKey = [articleId: ArticleId, chunk: number];

/** Up to {@link PACK_SIZE} annotations of one article, with the ids the indexes need derived from them. */
export interface AnnotationPack {
  /** The article every annotation in the pack belongs to; `''` holds stored rows with no readable article. */
  articleId: ArticleId;
  /** The pack's number among its article's packs (0, 1, ...; gaps where emptied packs were deleted). */
  chunk: number;
  /**
   * The annotations as stored, in id order (the order the table of one row per annotation kept,
   * so reads list them as before). Validated when written, but read back as `unknown`: a row
   * damaged by an older build or by hand is kept, and skipped by whoever reads it.
   */
  annotations: unknown[];
  /** Every annotation's id (index `*annotationIds`): finds the pack holding an annotation. */
  annotationIds: string[];
  /** The entities the pack's mentions name, each once (index `*entityIds`): finds an entity's mentions. */
  entityIds: string[];
}

/** Pack `chunk` of `articleId` holding `annotations` (sorted into id order, in place), its derived ids computed from them. */
export function buildPack(articleId: string, chunk: number, annotations: unknown[]): AnnotationPack {
  annotations.sort(byId);
  const annotationIds: string[] = [];
  const entityIds = new Set<string>();
  for (const row of annotations) {
    const id = idOfRow(row);
    if (id !== undefined) annotationIds.push(id);
    const entityId = mentionEntityOfRow(row);
    if (entityId !== undefined) entityIds.add(entityId);
  }
  return { articleId: articleId as ArticleId, chunk, annotations, annotationIds, entityIds: [...entityIds] };
}

/** Stored rows grouped by article into packs of up to {@link PACK_SIZE}, in id order. */
export function packsFromRows(rows: readonly unknown[]): AnnotationPack[] {
  const byArticle = new Map<string, unknown[]>();
  for (const row of rows) {
    const articleId = articleOfRow(row);
    const annotations = byArticle.get(articleId);
    if (annotations) annotations.push(row);
    else byArticle.set(articleId, [row]);
  }
  return [...byArticle].flatMap(([articleId, annotations]) => {
    annotations.sort(byId);
    return Array.from({ length: Math.ceil(annotations.length / PACK_SIZE) }, (_, chunk) => buildPack(articleId, chunk, annotations.slice(chunk * PACK_SIZE, (chunk + 1) * PACK_SIZE)));
  });
}

/** The keys of every pack of `articleId`, as a range of the primary key (chunks are numbers, never infinite). */
export function articlePackRange(articleId: string): [lower: PackKey, upper: PackKey] {
  return [
    [articleId as ArticleId, -Infinity],
    [articleId as ArticleId, Infinity],
  ];
}

/** A stored row's id, when it has a usable one. */
export function idOfRow(row: unknown): string | undefined {
  const id = fieldOf(row, 'id');
  return typeof id === 'string' ? id : undefined;
}

/** The pack a stored row belongs in: its article, or `''` when it has no readable one. */
export function articleOfRow(row: unknown): string {
  const articleId = fieldOf(row, 'articleId');
  return typeof articleId === 'string' ? articleId : '';
}

/** The entity a stored mention names; `undefined` for a highlight or a row without one. */
export function mentionEntityOfRow(row: unknown): string | undefined {
  const entityId = fieldOf(row, 'entityId');
  return fieldOf(row, 'kind') === 'mention' && typeof entityId === 'string' ? entityId : undefined;
}

/** Id order, as IndexedDB orders string keys (by UTF-16 code unit); rows without a usable id last. */
export function byId(a: unknown, b: unknown): number {
  const [x, y] = [idOfRow(a), idOfRow(b)];
  if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A field of a stored row that may not be an object at all. */
export function fieldOf(row: unknown, name: string): unknown {
  return typeof row === 'object' && row !== null ? (row as Record<string, unknown>)[name] : undefined;
}
