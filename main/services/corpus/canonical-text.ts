import type * as ReadabilityModule from '@mozilla/readability';
import type * as JsdomModule from 'jsdom';
import { createRequire } from 'node:module';
import { lexer } from 'marked';
import type { MarkedToken, Token, Tokens } from 'marked';
import type { ArticleFormat, ArticleWarning, LineInfo, LineKind } from '../../../shared/model/article';
import { detectBoilerplate, isStampLine } from './detect-boilerplate';
import { hasAtMostWords } from './white-space-words';

/**
 * jsdom and Readability are loaded on first use, not with this module: jsdom costs about 1 s of CPU
 * to load (a whole DOM), which plain-text corpora never need, and each listing worker thread would
 * pay it again at start-up.
 */
const loadModule = createRequire(import.meta.url);
let jsdom: typeof JsdomModule | undefined;
let readability: typeof ReadabilityModule | undefined;
const dom = (): typeof JsdomModule => (jsdom ??= loadModule('jsdom') as typeof JsdomModule);
const readabilityModule = (): typeof ReadabilityModule => (readability ??= loadModule('@mozilla/readability') as typeof ReadabilityModule);

/** An article's text as the reader shows it: `lines[i]` describes line i of `text.split('\n')`. */
export interface CanonicalText {
  text: string;
  lines: LineInfo[];
  /** A title found in the markup itself (first Markdown h1, HTML title). */
  titleHint?: string;
  warnings: ArticleWarning[];
}

type TextKind = Exclude<LineKind, 'blank'>;

/**
 * Turns decoded article text into the canonical line-structured text: plain text is kept as is;
 * Markdown and HTML are rendered to plain lines (one per paragraph, heading, list item or quote
 * paragraph, blocks separated by one blank line). Always returns at least one line.
 */
export function toCanonicalText(format: ArticleFormat, decoded: string): CanonicalText {
  if (format === 'markdown') return fromMarkdown(decoded);
  if (format === 'html') return fromHtml(decoded);
  return fromPlainText(decoded);
}

/**
 * The line records of plain text, shared by every line of every article rather than made per
 * line (170,000 objects for 10,000 articles). Frozen: nothing may change a line record once made.
 */
const PLAIN_LINES = {
  blank: Object.freeze<LineInfo>({ kind: 'blank', boilerplate: false }),
  subheading: Object.freeze<LineInfo>({ kind: 'heading', level: 2, boilerplate: false }),
  paragraph: Object.freeze<LineInfo>({ kind: 'paragraph', boilerplate: false }),
  boilerplate: Object.freeze<LineInfo>({ kind: 'paragraph', boilerplate: true }),
};

function fromPlainText(text: string): CanonicalText {
  const strings = text.split('\n');
  const boilerplate = detectBoilerplate(strings);
  const lines = strings.map((line, i): LineInfo => {
    if (line.trim() === '') return PLAIN_LINES.blank;
    if (isSubheading(strings, boilerplate, i)) return PLAIN_LINES.subheading;
    return boilerplate[i] ? PLAIN_LINES.boilerplate : PLAIN_LINES.paragraph;
  });
  return { text, lines, warnings: [] };
}

/** Plain-text subheadings are at most this long ("Background and U.S. Response"). */
const SUBHEADING_MAX_WORDS = 7;
const SUBHEADING_MAX_CHARS = 100;

/** A short, capitalised line without closing punctuation, standing between two prose paragraphs. */
function isSubheading(strings: readonly string[], boilerplate: readonly boolean[], i: number): boolean {
  const text = (strings[i] ?? '').trim();
  const heading =
    text.length <= SUBHEADING_MAX_CHARS &&
    !boilerplate[i] &&
    hasAtMostWords(text, SUBHEADING_MAX_WORDS) &&
    /^\p{Lu}/u.test(text) &&
    !/[.!?:;,…"'“”‘’]$/u.test(text) &&
    !/^(?:by|published|updated|posted|source)\b/iu.test(text) &&
    !isStampLine(text);
  if (!heading) return false;
  const isProse = (j: number): boolean => {
    const line = (strings[j] ?? '').trim();
    return !boilerplate[j] && (!hasAtMostWords(line, SUBHEADING_MAX_WORDS) || /[.!?…"”’]$/u.test(line));
  };
  const nonBlank = (j: number): boolean => (strings[j] ?? '').trim() !== '';
  let previous = i - 1;
  while (previous >= 0 && !nonBlank(previous)) previous -= 1;
  let next = i + 1;
  while (next < strings.length && !nonBlank(next)) next += 1;
  return previous >= 0 && next < strings.length && isProse(previous) && isProse(next);
}

/** Collects rendered lines, inserting a single blank line wherever a block boundary was asked for. */
class LineBuilder {
  private readonly texts: string[] = [];
  private readonly infos: Omit<LineInfo, 'boilerplate'>[] = [];
  private gapPending = false;

  add(kind: TextKind, text: string, level?: number): void {
    if (text.trim() === '') return;
    if (this.gapPending && this.texts.length > 0) {
      this.texts.push('');
      this.infos.push({ kind: 'blank' });
    }
    this.gapPending = false;
    this.texts.push(text);
    this.infos.push(kind === 'heading' ? { kind, level: Math.min(Math.max(level ?? 2, 1), 6) } : { kind });
  }

  gap(): void {
    this.gapPending = true;
  }

  get isEmpty(): boolean {
    return this.texts.length === 0;
  }

  finish(titleHint: string | undefined, warnings: ArticleWarning[]): CanonicalText {
    const hint = titleHint?.trim() ? { titleHint: titleHint.trim() } : {};
    if (this.texts.length === 0) return { text: '', lines: [{ kind: 'blank', boilerplate: false }], ...hint, warnings };
    const boilerplate = detectBoilerplate(this.texts);
    const lines = this.infos.map((info, i) => ({ ...info, boilerplate: info.kind !== 'blank' && (boilerplate[i] ?? false) }));
    return { text: this.texts.join('\n'), lines, ...hint, warnings };
  }
}

/** Collapses runs of ASCII whitespace (soft line breaks included), as HTML does; NBSP is content. */
function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f]+/gu, ' ').trim();
}

function fromMarkdown(source: string): CanonicalText {
  const out = new LineBuilder();
  let titleHint: string | undefined;
  // `context` overrides the line kind inside lists and quotes; `tight` keeps list items together.
  const walk = (tokens: readonly Token[] | undefined, context: TextKind | null, tight: boolean): void => {
    for (const token of known(tokens)) {
      if (!tight) out.gap();
      const add = (kind: TextKind, text: string, level?: number): void => out.add(context ?? kind, text, level);
      if (token.type === 'heading') {
        const text = inlineLines(token.tokens);
        if (token.depth === 1 && context === null) titleHint ??= text.join(' ');
        text.forEach((line) => add('heading', line, token.depth));
      } else if (token.type === 'paragraph' || token.type === 'text') {
        inlineLines([token]).forEach((line) => add('paragraph', line));
      } else if (token.type === 'list') {
        token.items.forEach((item) => walk(item.tokens, context ?? 'list-item', true));
      } else if (token.type === 'blockquote') {
        walk(token.tokens, 'quote', tight);
      } else if (token.type === 'code') {
        token.text.split('\n').forEach((line) => (line.trim() === '' && !tight ? out.gap() : add('paragraph', line.trimEnd())));
      } else if (token.type === 'table') {
        const cells = (row: Tokens.TableCell[]): string => row.map((cell) => inlineLines(cell.tokens).join(' ')).join(' | ');
        [token.header, ...token.rows].forEach((row) => add('paragraph', cells(row)));
      } else if (token.type === 'html' && token.block) {
        walkHtml(dom().JSDOM.fragment(token.text), out, context ?? 'paragraph');
      }
    }
  };
  walk(lexer(source), null, false);
  return out.finish(titleHint, []);
}

/** No marked extensions are registered, so every token the lexer produces is a built-in one. */
function known(tokens: readonly Token[] | undefined): readonly MarkedToken[] {
  return (tokens ?? []) as readonly MarkedToken[];
}

/** Inline Markdown as plain text, one string per hard line break, markup removed. */
function inlineLines(tokens: readonly Token[]): string[] {
  const lines = [''];
  const append = (text: string): void => void lines.push(`${lines.pop() ?? ''}${text}`);
  const visit = (list: readonly Token[] | undefined): void => {
    for (const token of known(list)) {
      if (token.type === 'paragraph' || token.type === 'text') {
        if (token.tokens) visit(token.tokens);
        else append(decodeEntities(token.text));
      } else if (token.type === 'escape' || token.type === 'codespan') {
        append(token.text);
      } else if (['strong', 'em', 'del', 'link', 'image'].includes(token.type) && 'tokens' in token) {
        visit(token.tokens);
      } else if (token.type === 'br' || (token.type === 'html' && /^<br\b/iu.test(token.text))) {
        lines.push('');
      }
    }
  };
  visit(tokens);
  return lines.map(collapse).filter(Boolean);
}

/** Markdown keeps entities such as `&amp;` as written; an HTML parser knows the whole table. */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return dom().JSDOM.fragment(text.replaceAll('<', '&lt;')).textContent ?? text;
}

const NOT_CONTENT = new Set('script style noscript template head iframe object svg canvas img button select'.split(' '));
const BLOCKS = new Set(
  'p div section article main header footer aside nav figure figcaption ul ol dl dt dd table form fieldset details summary address hr center li blockquote pre tr'.split(' '),
);

/** Renders a DOM subtree into lines: h1–h6, p, li and blockquote map to line kinds; br splits lines. */
function walkHtml(root: Node, out: LineBuilder, rootKind: TextKind): void {
  let buffer = '';
  const flush = (kind: TextKind, level?: number): void => {
    buffer.split('\n').forEach((part) => out.add(kind, collapse(part), level));
    buffer = '';
  };
  const visit = (node: Node, kind: TextKind, level?: number): void => {
    if (node.nodeType === node.TEXT_NODE) buffer += node.textContent ?? '';
    const name = node.nodeType === node.ELEMENT_NODE ? node.nodeName.toLowerCase() : '';
    const heading = /^h([1-6])$/u.exec(name);
    if (NOT_CONTENT.has(name)) return;
    if (name === 'br') buffer += '\n';
    if (!heading && !BLOCKS.has(name)) {
      node.childNodes.forEach((child) => visit(child, kind, level));
      return;
    }
    const inner: TextKind =
      name === 'li' ? 'list-item' : name === 'blockquote' ? 'quote' : heading && kind === 'paragraph' ? 'heading' : kind;
    const innerLevel = heading ? Number(heading[1]) : level;
    const separate = (): void => {
      if (name !== 'li' && kind !== 'list-item') out.gap();
    };
    flush(kind, level);
    separate();
    if (name === 'pre') {
      (node.textContent ?? '').split('\n').forEach((line) => out.add(kind, line.trimEnd()));
    } else if (name === 'tr') {
      const cells = [...node.childNodes].map((cell) => collapse(cell.textContent ?? ''));
      out.add(kind, cells.filter(Boolean).join(' | '));
    } else {
      node.childNodes.forEach((child) => visit(child, inner, innerLevel));
      flush(inner, innerLevel);
    }
    separate();
  };
  visit(root, rootKind);
  flush(rootKind);
}

const PARSE_FAILED: ArticleWarning = {
  code: 'parse-failed',
  message: "Could not find the article's main content; showing all page text",
};

function fromHtml(source: string): CanonicalText {
  const readable = inDocument(source, (document) => {
    const article = new (readabilityModule().Readability)<Node>(document, { serializer: (node) => node }).parse();
    const out = new LineBuilder();
    if (article?.content) walkHtml(article.content, out, 'paragraph');
    return { out, title: article?.title ?? undefined };
  });
  if (!readable.out.isEmpty) return readable.out.finish(readable.title, []);
  // Readability rewrites the document while scoring it, so the fallback starts from a fresh parse.
  return inDocument(source, (document) => {
    const out = new LineBuilder();
    walkHtml(document.body, out, 'paragraph');
    return out.finish(document.title, [PARSE_FAILED]);
  });
}

/**
 * Parses untrusted HTML. Leaving out `runScripts` and `resources` is what keeps jsdom from running
 * scripts or fetching anything; the silent virtual console swallows CSS and script parse noise.
 */
function inDocument<T>(html: string, use: (document: Document) => T): T {
  const { JSDOM, VirtualConsole } = dom();
  const page = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  try {
    return use(page.window.document);
  } finally {
    page.window.close();
  }
}
