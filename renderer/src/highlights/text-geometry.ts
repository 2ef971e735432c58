/**
 * Geometry between the canonical text (UTF-16 offsets) and the DOM that `ArticleText` renders.
 *
 * The DOM contract relied on: the root's child nodes are the line elements, in line order, each
 * carrying `data-line={i}` and holding line i's text in its text nodes. Blank lines render nothing,
 * and no newline is ever rendered, so every mapping has to snap across those gaps. A line element
 * may hold several text nodes (a future painter may wrap text); children without `data-line` are
 * skipped. Lookups by line are binary searches over `childNodes`, because painting 2,000 highlights
 * must not rescan the article for each one.
 */

/** A half-open range `[start, end)` of UTF-16 offsets into the canonical text. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** A range, or the reason (worded for the user) why a selection cannot become one. */
export type TextRangeResult = TextRange | { readonly error: string };

/** Line starts of one canonical text, for offset ↔ line conversion. */
export interface LineIndex {
  /** Length of the text in UTF-16 code units. */
  readonly length: number;
  readonly lineCount: number;
  /** Offset of the line's first character (lines are clamped into range). */
  lineStart(line: number): number;
  /** Offset just past the line's last character: its newline, or the end of the text. */
  lineEnd(line: number): number;
  /** The line holding `offset` (clamped); a newline belongs to the line it ends. */
  lineOf(offset: number): number;
}

/** Per-line flags as in `ArticleContent.lines`; `kind: 'blank'` lines count as neither side. */
export interface LineFlags {
  readonly boilerplate: boolean;
  readonly kind?: string;
}

/** How much of a range lies in site boilerplate. */
export type BoilerplateOverlap = 'none' | 'partial' | 'all';

export const OUTSIDE_ARTICLE = 'Select text inside the article';
export const EMPTY_SELECTION = 'The selection is empty: select some words of the article';

/** Indexes the line starts of `text` (lines as in `text.split('\n')`). */
export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const count = starts.length;
  const clampLine = (line: number): number => Math.min(Math.max(Math.trunc(line), 0), count - 1);
  const lineStart = (line: number): number => starts[clampLine(line)] ?? 0;
  return {
    length: text.length,
    lineCount: count,
    lineStart,
    lineEnd: (line) => {
      const l = clampLine(line);
      return l + 1 < count ? lineStart(l + 1) - 1 : text.length;
    },
    lineOf: (offset) => {
      // Largest i with starts[i] <= offset.
      let lo = 0;
      let hi = count - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if ((starts[mid] ?? 0) <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
  };
}

/**
 * Maps a DOM boundary point (from a Selection, a Range or `caretPositionFromPoint`) inside `root`
 * to a canonical offset. A point between line elements maps to the start of the next rendered
 * line (or the end of the previous one, after the last); a point outside `root` maps to null.
 */
export function domPointToOffset(root: HTMLElement, index: LineIndex, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  if (node === root) return betweenLines(root, index, offset);
  let child: Node = node;
  while (child.parentNode !== root) {
    if (child.parentNode === null) return null;
    child = child.parentNode;
  }
  const line = lineNumberOf(child);
  if (line === null) return betweenLines(root, index, childIndexOf(child) + 1);
  // Range.toString() concatenates exactly the Text data before the point, however the line is split.
  const before = root.ownerDocument.createRange();
  before.setStart(child, 0);
  before.setEnd(node, Math.min(Math.max(offset, 0), nodeLength(node)));
  const lineStart = index.lineStart(line);
  return lineStart + Math.min(before.toString().length, index.lineEnd(line) - lineStart);
}

/**
 * Turns a selection range into canonical offsets: clipped to the article (a drag that starts in
 * the pane's title header starts at the article's start), then trimmed of surrounding whitespace.
 */
export function rangeToTextRange(root: HTMLElement, index: LineIndex, range: Range, text: string): TextRangeResult {
  const whole = root.ownerDocument.createRange();
  whole.selectNodeContents(root);
  const startSide = sideOf(whole, range.startContainer, range.startOffset);
  const endSide = sideOf(whole, range.endContainer, range.endOffset);
  if (startSide === null || endSide === null || startSide > 0 || endSide < 0) return { error: OUTSIDE_ARTICLE };
  let start = startSide < 0 ? 0 : domPointToOffset(root, index, range.startContainer, range.startOffset);
  let end = endSide > 0 ? text.length : domPointToOffset(root, index, range.endContainer, range.endOffset);
  if (start === null || end === null) return { error: OUTSIDE_ARTICLE };
  while (start < end && isSpace(text, start)) start++;
  while (end > start && isSpace(text, end - 1)) end--;
  return start < end ? { start, end } : { error: EMPTY_SELECTION };
}

/**
 * Builds a DOM Range over canonical `[start, end)`. Newlines and blank lines are not rendered, so
 * the start snaps forward to the next rendered character and the end back to the previous one;
 * null when the range covers nothing rendered.
 */
export function textRangeToDomRange(root: HTMLElement, index: LineIndex, start: number, end: number): Range | null {
  const from = Math.max(0, start);
  const to = Math.min(index.length, end);
  if (from >= to) return null;
  const fromLine = index.lineOf(from);
  // `from` on a newline: that character is not rendered, so begin on a later line.
  const first = renderedAtOrAfter(root, from >= index.lineEnd(fromLine) ? fromLine + 1 : fromLine);
  const last = renderedAtOrBefore(root, index.lineOf(to - 1));
  if (first === null || last === null) return null;
  const s = Math.max(from, index.lineStart(first.line));
  const e = Math.min(to, index.lineEnd(last.line));
  if (s >= e) return null;
  const range = root.ownerDocument.createRange();
  const [startNode, startOffset] = pointInLine(first.element, s - index.lineStart(first.line), 'start');
  const [endNode, endOffset] = pointInLine(last.element, e - index.lineStart(last.line), 'end');
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}

/**
 * Whether `[start, end)` lies in boilerplate lines: 'all' lets the caller refuse the highlight,
 * 'partial' lets it trim with {@link trimToNonBoilerplate}. Blank lines, and lines touched only
 * by their newline, do not count either way.
 */
export function boilerplateOverlap(lines: readonly LineFlags[], index: LineIndex, start: number, end: number): BoilerplateOverlap {
  let boilerplate = 0;
  let article = 0;
  forEachCoveredLine(lines, index, start, end, (flags) => {
    if (flags.boilerplate) boilerplate++;
    else article++;
  });
  if (boilerplate === 0) return 'none';
  return article === 0 ? 'all' : 'partial';
}

/**
 * The part of `[start, end)` from the first to the last non-boilerplate line it covers (so
 * boilerplate between two article lines stays in), or null when it covers no article line.
 */
export function trimToNonBoilerplate(lines: readonly LineFlags[], index: LineIndex, start: number, end: number): TextRange | null {
  let first = -1;
  let last = -1;
  forEachCoveredLine(lines, index, start, end, (flags, line) => {
    if (flags.boilerplate) return;
    if (first < 0) first = line;
    last = line;
  });
  if (first < 0) return null;
  return { start: Math.max(start, index.lineStart(first)), end: Math.min(end, index.lineEnd(last)) };
}

function forEachCoveredLine(
  lines: readonly LineFlags[],
  index: LineIndex,
  start: number,
  end: number,
  visit: (flags: LineFlags, line: number) => void,
): void {
  if (start >= end) return;
  const lastLine = index.lineOf(end - 1);
  for (let line = index.lineOf(start); line <= lastLine; line++) {
    const flags = lines[line];
    const covered = Math.min(end, index.lineEnd(line)) - Math.max(start, index.lineStart(line));
    if (flags && flags.kind !== 'blank' && covered > 0) visit(flags, line);
  }
}

interface RenderedLine {
  readonly element: Element;
  readonly line: number;
}

function lineNumberOf(node: Node): number | null {
  if (!(node instanceof Element)) return null;
  const line = Number(node.getAttribute('data-line') ?? Number.NaN);
  return Number.isInteger(line) && line >= 0 ? line : null;
}

function childIndexOf(node: Node): number {
  let k = 0;
  for (let sibling = node.previousSibling; sibling; sibling = sibling.previousSibling) k++;
  return k;
}

function nodeLength(node: Node): number {
  return node instanceof CharacterData ? node.length : node.childNodes.length;
}

/** The first line element at child index `k` or later (`step` 1), or at `k` or earlier (`step` -1). */
function lineChild(root: Node, k: number, step: 1 | -1): RenderedLine | null {
  for (let i = k; i >= 0 && i < root.childNodes.length; i += step) {
    const element = root.childNodes[i];
    const line = element ? lineNumberOf(element) : null;
    if (element instanceof Element && line !== null) return { element, line };
  }
  return null;
}

/** First child index whose (next) line element has a line number >= `line`. */
function lowerBound(root: Node, line: number): number {
  let lo = 0;
  let hi = root.childNodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    // A non-line child takes its next line's number, which keeps the key monotone.
    const key = lineChild(root, mid, 1)?.line ?? Number.POSITIVE_INFINITY;
    if (key < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function renderedAtOrAfter(root: Node, line: number): RenderedLine | null {
  return lineChild(root, lowerBound(root, line), 1);
}

function renderedAtOrBefore(root: Node, line: number): RenderedLine | null {
  return lineChild(root, lowerBound(root, line + 1) - 1, -1);
}

function betweenLines(root: Node, index: LineIndex, childIndex: number): number {
  const next = lineChild(root, Math.max(childIndex, 0), 1);
  if (next) return index.lineStart(next.line);
  const previous = lineChild(root, Math.min(childIndex, root.childNodes.length) - 1, -1);
  return previous ? index.lineEnd(previous.line) : 0;
}

/** The DOM point `chars` characters into a line element; 'end' prefers the end of a text node. */
function pointInLine(element: Element, chars: number, bias: 'start' | 'end'): [Node, number] {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let remaining = chars;
  let last: Node | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.nodeValue?.length ?? 0;
    if (remaining < length || (bias === 'end' && remaining === length)) return [node, remaining];
    remaining -= length;
    last = node;
  }
  if (last) return [last, last.nodeValue?.length ?? 0];
  return [element, bias === 'start' ? 0 : element.childNodes.length];
}

/** -1, 0 or 1 for a point before, inside or after `range`; null for a point in another tree. */
function sideOf(range: Range, node: Node, offset: number): number | null {
  try {
    return range.comparePoint(node, offset);
  } catch {
    return null;
  }
}

function isSpace(text: string, at: number): boolean {
  return /\s/.test(text.charAt(at));
}
