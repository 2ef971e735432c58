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
 * Printable ASCII, tab, line breaks and the usual typographic quotes, dashes and bullet: the rule
 * only lower-cases them (each is its own compatibility decomposition and no mark), so text made of
 * nothing else, as most titles and names are, skips normalising. The test checks every character
 * below U+2070 against the rule, so a character wrongly added here fails it.
 */
const FOLDS_BY_CASE_ONLY = /^[\t\n\r\x20-\x7e\u2010\u2013\u2014\u2018\u2019\u201c\u201d\u2022]*$/;

function foldsByCaseOnly(text: string): boolean {
  return FOLDS_BY_CASE_ONLY.test(text);
}
