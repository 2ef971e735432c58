import type { LexicalCommand } from 'lexical';
import type { QuoteCardPayload } from './nodes/QuoteCardNode';

/**
 * Inserts a quote card: at the caret when the note has one (`'selection'`), else at the end.
 * Its own module so that the notes panel can send it without loading the editor's code, which
 * loads only when an editor is shown. Lexical ships as one CommonJS module that bundlers cannot
 * trim, so importing even `createCommand` would pull all of it into the first chunk: the command
 * is written as the object `createCommand` returns (a test checks they stay alike).
 */
export const INSERT_QUOTE_CARD_COMMAND: LexicalCommand<{ card: QuoteCardPayload; at: 'selection' | 'end' }> = { type: 'INSERT_QUOTE_CARD_COMMAND' };
