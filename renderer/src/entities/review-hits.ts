import type { MentionRecord } from '../../../shared/model/annotation';
import { rejectedHitId } from '../../../shared/model/annotation';
import type { ArticleId, EntityId } from '../../../shared/model/ids';
import type { MentionHit } from '../../../shared/model/mention';

/** A search hit placed in the registry: the article it is in, by id. */
export interface PlacedHit {
  /** One per entity and place: the id a rejection of it is stored under. */
  key: string;
  articleId: ArticleId;
  hit: MentionHit;
}

export type HitStatus = 'pending' | 'accepted' | 'rejected' | 'skipped';

/** Where a mention of `entityId` stands, keyed as a rejection of the same place would be. */
export function mentionPlaceKey(mention: MentionRecord): string {
  const { start, end } = mention.anchor.status === 'orphan' ? mention.target.position : mention.anchor;
  return rejectedHitId(mention.entityId, mention.articleId, start, end);
}

/** Where an entity's mentions stand, per article, in code points: what a new search must not propose again. */
export function taggedRanges(mentions: readonly MentionRecord[]): Map<string, Array<[number, number]>> {
  const ranges = new Map<string, Array<[number, number]>>();
  for (const mention of mentions) {
    const { start, end } = mention.anchor.status === 'orphan' ? mention.target.position : mention.anchor;
    const list = ranges.get(mention.articleId) ?? [];
    list.push([start, end]);
    ranges.set(mention.articleId, list);
  }
  return ranges;
}

/**
 * The hits worth proposing: not on or inside words the entity already tags, not rejected before, each
 * place once (a name and an alias can both match the same words: the longer match wins, so
 * "Paul Kagame" is proposed rather than "Kagame" inside it).
 */
export function hitsToPropose(
  entityId: EntityId,
  incoming: ReadonlyArray<{ articleId: ArticleId; hit: MentionHit }>,
  tagged: ReadonlyMap<string, ReadonlyArray<readonly [number, number]>>,
  rejected: ReadonlySet<string>,
): PlacedHit[] {
  const placed = incoming.map(({ articleId, hit }) => ({ key: rejectedHitId(entityId, articleId, hit.startCodePoint, hit.endCodePoint), articleId, hit }));
  const kept: PlacedHit[] = [];
  const byArticle = new Map<string, PlacedHit[]>();
  for (const candidate of [...placed].sort((a, b) => b.hit.end - b.hit.start - (a.hit.end - a.hit.start))) {
    const { startCodePoint: start, endCodePoint: end } = candidate.hit;
    if (rejected.has(candidate.key) || tagged.get(candidate.articleId)?.some(([from, to]) => from < end && start < to)) continue;
    const others = byArticle.get(candidate.articleId) ?? [];
    if (others.some((other) => other.hit.start < candidate.hit.end && candidate.hit.start < other.hit.end)) continue;
    others.push(candidate);
    byArticle.set(candidate.articleId, others);
    kept.push(candidate);
  }
  return kept.sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.hit.start - b.hit.start));
}

/** A proposed hit's status now: accepted or rejected as stored (so undo shows at once), or skipped for this review. */
export function hitStatus(hit: PlacedHit, tagged: ReadonlySet<string>, rejected: ReadonlySet<string>, skipped: ReadonlySet<string>): HitStatus {
  if (tagged.has(hit.key)) return 'accepted';
  if (rejected.has(hit.key)) return 'rejected';
  return skipped.has(hit.key) ? 'skipped' : 'pending';
}
