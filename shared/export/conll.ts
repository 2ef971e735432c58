import { createOffsetConverter } from '../anchoring/code-points';
import { bratTypeName } from './brat-standoff';
import { articlesByPath, indexExport, placedAnnotations, type ExportArticle, type ExportIndex, type ExportInput } from './export-input';

/*
 * CoNLL-style token/label columns (CoNLL-2003 layout: `-DOCSTART-` per article, one token per line,
 * a blank line between sentences), labelled BIO from the entity mentions: B-Type on a mention's
 * first token, I-Type on the rest, O elsewhere. Sentences and words come from Intl.Segmenter
 * (Unicode's segmentation rules, which also handle scripts without spaces); punctuation tokens are
 * kept, whitespace is not. Each line of the canonical text is a block, so a sentence never runs
 * across a paragraph break. When mentions overlap, the one that starts first (then the longer) wins,
 * since BIO cannot nest. Highlights are not labels and are left out.
 */

export interface ConllOptions {
  /** The segmenters' locale (default: root rules). */
  locale?: string;
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
    for (const sentence of sentences.segment(line)) {
      const tokens: string[] = [];
      for (const word of words.segment(sentence.segment)) {
        if (word.segment.trim().length === 0) continue;
        const start = lineStart + sentence.index + word.index;
        const end = start + word.segment.length;
        while (spanIndex < spans.length && (spans[spanIndex]?.end ?? 0) <= start) spanIndex++;
        const span = spans[spanIndex];
        let label = 'O';
        if (span && span.start < end && start < span.end) {
          label = `${labelledSpan === spanIndex ? 'I' : 'B'}-${span.label}`;
          labelledSpan = spanIndex;
        }
        tokens.push(`${word.segment.replace(/\s+/g, '_')}\t${label}`);
      }
      if (tokens.length > 0) out.push(...tokens, '');
    }
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
