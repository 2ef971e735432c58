import { z } from 'zod';
import { AnchorResult, AnchorSelectors } from '../anchoring/selectors';
import { AnnotationId, ArticleId, LegendId } from './ids';

/*
 * What the renderer stores for highlights and their colours. Rows read back from IndexedDB are
 * parsed with these schemas, because the database outlives any one version of the code: a row
 * written by a buggy build, or edited by hand in DevTools, must be recognised as such and skipped,
 * never trusted and never allowed to break the reader.
 */

/** Milliseconds since the epoch, as `Date.now()` returns. */
const Timestamp = z.number().int().nonnegative();

/**
 * A highlight on one article.
 * - `target` is what was selected (W3C TextQuote + TextPosition selectors, code points); it only
 *   changes when the user re-selects the passage.
 * - `anchor` caches where `target` was last found in the current text (code points; an orphan has
 *   `start = end = -1`), so the reader can paint without re-anchoring an unchanged article.
 */
export const AnnotationRecord = z.object({
  id: AnnotationId,
  articleId: ArticleId,
  kind: z.literal('highlight'),
  legendId: LegendId,
  comment: z.string(),
  target: AnchorSelectors,
  anchor: AnchorResult,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type AnnotationRecord = z.infer<typeof AnnotationRecord>;

/** The stored anchoring result of a highlight (an {@link AnchorResult}). */
export type StoredAnchor = AnnotationRecord['anchor'];

/** Longest colour name the legend accepts: it has to fit in a menu row and a legend chip. */
export const LEGEND_NAME_MAX_LENGTH = 60;

/** `#rrggbb`: the one colour syntax both CSS and every export format understand. */
export const LegendColor = z.string().regex(/^#[0-9a-f]{6}$/i, { message: 'must be a colour written #rrggbb' });

/**
 * The key pressed with Alt to apply the colour. Only ASCII digits and letters, so that the shortcut
 * can be matched on the physical key (`KeyboardEvent.code`): on macOS, Option changes the character
 * typed (Option+E is a dead key), so `KeyboardEvent.key` cannot be trusted with Alt held.
 */
export const LegendShortcut = z.string().regex(/^[1-9a-z]$/i, { message: 'must be one digit 1–9 or one letter a–z' });

/** One colour of the highlight legend: what a colour means in this user's research. */
export const LegendEntry = z.object({
  id: LegendId,
  name: z
    .string()
    .max(LEGEND_NAME_MAX_LENGTH)
    .refine((name) => name.trim().length > 0, { message: 'must not be empty' }),
  color: LegendColor,
  shortcut: LegendShortcut,
  /** Position in menus and the legend; fractional values let a row move between two others. */
  order: z.number(),
});
export type LegendEntry = z.infer<typeof LegendEntry>;
