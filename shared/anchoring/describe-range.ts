import { createOffsetConverter, type OffsetConverter } from './code-points';
import { CONTEXT_LENGTH, type AnchorSelectors } from './selectors';

/** A half-open range `[start, end)` in code points of a text. */
export interface CodePointRange {
  start: number;
  end: number;
}

/**
 * Describes a range of `text` with the selectors a highlight stores: its position, and its words
 * with up to {@link CONTEXT_LENGTH} code points of context either side (fewer at the text's edges).
 *
 * Pass `offsets` (built for this same text) when describing many ranges, to skip rescanning it.
 * @throws RangeError when the range is empty, reversed, not integral or outside the text; callers
 * validate user selections before describing them, so a bad range here is a bug.
 */
export function describeRange(
  text: string,
  range: CodePointRange,
  offsets: OffsetConverter = createOffsetConverter(text),
): AnchorSelectors {
  if (offsets.text !== text) throw new RangeError('offsets were built for a different text');
  const { start, end } = range;
  const length = offsets.codePointLength;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > length || start >= end) {
    throw new RangeError(`range ${start}..${end} is empty or outside 0..${length}`);
  }
  const slice = (from: number, to: number): string =>
    text.slice(offsets.toUtf16(from), offsets.toUtf16(to));

  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: slice(start, end),
      prefix: slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: slice(end, Math.min(length, end + CONTEXT_LENGTH)),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
