import { describe, expect, it } from 'vitest';
import { rejectedHitId } from '../../../shared/model/annotation';
import { ArticleId, EntityId } from '../../../shared/model/ids';
import type { MentionHit } from '../../../shared/model/mention';
import { hitStatus, hitsToPropose } from './review-hits';

const KAGAME = EntityId.parse('kagame');
const A = ArticleId.parse('article-a');
const B = ArticleId.parse('article-b');

function hit(start: number, exact: string): MentionHit {
  return { path: 'a.txt', start, end: start + exact.length, startCodePoint: start, endCodePoint: start + exact.length, term: exact, exact, left: '', right: '', line: 0 };
}

describe('hitsToPropose', () => {
  it('leaves out places already tagged (or inside a tagged mention) or rejected, and a shorter match inside a longer one', () => {
    const incoming = [
      { articleId: A, hit: hit(10, 'Paul Kagame') },
      { articleId: A, hit: hit(15, 'Kagame') },
      { articleId: A, hit: hit(200, 'Kagame') },
      { articleId: B, hit: hit(40, '@PaulKagame') },
      { articleId: B, hit: hit(90, 'Kagame') },
    ];
    const tagged = new Map([[A as string, [[195, 206] as const]]]);
    const rejected = new Set([rejectedHitId(KAGAME, B, 90, 96)]);
    expect(hitsToPropose(KAGAME, incoming, tagged, rejected).map(({ articleId, hit: { exact, start } }) => `${articleId}:${start}:${exact}`)).toEqual([
      'article-a:10:Paul Kagame',
      'article-b:40:@PaulKagame',
    ]);
  });
});

describe('hitStatus', () => {
  it('follows what is stored, then what was skipped', () => {
    const [proposed] = hitsToPropose(KAGAME, [{ articleId: A, hit: hit(10, 'Kagame') }], new Map(), new Set());
    if (!proposed) throw new Error('nothing proposed');
    const none = new Set<string>();
    expect(hitStatus(proposed, none, none, none)).toBe('pending');
    expect(hitStatus(proposed, none, none, new Set([proposed.key]))).toBe('skipped');
    expect(hitStatus(proposed, none, new Set([proposed.key]), none)).toBe('rejected');
    expect(hitStatus(proposed, new Set([proposed.key]), none, none)).toBe('accepted');
  });
});
