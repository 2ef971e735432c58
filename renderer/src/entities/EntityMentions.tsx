import { useLiveQuery } from 'dexie-react-hooks';
import { CONTEXT_LENGTH } from '../../../shared/anchoring/selectors';
import type { MentionRecord } from '../../../shared/model/annotation';
import type { AnnotationId, EntityId } from '../../../shared/model/ids';
import { useAppServices } from '../app/app-services';
import { loadEntityMentions } from '../db/mention-queries';
import type { PassageToReveal } from '../reader/reveal-passage';
import { groupByArticle } from './group-by-article';
import { useArticleTitles } from './use-article-titles';

interface EntityMentionsProps {
  entityId: EntityId;
  titleForPath(path: string): string | undefined;
  /** Mentions ticked to be split off into a new entity. */
  ticked: ReadonlySet<AnnotationId>;
  onTick(id: AnnotationId, ticked: boolean): void;
  onReveal(passage: PassageToReveal): void;
}

/** The chosen entity's mentions as keyword-in-context lines grouped by article; choosing one shows it in a pane. */
export function EntityMentions({ entityId, titleForPath, ticked, onTick, onReveal }: EntityMentionsProps) {
  const { db } = useAppServices();
  const mentions = useLiveQuery(() => loadEntityMentions(db, entityId), [db, entityId]);
  const titleOf = useArticleTitles(mentions?.map((mention) => mention.articleId) ?? [], titleForPath);
  if (!mentions) return null;
  if (mentions.length === 0) return <p className="entity-hint">No mentions yet.</p>;
  const groups = groupByArticle(mentions, (mention) => mention.articleId, titleOf);
  return (
    <div className="entity-mentions" role="region" aria-label="Mentions">
      {groups.map((group) => (
        <section key={group.articleId} aria-label={`${group.title}: ${group.items.length} mention${group.items.length === 1 ? '' : 's'}`}>
          <h4>
            {group.title} <span className="count">({group.items.length})</span>
          </h4>
          <ul className="kwic">
            {group.items.map((mention) => (
              <li key={mention.id}>
                <input type="checkbox" aria-label={`Tick “${mention.target.quote.exact}” to split it off`} checked={ticked.has(mention.id)} onChange={(event) => onTick(mention.id, event.target.checked)} />
                <button type="button" className="kwic-line" onClick={() => onReveal(placeOf(mention))}>
                  <KwicLine cut left={mention.target.quote.prefix} exact={mention.target.quote.exact} right={mention.target.quote.suffix} />
                  {mention.anchor.status === 'orphan' && <span className="warning"> (orphaned)</span>}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** A keyword in its context: the words either side on one line, the keyword marked. */
export function KwicLine({ left, exact, right, cut = false }: { left: string; exact: string; right: string; cut?: boolean }) {
  const flat = (text: string) => text.replace(/\s+/g, ' ');
  // Stored context is cut at a fixed length, often inside a word: show whole words only.
  if (cut && left.length >= CONTEXT_LENGTH) left = left.replace(/^\S*\s/, '… ');
  if (cut && right.length >= CONTEXT_LENGTH) right = right.replace(/\s\S*$/, ' …');
  return (
    <>
      <span className="context">{flat(left)}</span>
      <mark>{exact}</mark>
      <span className="context">{flat(right)}</span>
    </>
  );
}

function placeOf(mention: MentionRecord): PassageToReveal {
  const { start, end } = mention.anchor.status === 'orphan' ? mention.target.position : mention.anchor;
  return { articleId: mention.articleId, start, end };
}
