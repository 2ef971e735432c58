import { describe, expect, it } from 'vitest';
import type { LineInfo } from '../../../shared/model/article';
import { ContentLines, findSourceLine } from './derive-metadata';
import { seededLcg } from '../../../test-support/seeded-lcg';

/**
 * The eager definitions the lazy readers replace: every line of `text.split('\n')` that is not
 * blank, not boilerplate and has a non-space character; the source line is the first of those
 * that reads as a "Source: …" line.
 */
function eagerContentLines(text: string, lines: readonly LineInfo[]): { raw: string; index: number }[] {
  return text
    .split('\n')
    .map((raw, index) => ({ raw, index }))
    .filter(({ raw, index }) => lines[index]?.kind !== 'blank' && lines[index]?.boilerplate !== true && /\S/u.test(raw));
}

function eagerSourceLine(text: string, lines: readonly LineInfo[]): number | undefined {
  const collapse = (raw: string): string => (raw.length > 300 ? raw.trim() : raw.replace(/\s+/gu, ' ').trim());
  return eagerContentLines(text, lines).find(({ raw }) => {
    const tidied = collapse(raw);
    return /^\s*source\s*:/iu.test(raw) && tidied.length < 120 && /^source\s*:\s*(?<source>\S.{1,60})$/iu.test(tidied) && tidied.split(' ').filter(Boolean).length <= 8;
  })?.index;
}

const PIECES = ['Source: Reuters', 'source : AFP', 'ſource: x', 'SOURCE:AP', ' \u00a0Source: BBC', '\ufeffSource: y', 'Sources: no', 'Source:', 'Source: ' + 'long '.repeat(30),
  'By Jane Doe', 'Text.', '', ' ', '\u2003', '\t', 'ALSO READ: x', 'Heading', 'Paragraph one, with words.', 's', 'S', 'ſ', '\u2028Source: z'];
const KINDS: LineInfo[] = [
  { kind: 'paragraph', boilerplate: false },
  { kind: 'paragraph', boilerplate: true },
  { kind: 'heading', level: 2, boilerplate: false },
  { kind: 'blank', boilerplate: false },
];

describe('the lazy content-line readers of deriveMetadata', () => {
  it('agree with splitting and filtering every line, on random articles', () => {
    const random = seededLcg(42);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    for (let run = 0; run < 3_000; run++) {
      const count = Math.floor(random() * 12);
      const text = Array.from({ length: count }, () => pick(PIECES)).join('\n');
      // Sometimes fewer line infos than lines, as a malformed caller could pass.
      const lines = text.split('\n').slice(0, random() < 0.1 ? Math.floor(random() * count) : undefined).map(() => pick(KINDS));
      const eager = eagerContentLines(text, lines);
      const lazy = new ContentLines(text, lines);
      const read = Array.from({ length: eager.length + 1 }, (_, k) => lazy.at(k));
      expect(read.map((line) => line && { raw: line.raw, index: line.index }), JSON.stringify(text)).toEqual([...eager, undefined]);
      expect(new ContentLines(text, lines).first(6).map((line) => line.index)).toEqual(eager.slice(0, 6).map((line) => line.index));
      expect(findSourceLine(text, lines)?.index, JSON.stringify(text)).toBe(eagerSourceLine(text, lines));
    }
  });

  it('read the last line after a trailing line break, and the single line of an empty text', () => {
    const paragraph: LineInfo = { kind: 'paragraph', boilerplate: false };
    expect(new ContentLines('a\nb', [paragraph, paragraph]).first(6).map((line) => line.raw)).toEqual(['a', 'b']);
    expect(new ContentLines('', [paragraph]).at(0)).toBeUndefined();
    expect(findSourceLine('x\nSource: AFP', [paragraph, paragraph])?.index).toBe(1);
  });
});
