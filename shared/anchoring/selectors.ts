import { z } from 'zod';

/**
 * Selectors as the W3C Web Annotation model defines them (https://www.w3.org/TR/annotation-model/
 * #text-quote-selector), all offsets in Unicode code points of the article's canonical text. A
 * highlight stores both: the position is cheap to check, the quote and its context survive edits.
 */

/** How many code points of context `describeRange` keeps on each side, as the Hypothesis client does. */
export const CONTEXT_LENGTH = 32;

const CodePointOffset = z.number().int().nonnegative();

/** The highlighted words and up to {@link CONTEXT_LENGTH} code points either side (fewer at the edges). */
export const TextQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;

/** Half-open code point range `[start, end)`; never empty. */
export const TextPositionSelector = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: CodePointOffset,
    end: CodePointOffset,
  })
  .refine((selector) => selector.end > selector.start, { message: 'end must be after start' });
export type TextPositionSelector = z.infer<typeof TextPositionSelector>;

/** What a highlight stores to find its words again. */
export const AnchorSelectors = z.object({ quote: TextQuoteSelector, position: TextPositionSelector });
export type AnchorSelectors = z.infer<typeof AnchorSelectors>;

/**
 * - `exact`: the stored position still holds the quote.
 * - `moved`: the quote was found verbatim elsewhere (text was inserted or removed around it).
 * - `fuzzy`: the quote was found with differences (whitespace, a corrected typo, an edit).
 * - `orphan`: no place was convincing enough; the highlight is kept but not painted.
 */
export const AnchorStatus = z.enum(['exact', 'moved', 'fuzzy', 'orphan']);
export type AnchorStatus = z.infer<typeof AnchorStatus>;

/** Offsets an orphan reports, so that no caller can mistake it for a range at the text's start. */
export const ORPHAN_OFFSET = -1;

const Confidence = z.number().min(0).max(1);

/** A highlight re-attached to the current text: a code point range and how sure anchoring is of it. */
export const AnchoredResult = z
  .object({
    status: z.enum(['exact', 'moved', 'fuzzy']),
    start: CodePointOffset,
    end: CodePointOffset,
    confidence: Confidence,
  })
  .refine((result) => result.end > result.start, { message: 'end must be after start' });
export type AnchoredResult = z.infer<typeof AnchoredResult>;

/**
 * A highlight that could not be placed. `start` and `end` are {@link ORPHAN_OFFSET}; `confidence`
 * is the score of the best candidate that was rejected (0 when there was none), for diagnostics.
 */
export const OrphanResult = z.object({
  status: z.literal('orphan'),
  start: z.literal(ORPHAN_OFFSET),
  end: z.literal(ORPHAN_OFFSET),
  confidence: Confidence,
});
export type OrphanResult = z.infer<typeof OrphanResult>;

export const AnchorResult = z.union([AnchoredResult, OrphanResult]);
export type AnchorResult = z.infer<typeof AnchorResult>;
