// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LineInfo } from '../../../shared/model/article';
import {
  EMPTY_SELECTION,
  OUTSIDE_ARTICLE,
  boilerplateOverlap,
  createLineIndex,
  domPointToOffset,
  rangeToTextRange,
  textRangeToDomRange,
  trimToNonBoilerplate,
} from './text-geometry';

// From corpus/001_49124f787c8de1cf.txt, with a blank line, a whitespace-only line and an
// astral-plane line (flag = two regional indicators, thumbs up + skin tone) added.
const LINES: readonly (readonly [string, LineInfo])[] = [
  ['"Both leaders reaffirmed their commitment to push for a diplomatic resolution to the crisis," the State Department said.', { kind: 'paragraph', boilerplate: false }],
  ['The conflict, driven by ethnic and geopolitical tensions, has intensified in recent weeks, with M23 rebels capturing the cities of Goma and Bukavu. The group’s resurgence marks the most severe escalation in over a decade.', { kind: 'paragraph', boilerplate: false }],
  ['Background and U.S. Response', { kind: 'heading', level: 3, boilerplate: false }],
  ['', { kind: 'blank', boilerplate: false }],
  ['M23, accused of receiving military support from Rwanda, has reignited tensions between Kinshasa and Kigali.', { kind: 'paragraph', boilerplate: false }],
  ['Goma 🇨🇩 👍🏾', { kind: 'paragraph', boilerplate: false }],
  ['  ', { kind: 'blank', boilerplate: false }],
  ['Read next', { kind: 'paragraph', boilerplate: true }],
  ['06:00', { kind: 'paragraph', boilerplate: true }],
  ['As the world shifts toward clean energy at an ever-accelerating pace, large economies are scrambling to secure reliable supply chains for rare earth minerals.', { kind: 'paragraph', boilerplate: true }],
  ['', { kind: 'blank', boilerplate: false }],
];
const TEXT = LINES.map(([line]) => line).join('\n');
const INFOS = LINES.map(([, info]) => info);
const index = createLineIndex(TEXT);

let root: HTMLElement;
let header: HTMLElement;
let footer: HTMLElement;

/** The DOM that ArticleText renders for TEXT, inside a pane with a title header and a footer. */
function renderPane(): void {
  const pane = document.createElement('section');
  header = document.createElement('h2');
  header.textContent = 'Rubio and Ruto call for ceasefire';
  root = document.createElement('div');
  root.className = 'article-text';
  LINES.forEach(([line, info], i) => {
    if (info.kind === 'blank' || line.length === 0) return;
    const element = document.createElement(info.kind === 'heading' ? 'h3' : info.kind === 'quote' ? 'blockquote' : 'p');
    element.setAttribute('data-line', String(i));
    element.textContent = line;
    root.append(element);
  });
  footer = document.createElement('footer');
  footer.textContent = 'Source: corpus';
  pane.append(header, root, footer);
  document.body.append(pane);
}

function lineElement(line: number): Element {
  const element = root.querySelector(`[data-line="${line}"]`);
  if (!element) throw new Error(`line ${line} is not rendered`);
  return element;
}

function textOf(node: Node): Text {
  const text = node instanceof Text ? node : node.firstChild;
  if (!(text instanceof Text)) throw new Error('expected a text node');
  return text;
}

/** The DOM point of a canonical offset inside a rendered line. */
function point(offset: number): [Text, number] {
  const line = index.lineOf(offset);
  return [textOf(lineElement(line)), offset - index.lineStart(line)];
}

function domRange(start: [Node, number], end: [Node, number]): Range {
  const range = document.createRange();
  range.setStart(...start);
  range.setEnd(...end);
  return range;
}

function phrase(words: string): { start: number; end: number } {
  const start = TEXT.indexOf(words);
  expect(start).toBeGreaterThanOrEqual(0);
  return { start, end: start + words.length };
}

beforeEach(renderPane);
afterEach(() => document.body.replaceChildren());

describe('createLineIndex', () => {
  it('gives each offset its line, a newline belonging to the line it ends', () => {
    const small = createLineIndex('ab\n\ncd');
    expect([0, 1, 2, 3, 4, 5, 6].map((offset) => small.lineOf(offset))).toEqual([0, 0, 0, 1, 2, 2, 2]);
    expect([0, 1, 2].map((line) => [small.lineStart(line), small.lineEnd(line)])).toEqual([[0, 2], [3, 3], [4, 6]]);
    expect(LINES.map((_, i) => TEXT.slice(index.lineStart(i), index.lineEnd(i)))).toEqual(LINES.map(([line]) => line));
    expect(LINES.map((_, i) => index.lineOf(index.lineStart(i)))).toEqual(LINES.map((_, i) => i));
  });

  it('has one empty line for an empty text', () => {
    const empty = createLineIndex('');
    expect([empty.length, empty.lineCount, empty.lineOf(0), empty.lineStart(0), empty.lineEnd(0)]).toEqual([0, 1, 0, 0, 0]);
  });
});

describe('rangeToTextRange', () => {
  it('maps a selection within one line', () => {
    const goma = phrase('Goma and Bukavu');
    expect(rangeToTextRange(root, index, domRange(point(goma.start), point(goma.end)), TEXT)).toEqual(goma);
  });

  it('maps a selection across lines and over a blank line, from the live Selection', () => {
    const { start } = phrase('Bukavu.');
    const { end } = phrase('Kinshasa and Kigali');
    const selection = window.getSelection();
    if (!selection) throw new Error('no selection');
    selection.removeAllRanges();
    selection.addRange(domRange(point(start), point(end)));
    const result = rangeToTextRange(root, index, selection.getRangeAt(0), TEXT);
    expect(result).toEqual({ start, end });
    expect(TEXT.slice(start, end)).toContain('decade.\nBackground and U.S. Response\n\nM23, accused');
  });

  it('counts astral characters as two UTF-16 units', () => {
    const flags = phrase('🇨🇩 👍🏾');
    expect(flags.end - flags.start).toBe(9);
    expect(rangeToTextRange(root, index, domRange(point(flags.start), point(flags.end)), TEXT)).toEqual(flags);
  });

  it('clips a drag that starts in the title header to the start of the article', () => {
    const range = domRange([textOf(header), 4], point(phrase('"Both leaders').end));
    expect(rangeToTextRange(root, index, range, TEXT)).toEqual(phrase('"Both leaders'));
  });

  it('clips a drag that ends in the footer to the end of the article, without the trailing newline', () => {
    const range = domRange(point(phrase('Read next').start), [textOf(footer), 3]);
    expect(rangeToTextRange(root, index, range, TEXT)).toEqual({ start: phrase('Read next').start, end: index.lineEnd(9) });
  });

  it('refuses a selection outside the article', () => {
    expect(rangeToTextRange(root, index, domRange([textOf(header), 0], [textOf(header), 6]), TEXT)).toEqual({ error: OUTSIDE_ARTICLE });
    expect(rangeToTextRange(root, index, domRange([textOf(footer), 0], [textOf(footer), 6]), TEXT)).toEqual({ error: OUTSIDE_ARTICLE });
  });

  it('refuses whitespace-only and collapsed selections', () => {
    const blankLine = domRange(point(index.lineEnd(2)), [textOf(lineElement(4)), 0]);
    const spacesLine = domRange([lineElement(5), 1], [root, 5]);
    const caret = domRange(point(phrase('Goma').start), point(phrase('Goma').start));
    for (const range of [blankLine, spacesLine, caret]) {
      expect(rangeToTextRange(root, index, range, TEXT)).toEqual({ error: EMPTY_SELECTION });
    }
  });

  it('trims spaces and newlines around the selection', () => {
    const padded = phrase(' and Bukavu. ');
    expect(rangeToTextRange(root, index, domRange(point(padded.start), point(padded.end)), TEXT)).toEqual(phrase('and Bukavu.'));
    const lines = domRange([lineElement(2), 1], [root, 5]);
    expect(rangeToTextRange(root, index, lines, TEXT)).toEqual({ start: index.lineStart(4), end: index.lineEnd(5) });
  });
});

describe('domPointToOffset', () => {
  it('maps points on a line element to its start and end', () => {
    expect(domPointToOffset(root, index, lineElement(4), 0)).toBe(index.lineStart(4));
    expect(domPointToOffset(root, index, lineElement(4), 1)).toBe(index.lineEnd(4));
    expect(domPointToOffset(root, index, textOf(lineElement(4)), 5)).toBe(index.lineStart(4) + 5);
  });

  it('maps points between line elements to the next rendered line, or the end of the last', () => {
    // Children: lines 0, 1, 2, 4, 5, 7, 8, 9 (3, 6 and 10 are blank and not rendered).
    const offsets = [0, 3, 4, 5, 8].map((child) => domPointToOffset(root, index, root, child));
    expect(offsets).toEqual([0, index.lineStart(4), index.lineStart(5), index.lineStart(7), index.lineEnd(9)]);
  });

  it('still counts characters when a line holds several text nodes', () => {
    const second = textOf(lineElement(1)).splitText(20);
    const bukavu = phrase('Bukavu');
    expect(domPointToOffset(root, index, second, 3)).toBe(index.lineStart(1) + 23);
    const range = textRangeToDomRange(root, index, bukavu.start, bukavu.end);
    expect([range?.startContainer, range?.toString()]).toEqual([second, 'Bukavu']);
  });

  it('gives null outside the article', () => {
    expect(domPointToOffset(root, index, textOf(header), 2)).toBeNull();
    expect(domPointToOffset(root, index, footer, 0)).toBeNull();
    expect(domPointToOffset(root, index, document.createTextNode('Goma'), 1)).toBeNull();
  });
});

describe('textRangeToDomRange', () => {
  it('round-trips every word and several multi-line ranges', () => {
    const words = [...TEXT.matchAll(/\S+/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
    const spans = [phrase('Bukavu. The'), { start: index.lineStart(1) + 4, end: index.lineEnd(5) }, { start: 0, end: index.lineEnd(9) }];
    for (const span of [...words, ...spans]) {
      const range = textRangeToDomRange(root, index, span.start, span.end);
      if (!range) throw new Error(`no range for ${JSON.stringify(span)}`);
      expect(rangeToTextRange(root, index, range, TEXT)).toEqual(span);
    }
    expect(textRangeToDomRange(root, index, phrase('🇨🇩 👍🏾').start, phrase('🇨🇩 👍🏾').end)?.toString()).toBe('🇨🇩 👍🏾');
  });

  it('snaps a start on a newline or blank line forward, and such an end back', () => {
    const range = textRangeToDomRange(root, index, index.lineEnd(2), index.lineStart(6) + 1);
    if (!range) throw new Error('no range');
    expect([range.startContainer, range.startOffset]).toEqual([textOf(lineElement(4)), 0]);
    expect([range.endContainer, range.endOffset]).toEqual([textOf(lineElement(5)), LINES[5]?.[0].length]);
    expect(rangeToTextRange(root, index, range, TEXT)).toEqual({ start: index.lineStart(4), end: index.lineEnd(5) });
  });

  it('gives null when nothing rendered is covered', () => {
    expect(textRangeToDomRange(root, index, index.lineEnd(2), index.lineStart(4))).toBeNull();
    expect(textRangeToDomRange(root, index, index.lineEnd(5), index.lineStart(7))).toBeNull();
    expect(textRangeToDomRange(root, index, 10, 10)).toBeNull();
    expect(textRangeToDomRange(root, index, index.lineEnd(9), TEXT.length)).toBeNull();
  });
});

describe('boilerplate helpers', () => {
  it('sees no boilerplate in article lines, blank lines in between included', () => {
    const span = { start: index.lineStart(2), end: index.lineEnd(4) };
    expect(boilerplateOverlap(INFOS, index, span.start, span.end)).toBe('none');
    expect(trimToNonBoilerplate(INFOS, index, span.start, span.end)).toEqual(span);
  });

  it('does not count a boilerplate line the range only touches at its start', () => {
    expect(boilerplateOverlap(INFOS, index, index.lineStart(5), index.lineStart(7))).toBe('none');
  });

  it('trims a range that runs on into the "Read next" teasers', () => {
    const span = { start: phrase('Goma 🇨🇩').start, end: phrase('06:00').end };
    expect(boilerplateOverlap(INFOS, index, span.start, span.end)).toBe('partial');
    expect(trimToNonBoilerplate(INFOS, index, span.start, span.end)).toEqual({ start: span.start, end: index.lineEnd(5) });
  });

  it('reports a range wholly inside boilerplate, which has nothing left to trim to', () => {
    const span = { start: phrase('Read next').start, end: phrase('clean energy').end };
    expect(boilerplateOverlap(INFOS, index, span.start, span.end)).toBe('all');
    expect(trimToNonBoilerplate(INFOS, index, span.start, span.end)).toBeNull();
  });
});
