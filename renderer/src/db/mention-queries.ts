import { Entity, MentionRecord } from '../../../shared/model/annotation';
import type { ArticleId, EntityId } from '../../../shared/model/ids';
import { annotationRowsOfArticle, mentionRowsOfEntity } from './annotation-packs';
import type { WorkbenchDb } from './workbench-db';

/*
 * Read-only queries over mentions, for painting and for the Entities tab. Invalid rows are passed
 * over (the entity store reports and keeps them).
 */

/** The mentions of one article with the entities they name (a mention whose entity is gone is left out). */
export async function loadArticleMentions(db: WorkbenchDb, articleId: ArticleId): Promise<{ mentions: MentionRecord[]; entities: Map<EntityId, Entity> }> {
  const rows = await annotationRowsOfArticle(db, articleId);
  const mentions = parseMentions(rows);
  const ids = [...new Set(mentions.map((mention) => mention.entityId))];
  const entities = new Map<EntityId, Entity>();
  for (const row of (await db.entities.bulkGet(ids)) as unknown[]) {
    const parsed = Entity.safeParse(row);
    if (parsed.success) entities.set(parsed.data.id, parsed.data);
  }
  return { mentions: mentions.filter((mention) => entities.has(mention.entityId)), entities };
}

/** The mentions of one entity, in article then text order. */
export async function loadEntityMentions(db: WorkbenchDb, entityId: EntityId): Promise<MentionRecord[]> {
  const rows = await mentionRowsOfEntity(db, entityId);
  return parseMentions(rows).sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : placeStart(a) - placeStart(b)));
}

/** Where a mention starts in code points: its anchor, or what was selected when anchoring lost it. */
export function placeStart(mention: MentionRecord): number {
  return mention.anchor.status === 'orphan' ? mention.target.position.start : mention.anchor.start;
}

function parseMentions(rows: readonly unknown[]): MentionRecord[] {
  return rows.flatMap((row) => {
    if (typeof row !== 'object' || row === null || (row as { kind?: unknown }).kind !== 'mention') return [];
    const parsed = MentionRecord.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}
