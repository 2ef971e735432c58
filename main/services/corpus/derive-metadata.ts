import type { DerivedMetadata, LineInfo } from '../../../shared/model/article';
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
const NOT_SPACE = /\S/u;
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
  const content = contentLines(text, lines);
  const header = content.slice(0, HEADER_LINES);
  const bylineLine = header.find((line) => BYLINE_START.test(line.raw) && parseByline(line.text) !== null);
  const byline = bylineLine ? parseByline(bylineLine.text) : null;
  const publishedLine = header.find((line) => PUBLISHED_START.test(line.raw) && PUBLISHED.test(line.text) && words(line.text) <= 12);
  // Every line may be a "Source:" line, but only one that starts like one is tidied up and tested.
  const sourceLine = content.find((line) => SOURCE_START.test(line.raw) && line.text.length < 120 && SOURCE.test(line.text) && words(line.text) <= 8);
  const isNote = (line: (typeof content)[number]): boolean =>
    line === bylineLine || line === publishedLine || line === sourceLine;

  const first = content[0];
  const headline = !titleHint?.trim() && first && !isNote(first) && looksLikeHeadline(first.text) ? first : undefined;
  const body = content.filter((line) => line !== headline && !isNote(line));
  const paragraph = body.find((line) => line.info?.kind !== 'heading') ?? body[0];
  const dateline = paragraph ? (CAPS_DATELINE.exec(paragraph.text) ?? AGENCY_DATELINE.exec(paragraph.text)) : null;

  const title =
    collapse(titleHint ?? '') ||
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
  ) {}

  /** Long paragraphs are only ever searched at their start (title, dateline): only trimmed. */
  get text(): string {
    this.tidied ??= this.raw.length > 300 ? this.raw.trim() : collapse(this.raw);
    return this.tidied;
  }
}

/**
 * The lines that can carry metadata. Their tidied text is computed lazily, since only the first few
 * and a possible "Source:" line are ever looked at: tidying every line was most of the cost of
 * deriving metadata for a 10,000-article corpus.
 */
function contentLines(text: string, lines: readonly LineInfo[]): ContentLine[] {
  const content: ContentLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const info = lines[i];
    if (info?.kind !== 'blank' && info?.boilerplate !== true && NOT_SPACE.test(raw)) content.push(new ContentLine(raw, info));
  });
  return content;
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
  let sentence = '';
  for (const { segment } of SENTENCES.segment(paragraph)) {
    sentence += segment;
    if (!endsWithAbbreviation(sentence) && !hasOpenQuote(sentence)) break;
  }
  return collapse(sentence);
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

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function words(text: string): number {
  return text.split(' ').filter(Boolean).length;
}
