import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState, type KeyboardEvent } from 'react';
import type { Entity } from '../../../shared/model/annotation';
import { useAppServices } from '../app/app-services';
import { loadRejectedHits } from '../db/mention-store';
import { loadEntityMentions } from '../db/mention-queries';
import type { PassageToReveal } from '../reader/reveal-passage';
import type { EntityHit } from './entity-actions';
import { KwicLine } from './EntityMentions';
import { groupByArticle } from './group-by-article';
import { hitStatus, mentionPlaceKey, type PlacedHit } from './review-hits';
import { useArticleTitles } from './use-article-titles';
import { useMentionSearch } from './use-mention-search';
import { errorMessage } from '../../../shared/text/error-message';
import { ErrorAlert } from '../dialogs/ErrorAlert';

interface ReviewQueueProps {
  entity: Entity;
  titleForPath(path: string): string | undefined;
  reveal(passage: PassageToReveal): void;
  onMessage(message: string): void;
  onClose(): void;
}

/**
 * "Find all mentions": the corpus-wide hits for the entity's names, as keyword-in-context lines
 * grouped by article, each accepted, rejected or skipped (buttons, or A / R / S on a focused line,
 * arrows to move). Nothing is tagged without an accept; each accept, and each "accept all", is
 * one undo step.
 */
export function ReviewQueue({ entity, titleForPath, reveal, onMessage, onClose }: ReviewQueueProps) {
  const { client, db, entities } = useAppServices();
  const search = useMentionSearch(entity);
  const tagged = useLiveQuery(async () => new Set((await loadEntityMentions(db, entity.id)).map(mentionPlaceKey)), [db, entity.id]);
  const rejected = useLiveQuery(async () => new Set((await loadRejectedHits(db, entity.id)).map((hit) => hit.id)), [db, entity.id]);
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const texts = useRef(new Map<string, Promise<string>>());
  const titleOf = useArticleTitles(search.hits.map((hit) => hit.articleId), titleForPath);
  const listRef = useRef<HTMLDivElement>(null);

  const statusOf = (hit: PlacedHit) => hitStatus(hit, tagged ?? new Set(), rejected ?? new Set(), skipped);
  const pending = search.hits.filter((hit) => statusOf(hit) === 'pending');

  /** The article's text, read once per review: accepting stores the words' context, so it needs the whole text. */
  function textOf(path: string): Promise<string> {
    let text = texts.current.get(path);
    if (!text) {
      text = client.request('corpus.read', { path }).then((result) => {
        if (!result.ok) throw new Error(result.error.message);
        return result.value.text;
      });
      texts.current.set(path, text);
    }
    return text;
  }

  async function toEntityHits(hits: readonly PlacedHit[]): Promise<EntityHit[]> {
    return Promise.all(hits.map(async ({ articleId, hit }) => ({ entityId: entity.id, articleId, text: await textOf(hit.path), span: { start: hit.start, end: hit.end } })));
  }

  function act(hits: readonly PlacedHit[], verb: 'accept' | 'reject') {
    if (hits.length === 0) return onMessage('Nothing left to review here');
    const done = verb === 'accept' ? 'Accepted' : 'Rejected';
    void toEntityHits(hits)
      .then(async (entityHits) => {
        if (verb === 'accept') await entities.actions.acceptHits(entityHits);
        else await entities.actions.rejectHits(entityHits);
      })
      .then(
        () => onMessage(`${done} ${hits.length} hit${hits.length === 1 ? '' : 's'} for “${entity.name}”`),
        (error: unknown) => onMessage(errorMessage(error)),
      );
  }

  function skip(hit: PlacedHit) {
    setSkipped((current) => new Set([...current, hit.key]));
  }

  function onLineKey(event: KeyboardEvent<HTMLLIElement>, hit: PlacedHit) {
    const lines = [...(listRef.current?.querySelectorAll<HTMLElement>('li.review-hit') ?? [])];
    const here = lines.indexOf(event.currentTarget);
    const focus = (index: number) => lines[Math.max(0, Math.min(lines.length - 1, index))]?.focus();
    const key = event.key.toLowerCase();
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (key === 'arrowdown' || key === 'arrowup') focus(here + (key === 'arrowdown' ? 1 : -1));
    else if (key === 'a') act([hit], 'accept');
    else if (key === 'r') act([hit], 'reject');
    else if (key === 's') skip(hit);
    else if (key === 'enter') reveal({ articleId: hit.articleId, start: hit.hit.startCodePoint, end: hit.hit.endCodePoint });
    else return;
    event.preventDefault();
    if (key === 'a' || key === 'r' || key === 's') focus(here + 1);
  }

  const groups = groupByArticle(search.hits, (hit) => hit.articleId, titleOf);
  return (
    <section className="review-queue" aria-label={`Review mentions of ${entity.name}`}>
      <h3>Find all mentions</h3>
      <p role="status">
        {search.state === 'searching'
          ? `Searching the corpus for ${[entity.name, ...entity.aliases].map((term) => `“${term}”`).join(', ')}… ${search.hits.length} to review so far`
          : search.state === 'failed'
            ? `The search failed: ${search.summary}`
            : `${search.summary}; ${search.hits.length} to review, the rest already tagged or rejected`}
      </p>
      <ErrorAlert message={search.problem} />
      <div className="entity-buttons">
        <button type="button" disabled={pending.length === 0} onClick={() => act(pending, 'accept')}>
          {`Accept all (${pending.length})`}
        </button>
        <button type="button" onClick={onClose}>
          {search.state === 'searching' ? 'Stop and close' : 'Close review'}
        </button>
      </div>
      <div ref={listRef}>
        {groups.map((group) => {
          const open = group.items.filter((hit) => statusOf(hit) === 'pending');
          return (
            <section key={group.articleId} aria-label={`Hits in ${group.title}`}>
              <div className="review-article">
                <h4>{`${group.title} (${group.items.length})`}</h4>
                <button type="button" disabled={open.length === 0} onClick={() => act(open, 'accept')}>
                  Accept all in this article
                </button>
              </div>
              <ul className="kwic">
                {group.items.map((hit) => {
                  const status = statusOf(hit);
                  return (
                    <li key={hit.key} className="review-hit" data-status={status} tabIndex={0} aria-label={`“${hit.hit.exact}”: ${hit.hit.left.slice(-30)} ${hit.hit.exact} ${hit.hit.right.slice(0, 30)} (${status})`} onKeyDown={(event) => onLineKey(event, hit)}>
                      <button type="button" className="kwic-line" tabIndex={-1} onClick={() => reveal({ articleId: hit.articleId, start: hit.hit.startCodePoint, end: hit.hit.endCodePoint })}>
                        <KwicLine left={hit.hit.left} exact={hit.hit.exact} right={hit.hit.right} />
                      </button>
                      {status === 'pending' ? (
                        <>
                          <button type="button" tabIndex={-1} aria-label={`Accept “${hit.hit.exact}”`} onClick={() => act([hit], 'accept')}>
                            Accept
                          </button>
                          <button type="button" tabIndex={-1} aria-label={`Reject “${hit.hit.exact}”`} onClick={() => act([hit], 'reject')}>
                            Reject
                          </button>
                          <button type="button" tabIndex={-1} aria-label={`Skip “${hit.hit.exact}”`} onClick={() => skip(hit)}>
                            Skip
                          </button>
                        </>
                      ) : (
                        <span className="count">{status}</span>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}
