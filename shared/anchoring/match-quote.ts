import search, { type Match } from 'approx-string-match';
import { collapseWhitespace, toNormalizedIndex, type PreparedText } from './prepared-text';

/** A place where a quote may now be: UTF-16 offsets into the original (not normalised) text. */
export interface Candidate {
  start: number;
  end: number;
  /** Edits between the whitespace-collapsed quote and the whitespace-collapsed text here. */
  errors: number;
}

/**
 * At most this share of a quote may differ for a candidate to be considered at all; anything
 * further apart is an other passage, however well its context fits.
 */
export const MAX_ERROR_RATE = 0.25;

/**
 * approx-string-match costs O(n · k / 32) for k allowed errors; above this length a quote is
 * located by three short probes and only verified in full near their hits (see `searchLongQuote`).
 */
const LONG_QUOTE_LENGTH = 256;
const PROBE_LENGTH = 64;
/** Limits work on a pathological text (a probe found hundreds of times); real articles stay far below. */
const MAX_PROBE_HITS = 16;

/** Every start index of `needle` in `haystack`, overlapping occurrences included. */
export function findAll(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    found.push(at);
  }
  return found;
}

function searchWithin(text: string, from: number, to: number, pattern: string, maxErrors: number): Match[] {
  const lo = Math.max(0, from);
  return search(text.slice(lo, Math.min(text.length, to)), pattern, maxErrors).map((match) => ({
    start: match.start + lo,
    end: match.end + lo,
    errors: match.errors,
  }));
}

/**
 * Searching a 2,000-character quote with 500 allowed errors over a long article is tens of
 * milliseconds; a 64-character probe with 16 errors is about one. Any candidate within the
 * error budget keeps at least one of head, middle and tail nearly intact, unless its edits are
 * spread across all three, so the probes' hits say where to run the full, exact-cost search.
 */
function searchLongQuote(text: string, pattern: string, maxErrors: number): Match[] {
  const probeErrors = Math.floor(PROBE_LENGTH * MAX_ERROR_RATE);
  const probeOffsets = [0, (pattern.length - PROBE_LENGTH) >> 1, pattern.length - PROBE_LENGTH];
  const windows: Array<[number, number]> = [];
  for (const offset of probeOffsets) {
    const probe = pattern.slice(offset, offset + PROBE_LENGTH);
    for (const hit of search(text, probe, probeErrors).slice(0, MAX_PROBE_HITS)) {
      const impliedStart = hit.start - offset;
      windows.push([impliedStart - maxErrors, impliedStart + pattern.length + maxErrors]);
    }
  }
  windows.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const window of windows) {
    const last = merged.at(-1);
    if (last && window[0] <= last[1]) last[1] = Math.max(last[1], window[1]);
    else merged.push(window);
  }
  return merged.flatMap(([from, to]) => searchWithin(text, from, to, pattern, maxErrors));
}

/** Occurrences of `quote`, character for character, in `text`. */
export function findExactCandidates(text: string, quote: string): Candidate[] {
  return findAll(text, quote).map((start) => ({ start, end: start + quote.length, errors: 0 }));
}

/**
 * Candidates for `quote` in the whitespace-normalised text, allowing up to {@link MAX_ERROR_RATE}
 * of it to differ. approx-string-match reports only the matches with the fewest errors in the
 * whole text, so the neighbourhood of `hint` (the old start, as a UTF-16 index) is also searched
 * on its own: an edited quote in place must not lose to a closer copy somewhere else unseen.
 */
export function findFuzzyCandidates(doc: PreparedText, quote: string, hint: number): Candidate[] {
  const { text: normalized, starts } = doc.normalized;
  const pattern = collapseWhitespace(quote);
  const maxErrors = Math.floor(pattern.length * MAX_ERROR_RATE);
  const spans: Match[] = findAll(normalized, pattern).map((start) => ({
    start,
    end: start + pattern.length,
    errors: 0,
  }));
  if (maxErrors > 0) {
    if (spans.length === 0) {
      spans.push(
        ...(pattern.length > LONG_QUOTE_LENGTH
          ? searchLongQuote(normalized, pattern, maxErrors)
          : search(normalized, pattern, maxErrors)),
      );
    }
    const near = toNormalizedIndex(doc.normalized, Math.min(hint, doc.text.length));
    const slack = maxErrors + PROBE_LENGTH;
    spans.push(...searchWithin(normalized, near - slack, near + pattern.length + slack, pattern, maxErrors));
  }

  // An approximate match may take in a space the quote does not have; a highlight must not.
  const trimStart = !/^\s/.test(quote);
  const trimEnd = !/\s$/.test(quote);
  const unique = new Map<string, Candidate>();
  for (const span of spans) {
    let start = starts[span.start] ?? doc.text.length;
    let end = starts[span.end] ?? doc.text.length;
    while (trimStart && start < end && /\s/.test(doc.text.charAt(start))) start++;
    while (trimEnd && end > start && /\s/.test(doc.text.charAt(end - 1))) end--;
    const key = `${start}:${end}`;
    const seen = unique.get(key);
    if (end > start && (!seen || seen.errors > span.errors)) unique.set(key, { start, end, errors: span.errors });
  }
  return [...unique.values()];
}
