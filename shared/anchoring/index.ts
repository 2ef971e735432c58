/**
 * Anchoring on an article's canonical text, after the Hypothesis client's two verbs: `describe` a
 * code point range as the W3C selectors a highlight stores, and `anchor` those selectors again in
 * the text as it is now. Pure: no DOM, no Node, so main, renderer and tests share it.
 */
import { anchorAll, anchorSelectors } from './anchor-selectors';
import { describeRange } from './describe-range';

export { ANCHOR_CONFIDENCE_THRESHOLD, anchorAll, anchorSelectors, type AnchorOptions } from './anchor-selectors';
export {
  codePointLength,
  codePointToUtf16,
  createOffsetConverter,
  utf16ToCodePoint,
  type OffsetConverter,
  type Rounding,
} from './code-points';
export { describeRange, type CodePointRange } from './describe-range';
export { prepareText, type PreparedText } from './prepared-text';
export * from './selectors';

/** The verbs under their Hypothesis names, for callers that prefer `anchoring.describe(...)`. */
export const anchoring = { describe: describeRange, anchor: anchorSelectors, anchorAll } as const;
