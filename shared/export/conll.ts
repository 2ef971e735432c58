import { bratTypeName } from './brat-standoff';
import { joinedPieces } from './text-pieces';
import type { ExportIndex, ExportInput } from './export-input';
import { preparationOf, type PreparedArticle } from './prepared-export';

/*
 * CoNLL-style token/label columns (CoNLL-2003 layout: `-DOCSTART-` per article, one token per line,
 * a blank line between sentences), labelled BIO from the entity mentions: B-Type on a mention's
 * first token, I-Type on the rest, O elsewhere. Sentences come from Intl.Segmenter (Unicode's
 * rules). Words too on lines in scripts written without spaces (Chinese, Japanese, Thai...), where
 * only its dictionaries can find them; elsewhere a Unicode-aware pattern gives the same tokens
 * (letters and digits with their marks and inner apostrophes or hyphens, one emoji with its
 * modifiers, or one other character) about 4× faster, which matters at 50,000 annotations.
 * Punctuation tokens are kept, whitespace is not. Each line of the canonical text is a block, so a sentence never runs
 * across a paragraph break. When mentions overlap, the one that starts first (then the longer) wins,
 * since BIO cannot nest. Highlights are not labels and are left out.
 */

export interface ConllOptions {
  /** The segmenters' locale (default: root rules). */
  locale?: string;
}

/** Scripts written without spaces between words: only the word segmenter's dictionaries can split them. */
const NEEDS_DICTIONARY = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** A word (letters, marks, digits, joined by ' ’ - or . inside), an emoji sequence, a flag, or one other visible character. */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*|\p{RI}\p{RI}|\p{Extended_Pictographic}(?:\p{EMod}|\uFE0F|\u200D\p{Extended_Pictographic})*|\S/gu;

interface Span {
  start: number;
  end: number;
  label: string;
}

/** Mention spans in UTF-16 units, non-overlapping (earlier, then longer, first). */
function mentionSpans({ placed }: PreparedArticle, index: ExportIndex, labelOfType: (typeId: string) => string): Span[] {
  const spans: Span[] = [];
  let reached = 0;
  for (const { record, utf16Start, utf16End } of placed) {
    if (record.kind !== 'mention' || utf16Start < reached) continue;
    spans.push({ start: utf16Start, end: utf16End, label: labelOfType(index.entityById.get(record.entityId)?.typeId ?? '') });
    reached = utf16End;
  }
  return spans;
}

/**
 * Where each sentence of `text` ends (UTF-16 index), in order. The whole text is segmented at once:
 * Unicode's rules always break after a line feed (a paragraph separator, SB4) and never look past
 * one, so the sentences of each line are those segmenting the line alone gives, the line feed
 * ending the last (checked on the 73,172 lines of 4,000 generated articles). Once per article
 * rather than once per line, CoNLL of 1,000 articles took 362 ms instead of 410 in a fresh
 * Chromium page (medians of 6), 350 ms instead of ~600 in Node.
 */
function sentenceEnds(text: string, sentences: Intl.Segmenter): number[] {
  const ends: number[] = [];
  for (const sentence of sentences.segment(text)) ends.push(sentence.index + sentence.segment.length);
  return ends;
}

/** Labels the tokens of one article and pushes its lines onto `out`. */
class DocumentWriter {
  private spanIndex = 0;
  private labelledSpan = -1;

  constructor(
    private readonly spans: readonly Span[],
    private readonly out: string[],
  ) {}

  /** Writes the token at UTF-16 `start` of the text with its BIO label. */
  token(segment: string, start: number): void {
    const end = start + segment.length;
    const spans = this.spans;
    while (this.spanIndex < spans.length && (spans[this.spanIndex]?.end ?? 0) <= start) this.spanIndex++;
    const span = spans[this.spanIndex];
    if (span && span.start < end && start < span.end) {
      this.out.push(`${segment}\t${this.labelledSpan === this.spanIndex ? 'I' : 'B'}-${span.label}`);
      this.labelledSpan = this.spanIndex;
    } else {
      this.out.push(`${segment}\tO`);
    }
  }
}

function documentLines(prepared: PreparedArticle, spans: readonly Span[], out: string[], sentences: Intl.Segmenter, words: Intl.Segmenter): void {
  const writer = new DocumentWriter(spans, out);
  out.push('-DOCSTART-\tO', '');
  let lineStart = 0;
  // Most articles have no word in such a script: then no line of theirs needs testing.
  const anyNeedsDictionary = NEEDS_DICTIONARY.test(prepared.article.text);
  // Sentences are segmented once and walked with the words: segmenting each sentence again for
  // its words measured ~4× slower on 1,000 articles.
  const ends = sentenceEnds(prepared.article.text, sentences);
  let sentence = 0;
  for (const line of prepared.article.text.split('\n')) {
    while ((ends[sentence] ?? Infinity) <= lineStart) sentence++;
    let tokens = 0;
    const visit = (segment: string, index: number): void => {
      while (lineStart + index >= (ends[sentence] ?? Infinity)) {
        sentence++;
        if (tokens > 0) out.push('');
        tokens = 0;
      }
      writer.token(segment, lineStart + index);
      tokens++;
    };
    if (anyNeedsDictionary && NEEDS_DICTIONARY.test(line)) {
      for (const word of words.segment(line)) if (word.segment.trim().length > 0) visit(word.segment, word.index);
    } else {
      // The tokens as plain strings (half the time of match objects). Only whitespace lies between
      // them, and a token starts with a non-space, so each starts at the first unit after the last
      // one's end that equals its own first unit.
      let at = 0;
      for (const token of line.match(TOKEN) ?? []) {
        const first = token.charCodeAt(0);
        while (line.charCodeAt(at) !== first) at++;
        visit(token, at);
        at += token.length;
      }
    }
    if (tokens > 0) out.push('');
    lineStart += line.length + 1;
  }
}

/** Serialises the mentions of `input` as CoNLL token/BIO-label columns, articles in path order. */
export function toConll(input: ExportInput, options: ConllOptions = {}): string {
  return conllPieces(input, options).join('');
}

/** {@link toConll}'s text in pieces, in order (an article each), for the export to encode without joining them. */
export function conllPieces(input: ExportInput, options: ConllOptions = {}): string[] {
  const { index, articles } = preparationOf(input);
  const sentences = new Intl.Segmenter(options.locale, { granularity: 'sentence' });
  const words = new Intl.Segmenter(options.locale, { granularity: 'word' });
  const labels = new Map<string, string>();
  const labelOfType = (typeId: string): string => {
    let label = labels.get(typeId);
    if (label === undefined) {
      label = bratTypeName(index.typeById.get(typeId)?.name ?? 'Entity');
      labels.set(typeId, label);
    }
    return label;
  };
  const lines: string[] = [];
  // Joined article by article, so that the token lines die young (less work for the collector).
  for (const article of articles) {
    const out: string[] = [];
    documentLines(article, mentionSpans(article, index, labelOfType), out, sentences, words);
    lines.push(out.join('\n'));
  }
  return lines.length > 0 ? joinedPieces(lines, '\n', '\n') : [];
}
