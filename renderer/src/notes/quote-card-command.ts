import { createCommand, type LexicalCommand } from 'lexical';
import type { QuoteCardPayload } from './nodes/QuoteCardNode';

/**
 * Inserts a quote card: at the caret when the note has one (`'selection'`), else at the end.
 * Its own module so that the notes panel can send it without loading the editor's code, which
 * loads only when an editor is shown.
 */
export const INSERT_QUOTE_CARD_COMMAND: LexicalCommand<{ card: QuoteCardPayload; at: 'selection' | 'end' }> = createCommand('INSERT_QUOTE_CARD_COMMAND');
