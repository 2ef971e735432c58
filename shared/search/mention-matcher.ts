/**
 * Finds the mentions of one entity (its canonical name and aliases) in article text. Matching is on
 * whole words, case- and diacritics-insensitive, so that "Tshisekedi" finds "TSHISÉKEDI"; offsets are
 * UTF-16 indices into the original text, whatever folding did to its length.
 */

/** One mention: `text.slice(start, end)` is what was found, `term` the term (as given) it matched. */
export interface MentionMatch {
  start: number;
  end: number;
  term: string;
}

export interface MentionMatcherOptions {
  /** Match letter case exactly (diacritics are still ignored). Default false. */
  caseSensitive?: boolean;
}

export interface MentionMatcher {
  /** Every mention in `text`, in text order, never overlapping. */
  find(text: string): MentionMatch[];
}

/**
 * Combining diacritics (the blocks NFD moves accents into). Only these are dropped, not every
 * `\p{M}`: Indic vowel signs and Arabic harakat are marks too, and dropping them would merge
 * different words.
 */
function isDiacritic(unit: number): boolean {
  return (
    (unit >= 0x0300 && unit <= 0x036f) ||
    (unit >= 0x1ab0 && unit <= 0x1aff) ||
    (unit >= 0x1dc0 && unit <= 0x1dff) ||
    (unit >= 0x20d0 && unit <= 0x20ff) ||
    (unit >= 0xfe20 && unit <= 0xfe2f)
  );
}

function dropDiacritics(text: string): string {
  let kept = '';
  for (let i = 0; i < text.length; i++) if (!isDiacritic(text.charCodeAt(i))) kept += text.charAt(i);
  return kept;
}

/** Typographic variants that researchers type the plain way ("Côte d'Ivoire" for "Côte d’Ivoire"). */
const VARIANTS = new Map<string, string>([
  ['\u2019', "'"],
  ['\u2018', "'"],
  ['\u02bc', "'"],
  ['\u2010', '-'],
  ['\u2011', '-'],
]);

/** A hit may not touch a letter, digit or mark on either side: "Kagame" is not in "Kagamega". */
const WORD_CHAR = String.raw`[\p{L}\p{N}\p{M}]`;

/** Whitespace inside a term matches any run of spaces (NBSP included) but never a line break. */
const TERM_SPACE = String.raw`[^\S\n]+`;

const SPACE_RUN = /\s+/g;

/** A folded copy of a text; `sources` is null when folding kept every character's length. */
interface FoldedText {
  text: string;
  /** `sources[i]` is the UTF-16 index in the original of the character folded character i came from. */
  sources: number[] | null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Compiles `terms` (an entity's names, aliases and handles) into one matcher. Empty terms, and
 * terms that fold to the same text as an earlier one, are ignored; a matcher without terms finds
 * nothing. Where terms overlap, the longest one that fits at the earliest position wins
 * ("Democratic Republic of Congo", not "Congo").
 */
export function createMentionMatcher(terms: readonly string[], options: MentionMatcherOptions = {}): MentionMatcher {
  const lowerCase = !options.caseSensitive;
  const foldedChars = new Map<number, string>();
  // Stateful (global) regexes, owned by this matcher: `find` is synchronous, so never re-entered.
  const nonAscii = /[\u0080-\uffff]/g;

  function foldChar(codePoint: number): string {
    let folded = foldedChars.get(codePoint);
    if (folded === undefined) {
      const char = String.fromCodePoint(codePoint);
      // NFD again after lower-casing: "İ" lower-cases to "i" plus a combining dot.
      folded = VARIANTS.get(char) ?? dropDiacritics(lowerCase ? char.normalize('NFD').toLowerCase().normalize('NFD') : char.normalize('NFD'));
      foldedChars.set(codePoint, folded);
    }
    return folded;
  }

  /**
   * Folds per character so that every folded character knows its source. ASCII runs, most of a
   * news text, are lower-cased natively in one call; the map back to the original is only built
   * once a character folds to a different length (a decomposed accent, a Hangul syllable).
   */
  function fold(text: string): FoldedText {
    const parts: string[] = [];
    let sources: number[] | null = null;
    let length = 0;
    let i = 0;
    while (i < text.length) {
      nonAscii.lastIndex = i;
      const found = nonAscii.exec(text);
      const runEnd = found ? found.index : text.length;
      if (runEnd > i) {
        const run = text.slice(i, runEnd);
        parts.push(lowerCase ? run.toLowerCase() : run);
        if (sources) for (let k = i; k < runEnd; k++) sources.push(k);
        length += runEnd - i;
        i = runEnd;
      }
      if (!found) break;
      const codePoint = text.codePointAt(i) ?? 0;
      const width = codePoint > 0xffff ? 2 : 1;
      const folded = foldChar(codePoint);
      // Until now every character kept its length, so folded and original offsets were equal.
      if (!sources && folded.length !== width) sources = Array.from({ length }, (_, k) => k);
      if (sources) for (let k = 0; k < folded.length; k++) sources.push(i);
      parts.push(folded);
      length += folded.length;
      i += width;
    }
    return { text: parts.join(''), sources };
  }

  const termByKey = new Map<string, string>();
  for (const term of terms) {
    const key = fold(term.trim()).text.replace(SPACE_RUN, ' ').trim();
    if (key !== '' && !termByKey.has(key)) termByKey.set(key, term);
  }
  // Longest first: a regex alternation takes the first alternative that matches, not the longest.
  const alternatives = [...termByKey.keys()]
    .sort((a, b) => b.length - a.length)
    .map((key) => key.split(' ').map(escapeRegExp).join(TERM_SPACE));
  // No look-behind in the pattern: it made the scan four times slower (measured on 60 MB), and a
  // start refused for the character before it would be refused whichever term matched there.
  const pattern = alternatives.length === 0 ? null : new RegExp(`(?:${alternatives.join('|')})(?!${WORD_CHAR})`, 'gu');

  return {
    find(text) {
      if (!pattern || text === '') return [];
      const folded = fold(text);
      const { sources } = folded;
      const matches: MentionMatch[] = [];
      pattern.lastIndex = 0;
      for (let found = pattern.exec(folded.text); found; found = pattern.exec(folded.text)) {
        const foldedStart = found.index;
        if (foldedStart > 0 && isWordCharBefore(folded.text, foldedStart)) {
          pattern.lastIndex = foldedStart + 1;
          continue;
        }
        const foldedEnd = foldedStart + found[0].length;
        const term = termByKey.get(found[0].replace(SPACE_RUN, ' ')) ?? found[0];
        if (!sources) matches.push({ start: foldedStart, end: foldedEnd, term });
        else matches.push({ start: sources[foldedStart] ?? text.length, end: originalEnd(text, sources, foldedEnd), term });
      }
      return matches;
    },
  };
}

const WORD_CHAR_TEST = new RegExp(`^${WORD_CHAR}$`, 'u');

/** Whether the character (code point) just before `index` is a letter, digit or mark. */
function isWordCharBefore(text: string, index: number): boolean {
  const unit = text.charCodeAt(index - 1);
  if (unit < 0x80) return (unit >= 0x30 && unit <= 0x39) || ((unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7a);
  const isLow = unit >= 0xdc00 && unit <= 0xdfff;
  const start = isLow && index >= 2 && (text.codePointAt(index - 2) ?? 0) > 0xffff ? index - 2 : index - 1;
  return WORD_CHAR_TEST.test(String.fromCodePoint(text.codePointAt(start) ?? unit));
}

/**
 * Where a hit ending before folded character `foldedEnd` ends in the original: at the start of the
 * next source character, so that dropped accents after the hit stay with it, or past the whole
 * source character when the hit ends inside what one character folded to.
 */
function originalEnd(text: string, sources: readonly number[], foldedEnd: number): number {
  const next = sources[foldedEnd];
  if (next === undefined) return text.length;
  if (sources[foldedEnd - 1] !== next) return next;
  return next + ((text.codePointAt(next) ?? 0) > 0xffff ? 2 : 1);
}
