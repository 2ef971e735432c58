/**
 * The one rule by which the workbench's filters and searches ignore case and accents: the
 * library's filter and title order, notes search, the `@` mention type-ahead, the entity index's
 * filter and the tag picker's entity search. Compatibility forms are unfolded too, so "ﬁ" is
 * found by "fi" and full-width "ＫＡＧＡＭＥ" by "kagame". (The corpus-wide mention search keeps
 * its own folding, which must map every folded character back to an offset in the article.)
 *
 * "Félix TSHISEKEDI" → "felix tshisekedi".
 */
export function foldForSearch(text: string): string {
  return foldsByCaseOnly(text) ? text.toLowerCase() : text.normalize('NFKD').replace(COMBINING_MARK, '').toLowerCase();
}

const COMBINING_MARK = /\p{M}/gu;

/**
 * Below U+2070, the characters the full rule only lower-cases (worked out from the rule itself,
 * once): most titles and names are made of them, and skip normalising. 1: folds by case only.
 */
const FAST_LIMIT = 0x2070;
const BY_CASE_ONLY = new Uint8Array(FAST_LIMIT);
for (let code = 0; code < FAST_LIMIT; code++) {
  const char = String.fromCharCode(code);
  if (code >= 0xd800 && code <= 0xdfff) continue;
  if (char.normalize('NFKD') === char && !/\p{M}/u.test(char) && char.toLowerCase().length === 1) BY_CASE_ONLY[code] = 1;
}

function foldsByCaseOnly(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= FAST_LIMIT || BY_CASE_ONLY[code] === 0) return false;
  }
  return true;
}
