import { COUNT_WORDS_WASM_BASE64 } from './count-words-wasm';

/**
 * An article's word count, as the library lists it.
 *
 * A word is a run of letters, digits and combining marks that starts with a letter or digit, with
 * single apostrophes or hyphens inside ("Congo's", "de-escalate", "l’on"): the matches of
 * `WORD_DEFINITION` below. "U.S." counts as two words and "06:00" as two: simple and consistent
 * beats clever. Scripts written without spaces (Chinese, Japanese, Thai) count one word per run,
 * which undercounts them.
 */
export const WORD_DEFINITION = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['\-’‐‑][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARK_PATTERN = /\p{M}/u;

/**
 * How a code point takes part in a word, as bits: starts or continues one (a letter or digit),
 * extends one (a mark), or ends one; a joiner ends one unless a letter follows.
 */
const START = 1;
const MARK = 2;
const OTHER = 4;
const JOINER = OTHER | 8;

/**
 * Kinds of BMP code units: ASCII and the joiners filled in up front, the rest as they are met
 * (0: not yet known). High surrogates are never filled in: their kind is that of the pair they start.
 */
const bmpKinds = new Uint8Array(0x10000);
for (let unit = 0; unit < 128; unit++) bmpKinds[unit] = isAsciiLetterOrDigit(unit) ? START : OTHER;
/** "'", "-", "’", "‐", "‑": between two letters they join them into one word. */
for (const joiner of "'-’‐‑") bmpKinds[joiner.charCodeAt(0)] = JOINER;
/** Kinds of the astral code points met so far (emoji, historic scripts, mathematical letters). */
const astralKinds = new Map<number, number>();

function isAsciiLetterOrDigit(unit: number): boolean {
  return (unit >= 48 && unit <= 57) || ((unit | 32) >= 97 && (unit | 32) <= 122);
}

function classify(point: number): number {
  const char = String.fromCodePoint(point);
  return LETTER_OR_DIGIT.test(char) ? START : MARK_PATTERN.test(char) ? MARK : OTHER;
}

/** The kind of a code point (a lone surrogate is its own code point, and ends a word). */
function kindOf(point: number): number {
  if (point >= 0x10000) {
    let kind = astralKinds.get(point);
    if (kind === undefined) astralKinds.set(point, (kind = classify(point)));
    return kind;
  }
  if (point >= 0xd800 && point <= 0xdbff) return OTHER;
  let kind = bmpKinds[point] ?? 0;
  if (kind === 0) bmpKinds[point] = kind = classify(point);
  return kind;
}

/**
 * Counts the words of `text` (the matches of `WORD_DEFINITION`) in one pass over its code units.
 * The regular expression took ~15 ms per 100 articles, and an earlier scan calling helpers per
 * character most of a 10,000-article listing's word count. Here a table gives each unit's kind,
 * and the usual letters, spaces and marks update the count without a branch (a branch at every
 * word boundary was mispredicted often enough to cost a fifth of the time); only joiners,
 * surrogates and characters not met before leave the straight path.
 */
export function countWords(text: string): number {
  const length = text.length;
  let count = 0;
  /** 1 when the code point before `i` belongs to a word (so a letter, digit or mark continues it). */
  let inWord = 0;
  for (let i = 0; i < length; i++) {
    let kind = bmpKinds[text.charCodeAt(i)] as number;
    if (kind === 0) {
      // Not met before, or a high surrogate: classified as a whole code point.
      const point = text.codePointAt(i) as number;
      kind = kindOf(point);
      if (point >= 0x10000) i += 1;
    }
    if (kind === JOINER) {
      // A single apostrophe or hyphen between letters joins them ("Congo's", "de-escalate").
      inWord = inWord === 1 && i + 1 < length && (kindOf(text.codePointAt(i + 1) as number) & START) !== 0 ? 1 : 0;
      continue;
    }
    const start = kind & START;
    count += start & (inWord ^ 1);
    // A letter or digit starts or continues a word, a mark continues one, anything else ends it.
    inWord = start | ((kind >> 1) & inWord);
  }
  return count;
}

/** What count-words.wat exports. */
interface WordCounter {
  memory: WebAssembly.Memory;
  /** The words of the UTF-8 text in memory from byte `from` up to `end`. */
  count(from: number, end: number): number;
}

/** Where the text goes in the counter's memory: after the kinds of the 128 ASCII characters. */
const TEXT_AT = 128;
let counter: WordCounter | undefined;

/**
 * The WebAssembly word counter of this thread, made on first use. Its kinds, as count-words.wat
 * takes them: 0 other, 1 letter or digit, 2 joiner, 3 mark.
 */
function wordCounter(): WordCounter {
  if (counter) return counter;
  const watKind = (kind: number): number => (kind === START ? 1 : kind === JOINER ? 2 : kind === MARK ? 3 : 0);
  const module = new WebAssembly.Module(Uint8Array.from(atob(COUNT_WORDS_WASM_BASE64), (char) => char.charCodeAt(0)));
  const instance = new WebAssembly.Instance(module, { words: { classify: (point: number) => watKind(kindOf(point)) } });
  const made = instance.exports as unknown as WordCounter;
  const asciiKinds = new Uint8Array(made.memory.buffer, 0, TEXT_AT);
  for (let unit = 0; unit < TEXT_AT; unit++) asciiKinds[unit] = watKind(bmpKinds[unit] as number);
  counter = made;
  return made;
}

/**
 * `countWords` of the text that `bytes` encode, counted on the bytes without decoding them:
 * `bytes` must be valid UTF-8 (as `isUtf8` checks), without a BOM. Line breaks may be CRLF, CR or
 * LF: they all end a word, so the count is that of the text with its line endings normalised.
 *
 * It runs in WebAssembly (count-words.wat), sixteen ASCII bytes at a time: a listing counts the
 * words of every article, and here JavaScript took 3–5 ns a byte, a third of a cold listing's CPU,
 * where this takes 0.5–0.8 ns.
 */
export function countWordsInUtf8(bytes: Uint8Array): number {
  const { memory, count } = wordCounter();
  const end = TEXT_AT + bytes.length;
  if (end > memory.buffer.byteLength) memory.grow(Math.ceil((end - memory.buffer.byteLength) / WASM_PAGE));
  new Uint8Array(memory.buffer, TEXT_AT, bytes.length).set(bytes);
  return count(TEXT_AT, end);
}

const WASM_PAGE = 64 * 1024;
