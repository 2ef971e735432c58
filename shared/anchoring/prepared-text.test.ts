import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collapseWhitespace, normalizeWhitespace, prepareText, toNormalizedIndex } from './prepared-text';

const corpusDir = new URL('../../corpus/', import.meta.url);
const corpus = readdirSync(corpusDir).map((name) => readFileSync(new URL(name, corpusDir), 'utf8'));

describe('normalizeWhitespace', () => {
  it('collapses every run of spaces, tabs, line breaks and NBSP to one space', () => {
    const source = 'Goma  fell.\n\nKigali\t\u00a0 replied. ';
    const normalized = normalizeWhitespace(source);
    expect(normalized.text).toBe('Goma fell. Kigali replied. ');
    expect(normalized.text).toBe(collapseWhitespace(source));
    expect(Array.from(normalized.starts)).toEqual([
      0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17, 18, 19, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
    ]);
  });

  it('treats exactly the characters JavaScript calls \\s as whitespace', () => {
    const disagreements: number[] = [];
    for (let unit = 0; unit <= 0xffff; unit++) {
      const char = String.fromCharCode(unit);
      const { starts } = normalizeWhitespace(`a${char}${char}b`);
      if ((starts.length === 4) !== /\s/.test(char)) disagreements.push(unit);
    }
    expect(disagreements).toEqual([]);
  });

  it('maps every normalised character of a corpus article back to the original character', () => {
    for (const source of corpus) {
      const { text, starts } = normalizeWhitespace(source);
      expect(starts.length).toBe(text.length + 1);
      expect(starts[text.length]).toBe(source.length);
      const mismatches = Array.from(text).filter((char, i) => {
        const original = source[starts[i] ?? -1] ?? '';
        return char === ' ' ? !/\s/.test(original) : char !== original;
      });
      expect(mismatches).toEqual([]);
    }
  });

  it('maps a normalised range back over whole whitespace runs', () => {
    const source = 'said.\n\n  Rwanda';
    const normalized = normalizeWhitespace(source);
    const start = normalized.text.indexOf(' ');
    expect(source.slice(normalized.starts[start], normalized.starts[start + 2])).toBe('\n\n  R');
  });
});

describe('toNormalizedIndex', () => {
  it('maps an original index, including one inside a whitespace run, to its normalised character', () => {
    const normalized = normalizeWhitespace('a  \n b');
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => toNormalizedIndex(normalized, i))).toEqual([0, 1, 1, 1, 1, 2, 3]);
  });
});

describe('prepareText', () => {
  it('builds the normalised copy once, on first use', () => {
    const doc = prepareText(corpus[0] ?? '');
    expect(doc.normalized).toBe(doc.normalized);
    expect(doc.offsets.codePointLength).toBe(doc.text.length);
  });
});
