import { describe, expect, it } from 'vitest';
import { planPaste } from './paste-as-text';

describe('planPaste', () => {
  it('makes one paragraph per line and drops the final newline', () => {
    expect(planPaste('Goma fell.\r\nKigali denied it.\n', null)).toEqual({ paragraphs: ['Goma fell.', 'Kigali denied it.'], citeTitle: null });
  });

  it('cites the article when the text is the passage last copied from it, whatever the spacing', () => {
    const copied = { text: 'Rwanda denies  allegations\nfrom Congo', articleTitle: 'UN experts on M23' };
    expect(planPaste('Rwanda denies allegations from Congo', copied)).toEqual({ paragraphs: ['Rwanda denies allegations from Congo'], citeTitle: 'UN experts on M23' });
    expect(planPaste('Something else', copied).citeTitle).toBeNull();
  });
});
