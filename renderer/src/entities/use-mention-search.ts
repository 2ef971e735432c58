import { useEffect, useState } from 'react';
import type { Entity } from '../../../shared/model/annotation';
import type { ArticleId } from '../../../shared/model/ids';
import type { MentionHit } from '../../../shared/model/mention';
import { useAppServices } from '../app/app-services';
import { resolveArticleId } from '../db/article-registry';
import { loadRejectedHits } from '../db/mention-store';
import { loadEntityMentions } from '../db/mention-queries';
import { hitsToPropose, taggedRanges, type PlacedHit } from './review-hits';
import { errorMessage } from '../../../shared/text/error-message';

/** A corpus-wide search for an entity's names while it runs and once it is done. */
export interface MentionSearch {
  hits: PlacedHit[];
  state: 'searching' | 'done' | 'failed';
  /** What the search reported when it finished (or why it failed). */
  summary: string;
  /** Why some hits are missing, if any are. */
  problem?: string;
}

/**
 * Searches the corpus (in main) for the entity's name and aliases, as the review queue needs it:
 * hits stream in per article, those already tagged or rejected are left out, and the search is
 * cancelled when the queue closes before it finishes.
 */
export function useMentionSearch(entity: Entity): MentionSearch {
  const { client, db } = useAppServices();
  const [search, setSearch] = useState<MentionSearch>({ hits: [], state: 'searching', summary: '' });
  const terms = [entity.name, ...entity.aliases].join('\n');

  useEffect(() => {
    const searchId = globalThis.crypto.randomUUID();
    let finished = false;
    let cancelled = false;
    setSearch({ hits: [], state: 'searching', summary: '' });
    // What the entity already has, read once: accepting during this review must not hide hits.
    const known = Promise.all([loadEntityMentions(db, entity.id), loadRejectedHits(db, entity.id)]).then(([mentions, rejected]) => ({
      tagged: taggedRanges(mentions),
      rejected: new Set(rejected.map((hit) => hit.id)),
    }));
    const articleIds = new Map<string, Promise<ArticleId>>();
    const articleIdOf = (path: string) => {
      let id = articleIds.get(path);
      if (!id) articleIds.set(path, (id = resolveArticleId(db, { path, sha256: '' }, new Set())));
      return id;
    };
    let pending = Promise.resolve();
    // Events and the request's answer travel apart (an event stream and a response in browser
    // mode), so the last batches can arrive after the answer: done means both are in.
    let received = 0;
    let expected: { articlesSearched: number; hits: number; elapsedMs: number } | null = null;
    const finishIfComplete = () => {
      if (cancelled || !expected || received < expected.hits) return;
      const { articlesSearched, hits, elapsedMs } = expected;
      setSearch((current) => ({ ...current, state: 'done', summary: `${hits} match${hits === 1 ? '' : 'es'} (${articlesSearched} article${articlesSearched === 1 ? '' : 's'} searched in ${Math.round(elapsedMs)} ms)` }));
    };
    const unsubscribe = client.subscribe('corpus.mentionsFound', (event) => {
      if (event.searchId !== searchId) return;
      // Batches are placed one after another, so hits keep the order main sent them in.
      pending = pending.then(async () => {
        const { tagged, rejected } = await known;
        const placed: Array<{ articleId: ArticleId; hit: MentionHit }> = [];
        for (const hit of event.hits) placed.push({ articleId: await articleIdOf(hit.path), hit });
        const proposed = hitsToPropose(entity.id, placed, tagged, rejected);
        if (!cancelled && proposed.length > 0) setSearch((current) => ({ ...current, hits: [...current.hits, ...proposed] }));
        received += event.hits.length;
        finishIfComplete();
      }).catch((error: unknown) => {
        // One article that cannot be placed must not stop the hits of the others.
        console.error('Could not place search hits', error);
        if (!cancelled) setSearch((current) => ({ ...current, problem: `Some hits could not be placed: ${errorMessage(error)}` }));
        received += event.hits.length;
        finishIfComplete();
      });
    });
    void client.request('corpus.findMentions', { searchId, terms: terms.split('\n'), includeBoilerplate: false }).then((result) => {
      finished = true;
      if (cancelled) return;
      if (!result.ok) return setSearch((current) => ({ ...current, state: 'failed', summary: result.error.message }));
      expected = result.value;
      void pending.then(finishIfComplete);
    });
    return () => {
      cancelled = true;
      unsubscribe();
      if (!finished) void client.request('corpus.cancelSearch', { searchId });
    };
  }, [client, db, entity.id, terms]);

  return search;
}
