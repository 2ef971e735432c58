import { createOffsetConverter } from '../../../shared/anchoring/code-points';
import type { LineInfo } from '../../../shared/model/article';
import type { MentionHit } from '../../../shared/model/mention';
import type { MentionMatch, MentionMatcher } from '../../../shared/search/mention-matcher';

/** An article's canonical text; `lines[i]` describes line i of `text.split('\n')`. */
export interface ArticleText {
  text: string;
  lines: readonly LineInfo[];
}

export interface MentionQuery {
  /** An entity's canonical name, aliases and handles. */
  terms: string[];
  /** Also report hits on boilerplate lines ("ALSO READ: …" cross-links, teasers). */
  includeBoilerplate: boolean;
  /** Characters of context on each side of a hit (default 60), before trimming to whole words. */
  contextChars?: number;
}

export const DEFAULT_CONTEXT_CHARS = 60;

/** What searching a batch of articles found: each article's hits together, in text order. */
export interface ArticleBatchResult {
  /** Articles whose text could be read and was searched. */
  searched: number;
  hits: MentionHit[];
}

/** What a search needs of an article: its canonical text, and which of its lines are boilerplate. */
export interface SearchableText {
  text: string;
  isBoilerplate(line: number): boolean;
}

/** An article's text and line structure, as a search uses them. */
export function searchableText({ text, lines }: ArticleText): SearchableText {
  return { text, isBoilerplate: (line) => lines[line]?.boilerplate === true };
}

/** The indices of an article's boilerplate lines: all a search needs of its line structure. */
export function boilerplateLines(lines: readonly LineInfo[]): number[] {
  const found: number[] = [];
  lines.forEach((line, i) => {
    if (line.boilerplate) found.push(i);
  });
  return found;
}

/** Any surrogate: without one, UTF-16 and code point offsets are the same. */
const ASTRAL = /[\ud800-\udfff]/;

/** The hits in one article, with code point offsets, line and context, boilerplate filtered. */
export function hitsIn(articlePath: string, content: SearchableText, matcher: MentionMatcher, includeBoilerplate: boolean, contextChars: number): MentionHit[] {
  const { text } = content;
  const matches = matcher.find(text);
  if (matches.length === 0) return [];
  // Most articles have no astral character, and building a converter walks the whole text: that
  // walk took 220 ms of a 3.5 s search of 10,000 articles.
  const offsets = ASTRAL.test(text) ? createOffsetConverter(text) : null;
  const hits: MentionHit[] = [];
  let line = 0;
  let lineStart = 0;
  let lineEnd = lineEndFrom(text, 0);
  for (const match of matches) {
    while (match.start > lineEnd) {
      line += 1;
      lineStart = lineEnd + 1;
      lineEnd = lineEndFrom(text, lineStart);
    }
    if (!includeBoilerplate && content.isBoilerplate(line)) continue;
    hits.push(toHit(articlePath, text, match, offsets ? offsets.toCodePoint(match.start, 'floor') : match.start, offsets ? offsets.toCodePoint(match.end, 'ceil') : match.end, line, lineStart, lineEnd, contextChars));
  }
  return hits;
}

function lineEndFrom(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

function toHit(articlePath: string, text: string, match: MentionMatch, startCodePoint: number, endCodePoint: number, line: number, lineStart: number, lineEnd: number, contextChars: number): MentionHit {
  return {
    path: articlePath,
    start: match.start,
    end: match.end,
    startCodePoint,
    endCodePoint,
    term: match.term,
    exact: text.slice(match.start, match.end),
    left: leftContext(text, lineStart, match.start, contextChars),
    right: rightContext(text, match.end, lineEnd, contextChars),
    line,
  };
}

const SPACE = /\s/;

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Up to `size` characters before `start` on its line, without a cut-off word at the far end. */
export function leftContext(text: string, lineStart: number, start: number, size: number): string {
  let from = Math.max(lineStart, start - size);
  if (from > lineStart && !SPACE.test(text.charAt(from - 1))) {
    const space = text.slice(from, start).search(SPACE);
    // One word longer than the whole window (a URL): cut it, but never inside a surrogate pair.
    if (space === -1) from += isLowSurrogate(text.charCodeAt(from)) ? 1 : 0;
    else from += space;
  }
  return text.slice(from, start).trimStart();
}

/** Up to `size` characters after `end` on its line, without a cut-off word at the far end. */
export function rightContext(text: string, end: number, lineEnd: number, size: number): string {
  const limit = Math.max(end, lineEnd);
  let to = Math.min(limit, end + size);
  if (to < limit && !SPACE.test(text.charAt(to))) {
    const window = text.slice(end, to);
    let space = window.length - 1;
    while (space >= 0 && !SPACE.test(window.charAt(space))) space -= 1;
    if (space === -1) to -= isLowSurrogate(text.charCodeAt(to)) ? 1 : 0;
    else to = end + space;
  }
  return text.slice(end, to).trimEnd();
}

