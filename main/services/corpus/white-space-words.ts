/**
 * Counting words the cheap way, by the white space between them, for the line heuristics of
 * boilerplate detection, subheadings and metadata. Most lines of a news article are paragraphs far
 * longer than any of those heuristics allow, so the count stops as soon as it passes the limit:
 * splitting every paragraph into words was a large part of listing a 10,000-article corpus.
 */

import { isWhiteSpaceUnit as isSpace } from '../../../shared/text/white-space';

/**
 * Whether `text` has at most `max` runs of non-space characters: the same as
 * `text.split(/\s+/).filter(Boolean).length <= max`, without splitting anything.
 */
export function hasAtMostWords(text: string, max: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord && ++words > max) return false;
    inWord = !space;
  }
  return true;
}
