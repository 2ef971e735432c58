import { findExactCandidates, findFuzzyCandidates, MAX_ERROR_RATE, type Candidate } from './match-quote';
import { collapseWhitespace, prepareText, type PreparedText } from './prepared-text';
import { ORPHAN_OFFSET, type AnchorResult, type AnchorSelectors } from './selectors';
import { CONTEXT_WINDOW, contextSimilarity } from './text-similarity';

/** Below this confidence a highlight is an orphan: better unpainted than on the wrong words. */
export const ANCHOR_CONFIDENCE_THRESHOLD = 0.75;

/** A candidate whose quote differs more than this is never accepted, whatever its context. */
export const QUOTE_SIMILARITY_THRESHOLD = 1 - MAX_ERROR_RATE;

export interface AnchorOptions {
  /** Overrides {@link ANCHOR_CONFIDENCE_THRESHOLD}. */
  minConfidence?: number;
}

/*
 * Scoring. A candidate's confidence is `quoteSimilarity² × (1 − need × (1 − corroboration))`:
 * - quoteSimilarity: 1 − edits / quote length, on whitespace-collapsed text. Squared so that the
 *   words themselves dominate: a corrected typo (1–3 % of a sentence) barely counts, while a
 *   sentence with a swapped name (Kagame → Tshisekedi, ~14 %) scores under 0.75 whatever its
 *   context: the highlighted claim is no longer there, so it is an orphan, not a moved highlight.
 * - corroboration: 0.8 × context + 0.2 × proximity, where context is the mean of prefix and suffix
 *   similarity and proximity is 1 − |distance from the old start| / text length.
 * - need: how much the quote alone fails to prove, so how far missing corroboration lowers the
 *   score. A verbatim quote of 128+ characters proves nearly everything (need 0.1); a verbatim
 *   "Kagame" proves little (need ≈ 0.57), so another mention of the name elsewhere is rejected. An
 *   edited quote always needs at least 0.45: a similar sentence elsewhere must not inherit the
 *   highlight of a deleted one. On the corpus, unrelated 32-character contexts score 0.06–0.28
 *   (median 0.13), which leaves such impostors near 0.6, well under the threshold.
 */
const CONTEXT_SHARE = 0.8;
const SELF_EVIDENT_QUOTE_LENGTH = 128;
const MAX_NEED = 0.6;
const MIN_NEED = 0.1;
const MIN_NEED_WHEN_EDITED = 0.45;
/** Enough verbatim candidates to cover any real ambiguity; more are ranked cheaply and cut. */
const MAX_EXACT_CANDIDATES = 32;
/** Characters of context compared verbatim when ranking a flood of verbatim candidates. */
const QUICK_CONTEXT_LENGTH = 8;

interface Scored {
  start: number;
  end: number;
  confidence: number;
  distance: number;
}

function corroborationNeed(quoteLength: number, edited: boolean): number {
  const need = Math.max(MIN_NEED, MAX_NEED * (1 - Math.min(quoteLength, SELF_EVIDENT_QUOTE_LENGTH) / SELF_EVIDENT_QUOTE_LENGTH));
  return edited ? Math.max(need, MIN_NEED_WHEN_EDITED) : need;
}

function score(doc: PreparedText, selectors: AnchorSelectors, candidate: Candidate, quoteLength: number): Scored {
  const { text, offsets } = doc;
  const { quote, position } = selectors;
  const prefix = contextSimilarity(quote.prefix, text.slice(Math.max(0, candidate.start - CONTEXT_WINDOW), candidate.start), 'prefix');
  const suffix = contextSimilarity(quote.suffix, text.slice(candidate.end, candidate.end + CONTEXT_WINDOW), 'suffix');
  const context = (prefix + suffix) / 2;
  // A fuzzy match may end inside a surrogate pair: widen it to whole characters.
  const start = offsets.toCodePoint(candidate.start, 'floor');
  const end = offsets.toCodePoint(candidate.end, 'ceil');
  const distance = Math.abs(start - position.start);
  const proximity = 1 - Math.min(1, distance / Math.max(1, offsets.codePointLength));
  const corroboration = CONTEXT_SHARE * context + (1 - CONTEXT_SHARE) * proximity;
  const quoteSimilarity = 1 - candidate.errors / quoteLength;
  const need = corroborationNeed(quoteLength, candidate.errors > 0 || text.slice(candidate.start, candidate.end) !== quote.exact);
  return { start, end, distance, confidence: quoteSimilarity ** 2 * (1 - need * (1 - corroboration)) };
}

function best(scored: readonly Scored[]): Scored | undefined {
  let winner: Scored | undefined;
  for (const candidate of scored) {
    if (
      !winner ||
      candidate.confidence > winner.confidence ||
      (candidate.confidence === winner.confidence && candidate.distance < winner.distance)
    ) {
      winner = candidate;
    }
  }
  return winner;
}

/** Keeps the verbatim candidates most likely to win when a short quote occurs very often. */
function shortlist(text: string, selectors: AnchorSelectors, candidates: Candidate[]): Candidate[] {
  if (candidates.length <= MAX_EXACT_CANDIDATES) return candidates;
  const prefixTail = selectors.quote.prefix.slice(-QUICK_CONTEXT_LENGTH);
  const suffixHead = selectors.quote.suffix.slice(0, QUICK_CONTEXT_LENGTH);
  const oldStart = selectors.position.start;
  const hits = (c: Candidate): number =>
    (text.endsWith(prefixTail, c.start) ? 1 : 0) + (text.startsWith(suffixHead, c.end) ? 1 : 0);
  return candidates
    .map((c) => ({ c, hits: hits(c), distance: Math.abs(c.start - oldStart) }))
    .sort((a, b) => b.hits - a.hits || a.distance - b.distance)
    .slice(0, MAX_EXACT_CANDIDATES)
    .map(({ c }) => c);
}

/**
 * Finds where a highlight's words are in `text` now, cheapest and surest first: (a) the stored
 * position still holds the quote (`exact`); (b) the quote occurs verbatim elsewhere, the copy whose
 * context and position agree best wins (`moved`); (c) the quote is matched approximately on
 * whitespace-collapsed text (`fuzzy`); (d) otherwise, or when the best candidate scores under the
 * threshold, `orphan`. Offsets in and out are code points.
 *
 * Pass a {@link PreparedText} when anchoring many highlights on one text (see {@link anchorAll}).
 */
export function anchorSelectors(
  text: string | PreparedText,
  selectors: AnchorSelectors,
  options: AnchorOptions = {},
): AnchorResult {
  const doc = typeof text === 'string' ? prepareText(text) : text;
  const minConfidence = options.minConfidence ?? ANCHOR_CONFIDENCE_THRESHOLD;
  const { quote, position } = selectors;
  const { offsets } = doc;
  if (quote.exact.length === 0) return orphan(0);

  if (position.start < position.end && position.end <= offsets.codePointLength) {
    const start = offsets.toUtf16(position.start);
    const end = offsets.toUtf16(position.end);
    if (end - start === quote.exact.length && doc.text.startsWith(quote.exact, start)) {
      return { status: 'exact', start: position.start, end: position.end, confidence: 1 };
    }
  }

  // Errors are counted on the collapsed quote, so every length that scores them is measured there too.
  const quoteLength = Math.max(1, collapseWhitespace(quote.exact).length);
  const verbatim = best(
    shortlist(doc.text, selectors, findExactCandidates(doc.text, quote.exact)).map((c) =>
      score(doc, selectors, c, quoteLength),
    ),
  );
  if (verbatim && verbatim.confidence >= minConfidence) return anchored('moved', verbatim);

  const hint = offsets.toUtf16(Math.min(position.start, offsets.codePointLength));
  const fuzzyCandidates = findFuzzyCandidates(doc, quote.exact, hint);
  const fuzzy = best(
    fuzzyCandidates
      .filter((c) => 1 - c.errors / quoteLength >= QUOTE_SIMILARITY_THRESHOLD)
      .map((c) => score(doc, selectors, c, quoteLength)),
  );
  if (fuzzy && fuzzy.confidence >= minConfidence) return anchored('fuzzy', fuzzy);

  return orphan(Math.max(verbatim?.confidence ?? 0, fuzzy?.confidence ?? 0));
}

/** Anchors every highlight of one article, preparing its text once. */
export function anchorAll(
  text: string,
  selectorsList: readonly AnchorSelectors[],
  options: AnchorOptions = {},
): AnchorResult[] {
  const doc = prepareText(text);
  return selectorsList.map((selectors) => anchorSelectors(doc, selectors, options));
}

function anchored(status: 'moved' | 'fuzzy', scored: Scored): AnchorResult {
  return { status, start: scored.start, end: scored.end, confidence: scored.confidence };
}

function orphan(bestRejected: number): AnchorResult {
  return { status: 'orphan', start: ORPHAN_OFFSET, end: ORPHAN_OFFSET, confidence: bestRejected };
}
