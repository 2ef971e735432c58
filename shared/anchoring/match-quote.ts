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
 * At most this share of a quote may ever differ for a candidate to be considered; anything
 * further apart is another passage, however well its context fits.
 */
export const MAX_ERROR_RATE = 0.25;

/**
 * How far (in characters) from its old start a match counts as near. An edited quote is looked for
 * there first, since most edits that move a quote insert or remove a paragraph or two, and
 * searching 2 KB instead of 50 KB is what keeps anchoring a whole article after an edit in the
 * tens of milliseconds; a match farther away must clearly beat the near ones to win.
 */
export const NEAR_DISTANCE = 1024;

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

/** Occurrences of `quote`, character for character, in `text`. */
export function findExactCandidates(text: string, quote: string): Candidate[] {
  return findAll(text, quote).map((start) => ({ start, end: start + quote.length, errors: 0 }));
}

/** Maps matches in the normalised text back to distinct candidates in the original. */
function toCandidates(doc: PreparedText, quote: string, matches: readonly Match[]): Candidate[] {
  const { starts } = doc.normalized;
  // An approximate match may take in a space the quote does not have; a highlight must not.
  const trimStart = !/^\s/.test(quote);
  const trimEnd = !/\s$/.test(quote);
  const unique = new Map<string, Candidate>();
  for (const match of matches) {
    let start = starts[match.start] ?? doc.text.length;
    let end = starts[match.end] ?? doc.text.length;
    while (trimStart && start < end && /\s/.test(doc.text.charAt(start))) start++;
    while (trimEnd && end > start && /\s/.test(doc.text.charAt(end - 1))) end--;
    const key = `${start}:${end}`;
    const seen = unique.get(key);
    if (end > start && (!seen || seen.errors > match.errors)) unique.set(key, { start, end, errors: match.errors });
  }
  return [...unique.values()];
}

/** Occurrences of `quote` that differ from it in whitespace only (`errors` 0). */
export function findCollapsedOccurrences(doc: PreparedText, quote: string): Candidate[] {
  const pattern = collapseWhitespace(quote);
  const starts = findAll(doc.normalized.text, pattern);
  return toCandidates(doc, quote, starts.map((start) => ({ start, end: start + pattern.length, errors: 0 })));
}

/** Characters at each end of a quote that {@link resemblesNear} looks for verbatim. */
const TELLTALE_LENGTH = 16;

/**
 * Whether the (whitespace-collapsed) first or last {@link TELLTALE_LENGTH} characters of `quote`
 * occur within {@link NEAR_DISTANCE} of UTF-16 index `hint`. A copy near the old position that
 * could beat a verbatim one far away differs from the quote by a few edits at most, so one of its
 * ends is almost always intact; checking that first spares the approximate search when a long
 * insertion above has moved every highlight far from its old position (measured: 300 highlights
 * after a 2.4 KB insertion took 64 ms without this check and 24 ms with it).
 */
export function resemblesNear(doc: PreparedText, quote: string, hint: number): boolean {
  const pattern = collapseWhitespace(quote);
  const near = toNormalizedIndex(doc.normalized, Math.min(hint, doc.text.length));
  const window = doc.normalized.text.slice(Math.max(0, near - NEAR_DISTANCE), near + pattern.length + NEAR_DISTANCE);
  return window.includes(pattern.slice(0, TELLTALE_LENGTH)) || window.includes(pattern.slice(-TELLTALE_LENGTH));
}

/**
 * The best approximate matches of `quote` within {@link NEAR_DISTANCE} of UTF-16 index `hint` (its
 * old start). approx-string-match reports only the matches with the fewest errors in the text it
 * is given, so searching the neighbourhood on its own keeps an edited quote in place from being
 * hidden by a better match elsewhere; it is also far cheaper than searching the whole text.
 */
export function findNear(doc: PreparedText, quote: string, hint: number, maxErrors: number): Candidate[] {
  if (maxErrors < 1) return [];
  const pattern = collapseWhitespace(quote);
  const near = toNormalizedIndex(doc.normalized, Math.min(hint, doc.text.length));
  const from = near - NEAR_DISTANCE - maxErrors;
  const to = near + pattern.length + NEAR_DISTANCE + maxErrors;
  return toCandidates(doc, quote, searchWithin(doc.normalized.text, from, to, pattern, maxErrors));
}

/**
 * The best approximate matches of `quote` anywhere in the text, with at most `maxErrors` edits.
 *
 * Long quotes need no special path. Measured on 50 KB: a 2,000-character quote allowing 268 edits
 * takes 6–8 ms, because Myers' algorithm (with Ukkonen's cut-off) only works hard where the text
 * resembles the quote; locating it first by three 64-character probes and verifying around their
 * hits took as long (7.5 ms), and no less when the quote's paragraphs recur through the text.
 */
export function findAnywhere(doc: PreparedText, quote: string, maxErrors: number): Candidate[] {
  if (maxErrors < 1) return [];
  return toCandidates(doc, quote, search(doc.normalized.text, collapseWhitespace(quote), maxErrors));
}
