import { z } from 'zod';
import { AnnotationId, ArticleId } from '../../../shared/model/ids';
import type { QuoteCardPayload } from './nodes/QuoteCardNode';

/** The drag data type of a highlight dragged from the Highlights list onto a note. */
export const QUOTE_CARD_MIME = 'application/x-workbench-quote-card';

const Payload = z.object({ annotationId: AnnotationId, articleId: ArticleId, quote: z.string(), articleTitle: z.string() });

/** Puts a highlight on a drag, as text too, so dropping it elsewhere gives its words. */
export function writeQuoteCardTransfer(transfer: DataTransfer, card: QuoteCardPayload): void {
  transfer.setData(QUOTE_CARD_MIME, JSON.stringify(card));
  transfer.setData('text/plain', card.quote);
  transfer.effectAllowed = 'copy';
}

/** The highlight on a drag, or `null` when the drag carries none (or a malformed one). */
export function readQuoteCardTransfer(transfer: DataTransfer | null): QuoteCardPayload | null {
  const raw = transfer?.getData(QUOTE_CARD_MIME);
  if (!raw) return null;
  try {
    const parsed = Payload.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
