import { codePointLength } from './code-points';
import { collapseWhitespace } from './prepared-text';
import { CONTEXT_LENGTH } from './selectors';

/**
 * How much UTF-16 text either side of a candidate to read for its context: room for
 * {@link CONTEXT_LENGTH} code points even when they are astral and whitespace has to collapse.
 */
export const CONTEXT_WINDOW = CONTEXT_LENGTH * 4;

/**
 * Edit distance (insertions, deletions, substitutions of UTF-16 units) between two short strings.
 * approx-string-match finds a pattern *inside* a text; comparing a stored context with the text
 * actually beside a candidate needs the whole-string distance, and for strings of ~32 characters
 * the textbook two-row table is the simplest correct tool.
 */
export function editDistance(a: string, b: string): number {
  if (a.length < b.length) return editDistance(b, a);
  let previous = Int32Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const unit = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (unit === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}

/** 1 for equal strings, 0 for entirely different ones: one minus the edit distance per character. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

/**
 * How well the text beside a candidate agrees with the stored prefix or suffix, ignoring
 * whitespace differences. `actual` is the raw text before the candidate (for a prefix) or after
 * it (for a suffix), {@link CONTEXT_WINDOW} units or up to the text's edge.
 *
 * A stored context shorter than {@link CONTEXT_LENGTH} records that the quote sat at the text's
 * edge, so it is compared with a full-length window: text that has since appeared there counts as
 * disagreement, rather than being cut off unseen.
 */
export function contextSimilarity(stored: string, actual: string, side: 'prefix' | 'suffix'): number {
  const atEdge = codePointLength(stored) < CONTEXT_LENGTH;
  // Most candidates of a moved highlight have their context intact: skip the edit distance.
  const verbatim = side === 'prefix' ? actual.endsWith(stored) : actual.startsWith(stored);
  if (verbatim && (!atEdge || actual.length === stored.length)) return 1;
  const expected = collapseWhitespace(stored);
  const found = collapseWhitespace(actual);
  const length = atEdge ? Math.max(expected.length, CONTEXT_LENGTH) : expected.length;
  const beside = side === 'prefix' ? found.slice(Math.max(0, found.length - length)) : found.slice(0, length);
  return similarity(expected, beside);
}
