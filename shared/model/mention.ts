import { z } from 'zod';
import { RelativePath } from './article';

const Offset = z.number().int().nonnegative();

/**
 * One mention of an entity found by a corpus-wide search, as a keyword-in-context line.
 * `start`/`end` are UTF-16 offsets into the article's canonical text (what the reader slices);
 * `startCodePoint`/`endCodePoint` are the same range in code points, as stored selectors use, so a
 * hit can become a highlight without re-reading the article.
 */
export const MentionHit = z.object({
  path: RelativePath,
  start: Offset,
  end: Offset,
  startCodePoint: Offset,
  endCodePoint: Offset,
  /** The search term (as the user typed it) that matched. */
  term: z.string(),
  /** The text as it stands in the article: `text.slice(start, end)`. */
  exact: z.string(),
  /** Up to ~60 characters before the hit on the same line, cut at a word boundary. */
  left: z.string(),
  /** Up to ~60 characters after the hit on the same line, cut at a word boundary. */
  right: z.string(),
  /** Index of the hit's line in `text.split('\n')`. */
  line: Offset,
});
export type MentionHit = z.infer<typeof MentionHit>;
