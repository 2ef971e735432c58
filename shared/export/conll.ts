import { createOffsetConverter } from '../anchoring/code-points';
import { bratTypeName } from './brat-standoff';
import { articlesByPath, indexExport, placedAnnotations, type ExportArticle, type ExportIndex, type ExportInput } from './export-input';

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

/** The tokens of one line with their UTF-16 index in it. */
function* tokensOf(line: string, words: Intl.Segmenter): Generator<{ segment: string; index: number }> {
  if (NEEDS_DICTIONARY.test(line)) {
    for (const word of words.segment(line)) if (word.segment.trim().length > 0) yield word;
    return;
  }
  for (const match of line.matchAll(TOKEN)) yield { segment: match[0], index: match.index };
}

interface Span {
  start: number;
  end: number;
  label: string;
}

/** Mention spans in UTF-16 units, non-overlapping (earlier, then longer, first). */
function mentionSpans(article: ExportArticle, index: ExportIndex): Span[] {
  const converter = createOffsetConverter(article.text);
  const spans: Span[] = [];
  let reached = 0;
  for (const { record, start, end } of placedAnnotations(article, index, converter)) {
    if (record.kind !== 'mention') continue;
    const from = converter.toUtf16(start);
    if (from < reached) continue;
    const type = index.typeById.get(index.entityById.get(record.entityId)?.typeId ?? '');
    const to = converter.toUtf16(end);
    spans.push({ start: from, end: to, label: bratTypeName(type?.name ?? 'Entity') });
    reached = to;
  }
  return spans;
}

function documentLines(article: ExportArticle, index: ExportIndex, sentences: Intl.Segmenter, words: Intl.Segmenter): string[] {
  const spans = mentionSpans(article, index);
  let spanIndex = 0;
  let labelledSpan = -1;
  const out = ['-DOCSTART-\tO', ''];
  let lineStart = 0;
  for (const line of article.text.split('\n')) {
    // Sentences are segmented once per line and walked with the words: segmenting each sentence
    // again for its words measured ~4× slower on 1,000 articles.
    const sentenceEnds = [...sentences.segment(line)].map((sentence) => sentence.index + sentence.segment.length);
    let sentence = 0;
    let tokens = 0;
    for (const word of tokensOf(line, words)) {
      while (word.index >= (sentenceEnds[sentence] ?? Infinity)) {
        sentence++;
        if (tokens > 0) out.push('');
        tokens = 0;
      }
      const start = lineStart + word.index;
      const end = start + word.segment.length;
      while (spanIndex < spans.length && (spans[spanIndex]?.end ?? 0) <= start) spanIndex++;
      const span = spans[spanIndex];
      let label = 'O';
      if (span && span.start < end && start < span.end) {
        label = `${labelledSpan === spanIndex ? 'I' : 'B'}-${span.label}`;
        labelledSpan = spanIndex;
      }
      out.push(`${word.segment}\t${label}`);
      tokens++;
    }
    if (tokens > 0) out.push('');
    lineStart += line.length + 1;
  }
  return out;
}

/** Serialises the mentions of `input` as CoNLL token/BIO-label columns, articles in path order. */
export function toConll(input: ExportInput, options: ConllOptions = {}): string {
  const index = indexExport(input);
  const sentences = new Intl.Segmenter(options.locale, { granularity: 'sentence' });
  const words = new Intl.Segmenter(options.locale, { granularity: 'word' });
  const lines: string[] = [];
  for (const article of articlesByPath(input.articles)) lines.push(...documentLines(article, index, sentences, words));
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
