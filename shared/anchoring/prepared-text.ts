import { isWhiteSpaceUnit } from '../text/white-space';
import { createOffsetConverter, type OffsetConverter } from './code-points';

/**
 * Re-imported articles often differ only in whitespace (a double space, a re-wrapped line), which
 * must not count as an edit. Fuzzy matching therefore runs on a copy of the text in which every run
 * of whitespace is one space, with a table back to the original offsets.
 */

/** JavaScript `\s`: spaces, tabs, line breaks, NBSP and the other Unicode space separators. */
const WHITESPACE_RUN = /\s+/g;

/** A whitespace-collapsed copy of a text and where each of its characters came from. */
export interface NormalizedText {
  readonly text: string;
  /**
   * `starts[i]` is the UTF-16 index in the original text where normalised character `i` begins;
   * `starts[text.length]` is the original length, so a normalised range `[s, e)` maps back to
   * `[starts[s], starts[e])`, which swallows whole whitespace runs at its edges.
   */
  readonly starts: Int32Array;
}

/** `text` with each run of whitespace replaced by one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE_RUN, ' ');
}

/** Collapses whitespace runs in `source`, keeping the map back to original UTF-16 offsets. */
export function normalizeWhitespace(source: string): NormalizedText {
  const text = collapseWhitespace(source);
  const starts = new Int32Array(text.length + 1);
  let out = 0;
  for (let i = 0; i < source.length; i++) {
    starts[out++] = i;
    if (isWhiteSpaceUnit(source.charCodeAt(i))) {
      while (i + 1 < source.length && isWhiteSpaceUnit(source.charCodeAt(i + 1))) i++;
    }
  }
  starts[text.length] = source.length;
  return { text, starts };
}

/** The normalised index of the character that covers original UTF-16 `index`. */
export function toNormalizedIndex(normalized: NormalizedText, index: number): number {
  const { starts } = normalized;
  let lo = 0;
  let hi = starts.length - 1;
  // Largest i with starts[i] <= index: starts ascends strictly.
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((starts[mid] ?? Infinity) <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A text prepared once for anchoring many highlights: its offset converter now, its
 * whitespace-normalised copy on first use (only fuzzy matching needs it).
 */
export interface PreparedText {
  readonly text: string;
  readonly offsets: OffsetConverter;
  readonly normalized: NormalizedText;
}

/**
 * Prepares `text` for {@link anchorSelectors}; reuse the result for every highlight of one article,
 * since preparing is O(n) and anchoring a highlight that has not moved is then O(quote length).
 */
export function prepareText(text: string): PreparedText {
  let normalized: NormalizedText | undefined;
  return {
    text,
    offsets: createOffsetConverter(text),
    get normalized() {
      normalized ??= normalizeWhitespace(text);
      return normalized;
    },
  };
}
