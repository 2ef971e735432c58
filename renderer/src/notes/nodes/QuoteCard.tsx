import { useLiveQuery } from 'dexie-react-hooks';
import { useAppServices } from '../../app/app-services';
import { getAnnotation } from '../../db/annotation-packs';
import { useNoteServices } from '../note-services';
import type { QuoteCardPayload } from './QuoteCardNode';

/** How a card's highlight stands now. */
export type QuoteCardStatus = 'loading' | 'placed' | 'orphan' | 'deleted';

/** The face of a quote card: the quoted passage, its article, and whether its highlight still stands. */
export function QuoteCard({ card, nodeKey }: { card: QuoteCardPayload; nodeKey: string }) {
  const { db } = useAppServices();
  const services = useNoteServices();
  const status: QuoteCardStatus = useLiveQuery(
    async () => {
      const annotation = await getAnnotation(db, card.annotationId);
      if (!annotation) return 'deleted';
      return annotation.anchor.status === 'orphan' ? 'orphan' : 'placed';
    },
    [db, card.annotationId],
    'loading',
  );
  return (
    <figure className={`quote-card quote-card-${status}`} data-node-key={nodeKey}>
      <button type="button" className="quote-card-open" aria-label={`Show the quoted passage in ${card.articleTitle}`} onClick={() => services.revealQuote(card)}>
        <blockquote>{card.quote}</blockquote>
        <figcaption>{card.articleTitle}</figcaption>
      </button>
      {status === 'deleted' && <p className="quote-card-status">The highlight was deleted; the quote is kept here.</p>}
      {status === 'orphan' && <p className="quote-card-status">The highlight is orphaned: its words are no longer in the article.</p>}
    </figure>
  );
}
