import { collapseWhiteSpace } from '../../../shared/text/white-space';
import { hasAtMostWords } from './white-space-words';

/** "ALSO READ: …", "Read more: …", "Related: …": a cross-link to another story, on one line. */
export const CROSS_LINK = /^(?:also read|read also|see also)\s*[:\-–—|]|^(?:read more|related|recommended|more from [^:]{1,40})\s*:/iu;

/**
 * What every `CROSS_LINK` match starts with, on the raw line (white space not yet collapsed, same
 * flags): a line failing this cannot be a cross-link, so most lines are refused without normalising.
 */
const CROSS_LINK_START = /^\s*(?:also\s+read|read\s+also|see\s+also|read\s+more|related|recommended|more\s+from\s)/iu;

/** Whole-line site furniture: comment prompts, share and subscribe buttons, ad labels. */
export const FURNITURE = [
  /^what(?:['’]s| is) your opinion(?: on this(?: topic| story| article)?)?\s*\?$/iu,
  /^(?:leave|post|add|write) (?:the first|a|your) comment$/iu,
  /^(?:\d+ )?comments?(?: \(\d+\))?$/iu,
  /^share (?:this|the) (?:article|story|post|page)$/iu,
  /^share (?:on|via) (?:facebook|twitter|x|whatsapp|linkedin|telegram|email)$/iu,
  // A finished sentence ("Sign up was slow, officials told us.") is article text, not a button.
  /^(?:subscribe|sign up)$|^(?:subscribe|sign up)\b(?!.*\.$).*\b(?:newsletters?|subscriptions?|updates|alerts|our|us|free|now|today|here)\b/iu,
  /^follow us on\b/iu,
  /^(?:advertisement|sponsored(?: content)?|scroll to continue with content)$/iu,
  /^(?:copyright\b|©).*all rights reserved$/iu,
];

/**
 * What every `FURNITURE` match starts with, on the raw line (see `CROSS_LINK_START`): each
 * pattern's first word, with the same flags, so a line failing this matches none of them.
 */
const FURNITURE_START =
  /^\s*(?:what|leave|post|add|write|\d|comment|share|subscribe|sign\s+up|follow|advertisement|sponsored|scroll|copyright|©)/iu;

/** Furniture lines are short; a real paragraph that happens to start with "Subscribe" is not. */
const FURNITURE_MAX_WORDS = 12;
/** No line of 12 words or fewer is longer than this, so longer lines skip the furniture checks. */
const FURNITURE_MAX_CHARS = 400;
const TEASER_HEADING_MAX_CHARS = 80;

/** A heading that introduces a block of teasers for other stories, usually at the end. */
const TEASER_HEADING = new RegExp(
  `^(?:${[
    'read next',
    'read more',
    'also read',
    'related(?: (?:articles|stories|news|posts|content|coverage))?',
    'more (?:stories|news)',
    'more from .{1,40}',
    'you (?:may|might) also like',
    'recommended(?: for you)?',
    'most (?:read|popular)',
    'trending(?: now)?',
    'latest news',
    'top stories',
    "editor['’]s picks",
  ].join('|')})$`,
  'iu',
);

/** What every `TEASER_HEADING` match starts with, on the raw line (see `CROSS_LINK_START`). */
const TEASER_HEADING_START = /^\s*(?:read|also|related|more|you|recommended|most|trending|latest|top|editor)/iu;

/** "06:00", "1:47 pm", "5 hours ago", "26 March 2025", "March 26, 2025 10:15", "2025-03-26", "26.03.2025". */
export const STAMP = new RegExp(
  `^(?:${[
    String.raw`\d{1,2}:\d{2}(?:\s?[ap]\.?m\.?)?`,
    String.raw`\d+\s+(?:mins?|minutes?|hours?|days?|weeks?)\s+ago`,
    String.raw`(?:\d{1,2}\s+\p{L}+\.?,?\s+\d{4}|\p{L}+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})(?:,?\s+\d{1,2}:\d{2})?`,
  ].join('|')})$`,
  'iu',
);

/** `\d` is ASCII digits only, with or without the `u` flag. */
const ASCII_DIGIT = /[0-9]/;

/** A teaser without a time stamp must look like a headline: short, and not a finished sentence. */
const TEASER_HEADLINE_MAX_WORDS = 20;

/**
 * Marks the lines of an article that are site boilerplate rather than its text: cross-links
 * ("ALSO READ: …"), comment and share prompts, and a trailing "Read next" block of teasers.
 * Conservative on purpose: a marked line is only dimmed, but a real paragraph marked by mistake
 * would be hidden from the reader's attention. Blank lines are never marked.
 */
export function detectBoilerplate(lines: readonly string[]): boolean[] {
  const marks = lines.map((line) => isSingleLineBoilerplate(line));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    // Teaser headings are a few words; skipping long lines keeps a 10,000-file listing fast.
    if (line.length > TEASER_HEADING_MAX_CHARS || !TEASER_HEADING_START.test(line)) continue;
    if (!TEASER_HEADING.test(collapseWhiteSpace(line).replace(/:$/u, ''))) continue;
    marks[i] = true;
    i = markTeasers(lines, marks, i + 1);
  }
  return marks;
}

/** True for a line that is boilerplate on its own, wherever it appears. */
export function isSingleLineBoilerplate(line: string): boolean {
  // Most lines are paragraphs that start like no cross-link and are too long to be furniture:
  // they are refused on the raw line, without normalising it (which, for every line of 10,000
  // articles, took most of the boilerplate detection's 1 s).
  const mayCrossLink = CROSS_LINK_START.test(line);
  // A long paragraph can only be a cross-link ("ALSO READ: <headline>"), which shows in its first words.
  if (line.length > FURNITURE_MAX_CHARS) return mayCrossLink && CROSS_LINK.test(collapseWhiteSpace(line.slice(0, 80)));
  if (!mayCrossLink && (!FURNITURE_START.test(line) || !hasAtMostWords(line, FURNITURE_MAX_WORDS))) return false;
  const text = collapseWhiteSpace(line);
  if (text === '') return false;
  if (CROSS_LINK.test(text)) return true;
  return wordCount(text) <= FURNITURE_MAX_WORDS && FURNITURE.some((pattern) => pattern.test(text));
}

/** True for a bare time or date line, as used between teasers ("06:00", "5 hours ago"). */
export function isStampLine(line: string): boolean {
  // Every stamp has a digit: most lines have none and are refused without being normalised.
  return ASCII_DIGIT.test(line) && STAMP.test(collapseWhiteSpace(line));
}

/**
 * Marks the teaser block that follows a teaser heading and returns the index of the last line it
 * looked at. Stops at the first line that could be article text, so a "Related" box in the middle
 * of an article does not swallow the paragraphs after it.
 */
function markTeasers(lines: readonly string[], marks: boolean[], start: number): number {
  let afterStamp = false;
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    // A line of more words is neither a stamp (at most 4) nor a headline-like teaser: most such
    // lines are the article's paragraphs, so they are decided without normalising them.
    const short = hasAtMostWords(line, TEASER_HEADLINE_MAX_WORDS);
    const text = short ? collapseWhiteSpace(line) : null;
    if (text === '') continue;
    if (text !== null && isStampLine(text)) {
      marks[i] = true;
      afterStamp = true;
      continue;
    }
    const teaser = afterStamp || (text !== null && !/[.:;,]$/u.test(text));
    if (!teaser && !marks[i]) return i - 1;
    marks[i] = true;
    afterStamp = false;
  }
  return i;
}

function wordCount(text: string): number {
  return text.split(' ').length;
}
