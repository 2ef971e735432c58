import { MentionRecord, RejectedHit, rejectedHitId } from '../../../shared/model/annotation';
import type { AnnotationId, ArticleId, EntityId } from '../../../shared/model/ids';
import { allAnnotationRows, annotationRowsByIds, mentionRowsOfEntity, storedAnnotationIds } from './annotation-packs';
import { describeIssues } from './describe-invalid-row';
import { change, restoreRows, type EntityChangeSet } from './entity-change-set';
import { EntityError, requireEntity } from './entity-rules';
import { entityWriteTables } from './mention-count-store';
import type { WorkbenchDb } from './workbench-db';

/*
 * Mentions as entities see them: tagging (accepting hits), untagging, rejecting hits, counting.
 * Mentions are stored with highlights, packed by article (`annotation-packs.ts`); rows that fail validation are passed
 * over and left stored.
 */

/** How often an entity is mentioned, in all and per article. */
export interface MentionCount {
  total: number;
  byArticle: Map<ArticleId, number>;
}

/** A search hit the user rejected, before the store gives it its id and time. */
export type HitToReject = Omit<RejectedHit, 'id' | 'createdAt'>;

/**
 * Stores new mentions in one transaction, except where the same entity is already tagged on the
 * same stretch of the same article (accepting a hit twice tags it once). A rejection of that
 * same hit is withdrawn. Returns, for each input, the mention now standing there (the new one or
 * the one already stored), and the change set that undoes the write.
 * Throws an {@link EntityError} when a mention is invalid or its entity does not exist.
 */
export async function addMentions(db: WorkbenchDb, input: readonly MentionRecord[]): Promise<{ mentions: MentionRecord[]; changes: EntityChangeSet }> {
  const valid = input.map((record) => {
    const parsed = MentionRecord.safeParse(record);
    if (!parsed.success) throw new EntityError('invalid-mention', `Refusing to store an invalid mention: ${describeIssues(parsed.error)}`);
    return parsed.data;
  });
  return db.transaction('rw', entityWriteTables(db), async () => {
    const entityIds = [...new Set(valid.map((mention) => mention.entityId))];
    for (const id of entityIds) await requireEntity(db, id);
    const stored = new Map<string, MentionRecord>();
    for (const id of entityIds) for (const mention of await mentionsOf(db, id)) stored.set(placeOf(mention), mention);
    const added: MentionRecord[] = [];
    const mentions = valid.map((mention) => {
      const standing = stored.get(placeOf(mention));
      if (standing) return standing;
      stored.set(placeOf(mention), mention);
      added.push(mention);
      return mention;
    });
    // Ids are fresh UUIDs; a clash means a caller bug, and writing anyway would replace a highlight.
    const taken = await storedAnnotationIds(db, added.map((mention) => mention.id));
    const clashing = added.find((mention) => taken.has(mention.id));
    if (clashing) throw new EntityError('invalid-mention', `An annotation with id “${clashing.id}” already exists`);
    const withdrawn = await db.rejectedHits.bulkGet(
      added.map(({ entityId, articleId, anchor }) => rejectedHitId(entityId, articleId, anchor.start, anchor.end)),
    );
    const changes: EntityChangeSet = {
      entities: [],
      mentions: added.map((mention) => change(mention.id, undefined, mention)),
      rejectedHits: withdrawn.flatMap((row) => {
        const parsed = RejectedHit.safeParse(row);
        return parsed.success ? [change(parsed.data.id, parsed.data, undefined)] : [];
      }),
    };
    await restoreRows(db, changes, 'after');
    return { mentions, changes };
  });
}

/** Deletes the given mentions (ids that are not mentions are ignored); returns the change set that undoes it. */
export async function removeMentions(db: WorkbenchDb, ids: readonly AnnotationId[]): Promise<EntityChangeSet> {
  return db.transaction('rw', entityWriteTables(db), async () => {
    const rows = await annotationRowsByIds(db, [...new Set(ids)]);
    const changes: EntityChangeSet = { entities: [], mentions: [], rejectedHits: [] };
    for (const row of rows) {
      const parsed = MentionRecord.safeParse(row);
      if (parsed.success) changes.mentions.push(change(parsed.data.id, parsed.data, undefined));
    }
    await restoreRows(db, changes, 'after');
    return changes;
  });
}

/**
 * Records search hits as not being mentions of their entity, so the next search leaves them out.
 * A hit rejected before keeps its first rejection. Returns the change set that undoes it.
 * Throws an {@link EntityError} when a hit is invalid or its entity does not exist.
 */
export async function rejectHits(db: WorkbenchDb, hits: readonly HitToReject[]): Promise<EntityChangeSet> {
  const now = Date.now();
  const rows = hits.map((hit) => {
    const parsed = RejectedHit.safeParse({ ...hit, id: rejectedHitId(hit.entityId, hit.articleId, hit.start, hit.end), createdAt: now });
    if (!parsed.success) throw new EntityError('invalid-hit', `Refusing to store an invalid rejection: ${describeIssues(parsed.error)}`);
    return parsed.data;
  });
  const unique = [...new Map(rows.map((row) => [row.id, row])).values()];
  return db.transaction('rw', entityWriteTables(db), async () => {
    for (const id of new Set(unique.map((row) => row.entityId))) await requireEntity(db, id);
    const existing = await db.rejectedHits.bulkGet(unique.map((row) => row.id));
    const changes: EntityChangeSet = {
      entities: [],
      mentions: [],
      rejectedHits: unique.filter((_, i) => existing[i] === undefined).map((row) => change(row.id, undefined, row)),
    };
    await restoreRows(db, changes, 'after');
    return changes;
  });
}

/**
 * How many mentions each entity has, in all and per article, in one pass over every annotation.
 * Reads them all: the entity index reads the stored totals instead (`mention-count-store.ts`).
 */
export async function mentionCounts(db: WorkbenchDb): Promise<Map<EntityId, MentionCount>> {
  const counts = new Map<EntityId, MentionCount>();
  for (const row of await allAnnotationRows(db)) {
    if (typeof row !== 'object' || row === null) continue;
    const { kind, entityId, articleId } = row as { kind?: unknown; entityId?: unknown; articleId?: unknown };
    if (kind !== 'mention' || typeof entityId !== 'string' || typeof articleId !== 'string') continue;
    let count = counts.get(entityId as EntityId);
    if (!count) counts.set(entityId as EntityId, (count = { total: 0, byArticle: new Map() }));
    count.total += 1;
    count.byArticle.set(articleId as ArticleId, (count.byArticle.get(articleId as ArticleId) ?? 0) + 1);
  }
  return counts;
}

export async function mentionsOf(db: WorkbenchDb, entityId: EntityId): Promise<MentionRecord[]> {
  const rows = await mentionRowsOfEntity(db, entityId);
  return rows.flatMap((row) => {
    const parsed = MentionRecord.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The hits rejected for an entity, valid rows only, for a search to leave out. */
export async function loadRejectedHits(db: WorkbenchDb, entityId: EntityId): Promise<RejectedHit[]> {
  const rows: unknown[] = await db.rejectedHits.where('entityId').equals(entityId).toArray();
  return rows.flatMap((row) => {
    const parsed = RejectedHit.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

export /** Where a mention stands now: its anchor, or what was selected when anchoring lost it. */
function placeOf(mention: MentionRecord): string {
  const { start, end } = mention.anchor.status === 'orphan' ? mention.target.position : mention.anchor;
  return rejectedHitId(mention.entityId, mention.articleId, start, end);
}
