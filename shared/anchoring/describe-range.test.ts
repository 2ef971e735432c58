import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codePointLength, createOffsetConverter } from './code-points';
import { describeRange } from './describe-range';
import { AnchorSelectors } from './selectors';

const corpusDir = new URL('../../corpus/', import.meta.url);
function article(prefix: string): string {
  const name = readdirSync(corpusDir).find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`corpus has no article ${prefix}`);
  return readFileSync(new URL(name, corpusDir), 'utf8');
}

describe('describeRange', () => {
  const kagame = article('000');

  it('stores the quote with 32 code points of context each side and the position', () => {
    const start = kagame.indexOf('Members of the Congolese armed forces');
    const end = start + 'Members of the Congolese armed forces surrendered'.length;
    expect(describeRange(kagame, { start, end })).toEqual({
      quote: {
        type: 'TextQuoteSelector',
        exact: 'Members of the Congolese armed forces surrendered',
        prefix: 'ALSO READ: M23 rebels capture Goma, call for calm\n'.slice(-32),
        suffix: ' to the rebels and handed over t',
      },
      position: { type: 'TextPositionSelector', start, end },
    });
  });

  it('keeps shorter context at the edges of the text', () => {
    const first = describeRange(kagame, { start: 0, end: 9 });
    expect([first.quote.exact, first.quote.prefix, first.quote.suffix]).toEqual(['President', '', ' Paul Kagame on Wednesday, Janua']);
    const length = codePointLength(kagame);
    const last = describeRange(kagame, { start: length - 9, end: length });
    expect([last.quote.exact, last.quote.suffix, last.quote.prefix.length]).toEqual(['conflict.', '', 32]);
  });

  it('counts positions and context in code points, whole emoji and astral characters included', () => {
    const text = `👍🏽 Shared by 👨‍👩‍👧‍👦 in 𠮷田: ${kagame.slice(0, 200)}`;
    const chars = Array.from(text);
    const start = chars.indexOf('P');
    const selectors = describeRange(text, { start, end: start + 14 });
    expect(selectors.quote.exact).toBe('President Paul');
    expect(selectors.quote.prefix).toBe(chars.slice(0, start).join(''));
    expect(codePointLength(selectors.quote.prefix)).toBe(start);
    expect(selectors.position).toEqual({ type: 'TextPositionSelector', start: 28, end: 42 });
    expect(text.indexOf('President')).toBe(35);
  });

  it('produces selectors that the stored schema accepts', () => {
    expect(AnchorSelectors.parse(describeRange(kagame, { start: 10, end: 20 }))).toEqual(describeRange(kagame, { start: 10, end: 20 }));
  });

  it('rejects empty, reversed, fractional and out-of-range ranges with a RangeError', () => {
    const length = codePointLength(kagame);
    for (const range of [
      { start: 5, end: 5 },
      { start: 9, end: 4 },
      { start: 1.5, end: 4 },
      { start: -1, end: 4 },
      { start: length - 1, end: length + 1 },
    ]) {
      expect(() => describeRange(kagame, range)).toThrow(RangeError);
    }
  });

  it('reuses a converter built for the same text and refuses one built for another', () => {
    const offsets = createOffsetConverter(kagame);
    expect(describeRange(kagame, { start: 0, end: 9 }, offsets).quote.exact).toBe('President');
    expect(() => describeRange(article('001'), { start: 0, end: 9 }, offsets)).toThrow(RangeError);
  });
});
