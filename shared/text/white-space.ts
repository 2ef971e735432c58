/**
 * Whether a UTF-16 code unit is white space as JavaScript's `\s` and `String.prototype.trim`
 * understand it (every such character is in the Basic Multilingual Plane, so one unit suffices).
 * Tested per unit so that hot loops over a whole article need no regular expression.
 */
export function isWhiteSpaceUnit(unit: number): boolean {
  if (unit < 0x80) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
  return (
    unit === 0xa0 ||
    unit === 0x1680 ||
    (unit >= 0x2000 && unit <= 0x200a) ||
    unit === 0x2028 ||
    unit === 0x2029 ||
    unit === 0x202f ||
    unit === 0x205f ||
    unit === 0x3000 ||
    unit === 0xfeff
  );
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
