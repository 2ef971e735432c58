import {
  findAnywhere,
  findCollapsedOccurrences,
  findExactCandidates,
  findNear,
  MAX_ERROR_RATE,
  resemblesNear,
  NEAR_DISTANCE,
  type Candidate,
} from './match-quote';
import { collapseWhitespace, prepareText, type PreparedText } from './prepared-text';
import { ORPHAN_OFFSET, type AnchorResult, type AnchorSelectors } from './selectors';
import { CONTEXT_WINDOW, contextSimilarity } from './text-similarity';

/** Below this confidence a highlight is an orphan: better unpainted than on the wrong words. */
export const ANCHOR_CONFIDENCE_THRESHOLD = 0.75;

export interface AnchorOptions {
  /** Overrides {@link ANCHOR_CONFIDENCE_THRESHOLD}. */
  minConfidence?: number;
}

/*
 * Scoring. A candidate's confidence is `quoteSimilarity² × (1 − need × (1 − corroboration))`:
 * - quoteSimilarity: 1 − edits / quote length, on whitespace-collapsed text. Squared so that the
 *   words themselves dominate: a corrected typo (1–3 % of a sentence) barely counts, while a quote
 *   14 % different scores under 0.75 whatever its context.
 * - corroboration: 0.8 × context + 0.2 × proximity. Context is the mean agreement of prefix and
 *   suffix, where agreement rescales similarity so that its noise floor is 0: on the corpus,
 *   unrelated 32-character contexts are 0.06–0.28 similar (median 0.13), and without the rescaling
 *   that noise outweighs proximity when two copies both lost their context. Proximity is
 *   1 − |distance from the old start| / text length: it mostly breaks ties between copies.
 * - need: how far missing corroboration may lower the score, i.e. how little the quote proves on
 *   its own. A verbatim quote of 128+ characters proves nearly everything (need 0.1); a verbatim
 *   "Kagame" proves little (need ≈ 0.57), so another mention of the name elsewhere is rejected.
 *   Edits raise the need (10 × the share of edited characters, up to 0.45), so that a sentence
 *   about Tshisekedi elsewhere does not inherit the highlight of a deleted, otherwise identical one
 *   about Kagame (12 % different, 0.77 before corroboration, 0.45 after), while a 2,000-character
 *   quote with one typo stays confident even after its context changed.
 */
const CONTEXT_SHARE = 0.8;
const CONTEXT_NOISE_FLOOR = 0.3;
const SELF_EVIDENT_QUOTE_LENGTH = 128;
const MAX_NEED = 0.6;
const MIN_NEED = 0.1;
const NEED_PER_EDIT_RATE = 10;
const MAX_NEED_FROM_EDITS = 0.45;
/**
 * How much more confident than the best match near the old position a match elsewhere must be to
 * win: a little more than a typo in a sentence costs (≈ 0.013 for one edit in 150 characters).
 */
const DISPLACE_MARGIN = 0.05;
/** Enough verbatim candidates to cover any real ambiguity; more are ranked cheaply and cut. */
const MAX_EXACT_CANDIDATES = 32;
/** Characters of context compared verbatim when ranking a flood of verbatim candidates. */
const QUICK_CONTEXT_LENGTH = 8;

interface Scored {
  start: number;
  end: number;
  confidence: number;
  distance: number;
  /** The text here is the quote, character for character. */
  verbatim: boolean;
}

function corroborationNeed(quoteLength: number, errors: number): number {
  const unproven = 1 - Math.min(quoteLength, SELF_EVIDENT_QUOTE_LENGTH) / SELF_EVIDENT_QUOTE_LENGTH;
  const fromEdits = Math.min(MAX_NEED_FROM_EDITS, (NEED_PER_EDIT_RATE * errors) / quoteLength);
  return Math.max(MIN_NEED, MAX_NEED * unproven, fromEdits);
}

function agreement(similarity: number): number {
  return Math.max(0, (similarity - CONTEXT_NOISE_FLOOR) / (1 - CONTEXT_NOISE_FLOOR));
}

function score(doc: PreparedText, selectors: AnchorSelectors, candidate: Candidate, quoteLength: number): Scored {
  const { text, offsets } = doc;
  const { quote, position } = selectors;
  const before = text.slice(Math.max(0, candidate.start - CONTEXT_WINDOW), candidate.start);
  const after = text.slice(candidate.end, candidate.end + CONTEXT_WINDOW);
  const prefix = contextSimilarity(quote.prefix, before, 'prefix');
  const suffix = contextSimilarity(quote.suffix, after, 'suffix');
  const context = (agreement(prefix) + agreement(suffix)) / 2;
  // A fuzzy match may end inside a surrogate pair: widen it to whole characters.
  const start = offsets.toCodePoint(candidate.start, 'floor');
  const end = offsets.toCodePoint(candidate.end, 'ceil');
  const distance = Math.abs(start - position.start);
  const proximity = 1 - Math.min(1, distance / Math.max(1, offsets.codePointLength));
  const corroboration = CONTEXT_SHARE * context + (1 - CONTEXT_SHARE) * proximity;
  const quoteSimilarity = 1 - candidate.errors / quoteLength;
  const need = corroborationNeed(quoteLength, candidate.errors);
  const confidence = quoteSimilarity ** 2 * (1 - need * (1 - corroboration));
  const verbatim = candidate.errors === 0 && text.slice(candidate.start, candidate.end) === quote.exact;
  return { start, end, distance, confidence, verbatim };
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

const isNear = (candidate: Scored): boolean => candidate.distance <= NEAR_DISTANCE;

/**
 * The best candidate, except that one far from the old position must beat the best near one by
 * {@link DISPLACE_MARGIN}: a paragraph that exists twice must not pull a highlight away from its
 * own copy just because a typo crept into that copy, which costs it a little quote similarity.
 */
function choose(scored: readonly Scored[]): Scored | undefined {
  const near = best(scored.filter(isNear));
  const far = best(scored.filter((candidate) => !isNear(candidate)));
  if (near && (!far || near.confidence + DISPLACE_MARGIN >= far.confidence)) return near;
  return far;
}

/** Keeps the verbatim candidates most likely to win when a short quote occurs very often. */
function shortlist(text: string, selectors: AnchorSelectors, candidates: Candidate[]): Candidate[] {
  if (candidates.length <= MAX_EXACT_CANDIDATES) return candidates;
  const prefixTail = selectors.quote.prefix.slice(-QUICK_CONTEXT_LENGTH);
  const suffixHead = selectors.quote.suffix.slice(0, QUICK_CONTEXT_LENGTH);
  // A code point offset against UTF-16 ones: close enough to rank by.
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
 * context and position agree best wins (`moved`), unless it is far away and an edited copy near the
 * old position is nearly as good; (c) the quote is matched approximately on whitespace-collapsed
 * text (`fuzzy`); (d) otherwise, or when the best candidate scores under the threshold, `orphan`.
 * Offsets in and out are code points; `confidence` is explained above. Never throws for selectors
 * that pass the {@link AnchorSelectors} schema.
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
  const scoreAll = (candidates: readonly Candidate[]): Scored[] =>
    candidates.map((candidate) => score(doc, selectors, candidate, quoteLength));
  const hint = offsets.toUtf16(Math.max(0, Math.min(position.start, offsets.codePointLength)));
  const pool = scoreAll(shortlist(doc.text, selectors, findExactCandidates(doc.text, quote.exact)));
  let chosen = choose(pool);
  if (chosen && chosen.confidence >= minConfidence) {
    if (isNear(chosen) || !resemblesNear(doc, quote.exact, hint)) return anchored(chosen);
  }

  // Confidence is at most quoteSimilarity², so a match with more edits than this cannot reach `bar`:
  // with the default threshold, quotes under √0.75 ≈ 87 % alike are never even searched for.
  const maxErrorsFor = (bar: number): number =>
    Math.floor(quoteLength * Math.min(MAX_ERROR_RATE, 1 - Math.sqrt(Math.min(1, bar))));
  pool.push(
    ...scoreAll([
      ...findCollapsedOccurrences(doc, quote.exact),
      ...findNear(doc, quote.exact, hint, maxErrorsFor(minConfidence)),
    ]),
  );
  chosen = choose(pool);
  // Searching the whole text costs ~1 ms per 50 KB even for one allowed edit, so it only looks for
  // matches that could displace the choice so far; after a typo fix near the old position, none can.
  const bar = chosen ? chosen.confidence + (isNear(chosen) ? DISPLACE_MARGIN : 0) : minConfidence;
  pool.push(...scoreAll(findAnywhere(doc, quote.exact, maxErrorsFor(Math.max(bar, minConfidence)))));
  chosen = choose(pool);
  if (chosen && chosen.confidence >= minConfidence) return anchored(chosen);
  return orphan(best(pool)?.confidence ?? 0);
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

function anchored(scored: Scored): AnchorResult {
  const status = scored.verbatim ? 'moved' : 'fuzzy';
  return { status, start: scored.start, end: scored.end, confidence: scored.confidence };
}

function orphan(bestRejected: number): AnchorResult {
  return { status: 'orphan', start: ORPHAN_OFFSET, end: ORPHAN_OFFSET, confidence: bestRejected };
}
