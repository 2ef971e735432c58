import { describe, expect, it } from 'vitest';
import { AnchorResult, AnchorSelectors, TextPositionSelector } from './selectors';

const quote = { type: 'TextQuoteSelector', exact: 'Goma', prefix: 'captured ', suffix: ' city' } as const;

describe('selector schemas', () => {
  it('accept the W3C selector pair a highlight stores', () => {
    const selectors = { quote, position: { type: 'TextPositionSelector', start: 120, end: 124 } };
    expect(AnchorSelectors.safeParse(selectors)).toEqual({ success: true, data: selectors });
  });

  it('reject empty, reversed or fractional positions and an empty quote', () => {
    for (const position of [
      { type: 'TextPositionSelector', start: 4, end: 4 },
      { type: 'TextPositionSelector', start: 5, end: 4 },
      { type: 'TextPositionSelector', start: 0.5, end: 4 },
      { type: 'TextPositionSelector', start: -1, end: 4 },
    ]) {
      expect(TextPositionSelector.safeParse(position).success).toBe(false);
    }
    expect(AnchorSelectors.safeParse({ quote: { ...quote, exact: '' }, position: { type: 'TextPositionSelector', start: 0, end: 1 } }).success).toBe(false);
  });

  it('accept an orphan only with the orphan offsets, and anchored results only with a real range', () => {
    expect(AnchorResult.safeParse({ status: 'orphan', start: -1, end: -1, confidence: 0.4 }).success).toBe(true);
    expect(AnchorResult.safeParse({ status: 'orphan', start: 0, end: 4, confidence: 0.4 }).success).toBe(false);
    expect(AnchorResult.safeParse({ status: 'moved', start: 10, end: 14, confidence: 0.97 }).success).toBe(true);
    expect(AnchorResult.safeParse({ status: 'fuzzy', start: -1, end: -1, confidence: 0.8 }).success).toBe(false);
    expect(AnchorResult.safeParse({ status: 'exact', start: 10, end: 14, confidence: 1.2 }).success).toBe(false);
  });
});
