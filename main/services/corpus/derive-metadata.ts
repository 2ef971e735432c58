import type { DerivedMetadata, LineInfo } from '../../../shared/model/article';
import { collapseWhiteSpace, isWhiteSpaceUnit } from '../../../shared/text/white-space';
import { isStampLine } from './detect-boilerplate';

/** Bylines and "Published:" lines only count this close to the top (in non-blank lines). */
const HEADER_LINES = 6;
const HEADLINE_MAX_WORDS = 14;
const TITLE_MAX_CHARS = 90;

/** Agencies recognised after a byline's last comma ("By Jane Doe, Reuters"). */
const AGENCIES = new Set(
  ['Reuters', 'AP', 'Associated Press', 'The Associated Press', 'AFP', 'Agence France-Presse', 'Bloomberg', 'Xinhua', 'dpa',
    'ANI', 'PTI', 'IANS', 'EFE', 'ANSA', 'Kyodo', 'Kyodo News', 'TASS', 'Anadolu', 'Anadolu Agency', 'UPI', 'Yonhap',
    'Bernama', 'PA', 'PA Media'].map((name) => name.toLowerCase()),
);

/** Words that end in a period without ending the sentence ("Dr.", "Jan."); initials are handled apart. */
const ABBREVIATIONS = new Set(
  ('mr mrs ms dr prof sr jr st gen lt col maj capt cpt sgt cmdr adm sen rep gov pres rev hon mt ft vs approx dept ' +
    'est inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec').split(' '),
);

const BYLINE = /^(?:By|BY|by)\s+(?<names>\p{Lu}.{1,100})$/u;
const PUBLISHED = /^(?:first published|published|updated|posted|date)(?:\s+on)?\s*:?\s+(?<date>.*\d.*)$/iu;
const SOURCE = /^source\s*:\s*(?<source>\S.{1,60})$/iu;
/** What lines matching `BYLINE`, `PUBLISHED` and `SOURCE` start with before they are tidied up. */
const BYLINE_START = /^\s*(?:By|BY|by)\s/u;
const PUBLISHED_START = /^\s*(?:first\s+published|published|updated|posted|date)/iu;
const SOURCE_START = /^\s*source\s*:/iu;
const DASH = String.raw`\s*(?:—|–|--|-)\s+`;
/** "KIGALI —", "NAIROBI, Jan 29 (Reuters) -": an upper-case place, optionally a date and agency. */
const CAPS_DATELINE = new RegExp(
  String.raw`^(?<dateline>\p{Lu}[\p{Lu}\p{M}.'’ -]*\p{Lu}\.?(?:\s*,\s*[^—–()\n]{1,40}?)?(?:\s*\((?<agency>[^()\n]{2,30})\))?)` + DASH,
  'u',
);
/** "Kigali, Jan. 29 (Reuters) —": a mixed-case place counts only with an agency in brackets. */
const AGENCY_DATELINE = new RegExp(
  String.raw`^(?<dateline>\p{Lu}[\p{L}.'’ -]{1,30}?(?:,\s*[^—–()\n]{1,30}?)?\s*\((?<agency>[^()\n]{2,30})\))` + DASH,
  'u',
);

/**
 * Derives an article's title, dateline, byline and source from its canonical text. Only clear
 * patterns count (a "By …" line near the top, a "KIGALI, Jan 29 (Reuters) —" dateline, a
 * "Published: …" or "Source: …" line); anything else stays undefined rather than guessed.
 * The title falls back to the first sentence of the first paragraph, shortened to ~90 characters.
 */
export function deriveMetadata(text: string, lines: readonly LineInfo[], titleHint?: string): DerivedMetadata {
  return derive(new ContentLines(text, lines), findSourceLine(text, lines), titleHint);
}

/**
 * `deriveMetadata` of a whole plain-text article (no title hint) from its first lines alone, or
 * null when they are not enough. `head` is the article's first lines, whole, and `lines` their
 * records as the whole article's would be; the article has no "Source: …" line (the caller has
 * made sure). The metadata is that of the whole article whenever it is found without looking past
 * the head's last line: every line it reads is then the same in both.
 */
export function deriveMetadataFromHead(head: string, lines: readonly LineInfo[]): DerivedMetadata | null {
  const content = new ContentLines(head, lines);
  const meta = derive(content, undefined, undefined);
  return content.exhausted ? null : meta;
}

function derive(content: ContentLines, sourceLine: ContentLine | undefined, titleHint: string | undefined): DerivedMetadata {
  const header = content.first(HEADER_LINES);
  const bylineLine = header.find((line) => BYLINE_START.test(line.raw) && parseByline(line.text) !== null);
  const byline = bylineLine ? parseByline(bylineLine.text) : null;
  const publishedLine = header.find((line) => PUBLISHED_START.test(line.raw) && PUBLISHED.test(line.text) && words(line.text) <= 12);
  const isNote = (line: ContentLine): boolean => line === bylineLine || line === publishedLine || line.index === sourceLine?.index;

  const first = content.at(0);
  const headline = !titleHint?.trim() && first && !isNote(first) && looksLikeHeadline(first.text) ? first : undefined;
  const paragraph = firstParagraph(content, (line) => line !== headline && !isNote(line));
  const dateline = paragraph ? (CAPS_DATELINE.exec(paragraph.text) ?? AGENCY_DATELINE.exec(paragraph.text)) : null;

  const title =
    collapseWhiteSpace(titleHint ?? '') ||
    headline?.text ||
    (paragraph ? shortTitle(firstSentence(paragraph.text.slice(dateline?.[0].length ?? 0))) : '');
  const meta: DerivedMetadata = { title };
  const datelineText = dateline?.groups?.dateline?.trim() ?? publishedLine?.text.match(PUBLISHED)?.groups?.date?.trim();
  if (datelineText) meta.dateline = datelineText;
  if (byline) meta.byline = byline.names;
  const source = byline?.agency ?? sourceLine?.text.match(SOURCE)?.groups?.source?.trim() ?? dateline?.groups?.agency?.trim();
  if (source) meta.source = source;
  return meta;
}

/** A non-blank line that is not boilerplate; `text` is the line tidied up, worked out when first asked for. */
class ContentLine {
  private tidied: string | undefined;

  constructor(
    readonly raw: string,
    readonly info: LineInfo | undefined,
    /** Its line number in the text. */
    readonly index: number,
  ) {}

  /** Long paragraphs are only ever searched at their start (title, dateline): only trimmed. */
  get text(): string {
    this.tidied ??= this.raw.length > 300 ? this.raw.trim() : collapseWhiteSpace(this.raw);
    return this.tidied;
  }
}

/**
 * The lines that can carry metadata (not blank, not boilerplate), read from the text as far as
 * they are asked for: the title, byline and dateline are in the first few, so the rest of the
 * article is never split into lines (splitting and tidying every line was most of the cost of
 * deriving metadata for a 10,000-article corpus).
 */
export class ContentLines {
  private readonly read: ContentLine[] = [];
  /** Where the next line to look at starts in the text, and its line number. */
  private next = 0;
  private lineNumber = 0;
  /** True once a line past the last was asked for: everything after the text might have mattered. */
  exhausted = false;

  constructor(
    private readonly text: string,
    private readonly lines: readonly LineInfo[],
  ) {}

  /** The `k`th content line (from 0), or undefined past the last. */
  at(k: number): ContentLine | undefined {
    while (this.read.length <= k && this.next <= this.text.length) {
      const end = lineEnd(this.text, this.next);
      const info = this.lines[this.lineNumber];
      if (isContent(info) && firstNonSpace(this.text, this.next, end) < end) {
        this.read.push(new ContentLine(this.text.slice(this.next, end), info, this.lineNumber));
      }
      this.next = end + 1;
      this.lineNumber += 1;
    }
    if (this.read.length <= k) this.exhausted = true;
    return this.read[k];
  }

  /** The first `count` content lines (fewer when there are not as many). */
  first(count: number): ContentLine[] {
    this.at(count - 1);
    return this.read.slice(0, count);
  }
}

/** The first content line that `inBody` keeps and is not a heading, else the first it keeps. */
function firstParagraph(content: ContentLines, inBody: (line: ContentLine) => boolean): ContentLine | undefined {
  let firstInBody: ContentLine | undefined;
  for (let k = 0, line = content.at(0); line; line = content.at(++k)) {
    if (!inBody(line)) continue;
    if (line.info?.kind !== 'heading') return line;
    firstInBody ??= line;
  }
  return firstInBody;
}

/**
 * The first content line anywhere in the text that is a "Source: …" line. Every line may be one,
 * so every line is looked at, but only by its first character: only a line whose first non-space
 * character can start "source" (case-insensitively: s, S or the long s ſ) is cut out and tested.
 */
export function findSourceLine(text: string, lines: readonly LineInfo[]): ContentLine | undefined {
  for (let start = 0, lineNumber = 0; start <= text.length; lineNumber++) {
    const end = lineEnd(text, start);
    const first = firstNonSpace(text, start, end);
    const unit = text.charCodeAt(first);
    if (first < end && (unit === 0x73 || unit === 0x53 || unit === 0x17f) && isContent(lines[lineNumber])) {
      const line = new ContentLine(text.slice(start, end), lines[lineNumber], lineNumber);
      if (SOURCE_START.test(line.raw) && line.text.length < 120 && SOURCE.test(line.text) && words(line.text) <= 8) return line;
    }
    start = end + 1;
  }
  return undefined;
}

function isContent(info: LineInfo | undefined): boolean {
  return info?.kind !== 'blank' && info?.boilerplate !== true;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

/** The index of the first character in [from, end) that is not white space (as `\s`), or `end`. */
function firstNonSpace(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && isWhiteSpaceUnit(text.charCodeAt(i))) i += 1;
  return i;
}

/** "By Jane Doe and John Roe, Reuters" → names and agency; null unless the rest reads as names. */
function parseByline(line: string): { names: string; agency?: string } | null {
  const names = BYLINE.exec(line)?.groups?.names?.trim();
  if (!names || words(names) > 12 || /(?:\p{Ll}\.|[!?])$/u.test(names)) return null;
  const comma = names.lastIndexOf(',');
  const tail = comma >= 0 ? names.slice(comma + 1).trim() : '';
  const agency = AGENCIES.has(tail.toLowerCase()) ? tail : undefined;
  const people = agency ? names.slice(0, comma).trim() : names;
  const allNames = people
    .split(/\s*,\s*|\s+/u)
    .every((word) => /^\p{Lu}/u.test(word) || /^(?:and|&|de|del|der|van|von|da|di|du|la|le|al|bin|y)$/u.test(word));
  if (!allNames) return null;
  return agency ? { names: people, agency } : { names: people };
}

function looksLikeHeadline(text: string): boolean {
  return (
    words(text) <= HEADLINE_MAX_WORDS &&
    /\p{L}/u.test(text) &&
    !/[.,;:]$/u.test(text) &&
    !isStampLine(text) &&
    !CAPS_DATELINE.test(text) &&
    !AGENCY_DATELINE.test(text)
  );
}

/** One segmenter for every article: making one per call cost more than segmenting. */
const SENTENCES = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * The first sentence of a paragraph. Unicode sentence breaks alone cut after "U.S." or "Dr." and
 * inside quotations, so segments are joined back while the text so far ends in an abbreviation
 * or has an open quotation mark.
 */
export function firstSentence(paragraph: string): string {
  // Segments are looked up by position (`containing`) rather than iterated: the same segments,
  // without an iterator and its result objects for every paragraph.
  const segments = SENTENCES.segment(paragraph);
  let sentence = '';
  for (let segment = segments.containing(0); segment; segment = segments.containing(segment.index + segment.segment.length)) {
    sentence += segment.segment;
    if (!endsWithAbbreviation(sentence) && !hasOpenQuote(sentence)) break;
  }
  return collapseWhiteSpace(sentence);
}

function endsWithAbbreviation(text: string): boolean {
  const word = /(?:^|[\s(“"‘'])([\p{L}.]+)\.\s*$/u.exec(text)?.[1];
  if (word === undefined) return false;
  return word.includes('.') || /^\p{Lu}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase());
}

function hasOpenQuote(text: string): boolean {
  const count = (pattern: RegExp): number => text.match(pattern)?.length ?? 0;
  return count(/"/gu) % 2 === 1 || count(/“/gu) > count(/”/gu);
}

/** A sentence as a title: no closing period, cut at a word boundary with "…" when too long. */
function shortTitle(sentence: string): string {
  const chars = Array.from(sentence);
  if (chars.length <= TITLE_MAX_CHARS) return endsWithAbbreviation(sentence) ? sentence : sentence.replace(/\.$/u, '');
  const cut = chars.slice(0, TITLE_MAX_CHARS - 1).join('');
  const space = cut.lastIndexOf(' ');
  const kept = space > TITLE_MAX_CHARS / 2 ? cut.slice(0, space) : cut;
  return `${kept.replace(/[\s,;:—–-]+$/u, '')}…`;
}

function words(text: string): number {
  return text.split(' ').filter(Boolean).length;
}
