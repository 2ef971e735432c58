import { createCommand } from 'lexical';
import { describe, expect, it } from 'vitest';
import { INSERT_QUOTE_CARD_COMMAND } from './quote-card-command';

describe('INSERT_QUOTE_CARD_COMMAND', () => {
  it('is the object Lexical’s createCommand makes (written out to keep Lexical out of the first chunk)', () => {
    expect(INSERT_QUOTE_CARD_COMMAND).toEqual(createCommand('INSERT_QUOTE_CARD_COMMAND'));
  });
});
