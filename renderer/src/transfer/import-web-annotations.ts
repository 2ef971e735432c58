import type { HostClient } from '../../../shared/contract/host-client';
import { importWebAnnotations, readWebAnnotations, type ImportArticle, type WebImportResult } from '../../../shared/export/web-annotation-import';
import type { CorpusListing } from '../../../shared/model/article';
import { ArticleId, newAnnotationId, newEntityId } from '../../../shared/model/ids';
import { resolveArticleId } from '../db/article-registry';
import { addAnnotations, allAnnotationIds } from '../db/annotation-packs';
import { countImportedMentions } from '../db/mention-count-store';
import type { WorkbenchDb } from '../db/workbench-db';

export interface WebImportReport {
  result: WebImportResult;
  summary: string;
}

const PLACEHOLDER = 'unregistered:';

/**
 * Imports W3C Web Annotations: reads the file (a `WebAnnotationProblem` names what is wrong),
 * reads the corpus's texts, attaches and anchors each annotation, then writes the annotations and
 * any new entities in one transaction. Articles it attaches to are registered first, as opening
 * them would.
 */
export async function importWebAnnotationFile(db: WorkbenchDb, client: HostClient, listing: CorpusListing, text: string): Promise<WebImportReport> {
  const read = readWebAnnotations(text);
  const registry = await db.articles.toArray();
  const idByPath = new Map(registry.filter((row) => row.path !== '').map((row) => [row.path, row.id]));
  const readable = listing.articles.filter((summary) => summary.readable);
  const articles: ImportArticle[] = [];
  for (const summary of readable) {
    const content = await client.request('corpus.read', { path: summary.path });
    if (content.ok) articles.push({ id: idByPath.get(summary.path) ?? ArticleId.parse(`${PLACEHOLDER}${summary.path}`), path: summary.path, text: content.value.text });
  }
  const [legend, entities, entityTypes, existing] = await Promise.all([db.legend.toArray(), db.entities.toArray(), db.entityTypes.toArray(), allAnnotationIds(db)]);
  const result = importWebAnnotations(read, { articles, legend, entities, entityTypes, existingAnnotationIds: new Set(existing), now: Date.now(), newAnnotationId, newEntityId });

  const livePaths = new Set(readable.map((summary) => summary.path));
  const realIds = new Map<string, ArticleId>();
  for (const annotation of result.annotations) {
    if (!annotation.articleId.startsWith(PLACEHOLDER) || realIds.has(annotation.articleId)) continue;
    const path = annotation.articleId.slice(PLACEHOLDER.length);
    realIds.set(annotation.articleId, await resolveArticleId(db, { path, sha256: listing.articles.find((s) => s.path === path)?.sha256 ?? '' }, livePaths));
  }
  const annotations = result.annotations.map((row) => ({ ...row, articleId: realIds.get(row.articleId) ?? row.articleId }));
  await db.transaction('rw', [db.annotationPacks, db.entities, db.paintSnapshots, db.entityMentionCounts, db.entityIndexSnapshots], async () => {
    await db.entities.bulkAdd(result.newEntities);
    await addAnnotations(db, annotations);
    await countImportedMentions(db, annotations, false);
    await db.paintSnapshots.bulkDelete([...new Set(annotations.map((row) => row.articleId))]);
  });
  const parts = [`${annotations.length} annotations imported`];
  if (result.orphans > 0) parts.push(`${result.orphans} not found in the current text (kept as orphans)`);
  if (result.matchedByQuote > 0) parts.push(`${result.matchedByQuote} matched to an article by their quote`);
  if (result.newEntities.length > 0) parts.push(`${result.newEntities.length} new entities`);
  if (result.skipped > 0) parts.push(`${result.skipped} already in the project`);
  if (result.unmatched.length > 0) parts.push(`${result.unmatched.length} matched no article and were not imported`);
  return { result: { ...result, annotations }, summary: parts.join('; ') };
}
