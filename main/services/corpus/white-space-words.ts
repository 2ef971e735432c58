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

/** Any white space that is not a lone ASCII space: what `collapseWhiteSpace` has to replace. */
const UNUSUAL_SPACE = /[^\S ]| {2}/u;

/**
 * `text` with every run of white space made one space, and none at either end: the same as
 * `text.replace(/\s+/gu, ' ').trim()`. Most lines have only single spaces between words, and then
 * the replacement would rebuild the string space by space to give it back unchanged; one search
 * for anything else decides that they only need trimming.
 */
export function collapseWhiteSpace(text: string): string {
  return UNUSUAL_SPACE.test(text) ? text.replace(/\s+/gu, ' ').trim() : text.trim();
}
