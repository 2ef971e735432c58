import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codePointLength, codePointToUtf16, createOffsetConverter, utf16ToCodePoint } from './code-points';

const corpusDir = new URL('../../corpus/', import.meta.url);
const corpus = readdirSync(corpusDir).map((name) => readFileSync(new URL(name, corpusDir), 'utf8'));

const thumbsUp = '👍🏽'; // U+1F44D U+1F3FD: 2 code points, 4 UTF-16 units
const family = '👨‍👩‍👧‍👦'; // 4 people joined by 3 ZWJs: 7 code points, 11 units
const yoshi = '𠮷'; // astral CJK: 1 code point, 2 units
const mixed = `Kigali ${thumbsUp} ${family} ${yoshi}田 مرحبا بكم שלום עולם`;

/** Reference conversion through the iterator, which splits strings by code point. */
function referenceUtf16(text: string, codePoint: number): number {
  return Array.from(text).slice(0, codePoint).join('').length;
}

describe('codePointLength', () => {
  it('counts code points, not UTF-16 units, nor grapheme clusters', () => {
    expect([thumbsUp, family, yoshi].map(codePointLength)).toEqual([2, 7, 1]);
    expect([thumbsUp, family, yoshi].map((s) => s.length)).toEqual([4, 11, 2]);
    expect(codePointLength(mixed)).toBe(Array.from(mixed).length);
  });

  it('counts right-to-left text like any BMP text', () => {
    expect(codePointLength('مرحبا שלום')).toBe(10);
  });

  it('counts a lone surrogate as one code point, as the string iterator does', () => {
    const broken = `a\ud83db${yoshi}\udc00`;
    expect(codePointLength(broken)).toBe(Array.from(broken).length);
    expect(codePointLength('')).toBe(0);
  });
});

describe('codePointToUtf16 and utf16ToCodePoint', () => {
  it('agree with the string iterator at every code point of mixed emoji, CJK and RTL text', () => {
    const length = codePointLength(mixed);
    for (let cp = 0; cp <= length; cp++) {
      const index = referenceUtf16(mixed, cp);
      expect(codePointToUtf16(mixed, cp)).toBe(index);
      expect(utf16ToCodePoint(mixed, index)).toBe(cp);
    }
  });

  it('rounds an index inside a surrogate pair down for floor and up for ceil', () => {
    const text = `a${yoshi}b`;
    expect(utf16ToCodePoint(text, 2, 'floor')).toBe(1);
    expect(utf16ToCodePoint(text, 2, 'ceil')).toBe(2);
    expect(utf16ToCodePoint(text, 3, 'ceil')).toBe(2);
  });

  it('rejects offsets outside the text or not whole numbers', () => {
    expect(() => codePointToUtf16(yoshi, 2)).toThrow(RangeError);
    expect(() => codePointToUtf16(yoshi, -1)).toThrow(RangeError);
    expect(() => codePointToUtf16(yoshi, 0.5)).toThrow(RangeError);
    expect(() => utf16ToCodePoint(yoshi, 3)).toThrow(RangeError);
  });
});

describe('createOffsetConverter', () => {
  const astralArticle = (corpus[0] ?? '').replaceAll('Kagame', `Kagame ${thumbsUp}`).replaceAll('. ', `. ${family} `);

  it('converts like the walking functions at every offset of a corpus article with emoji', () => {
    const offsets = createOffsetConverter(astralArticle);
    expect(offsets.codePointLength).toBe(codePointLength(astralArticle));
    for (let cp = 0; cp <= offsets.codePointLength; cp++) {
      expect(offsets.toUtf16(cp)).toBe(codePointToUtf16(astralArticle, cp));
    }
    for (let index = 0; index <= astralArticle.length; index++) {
      expect(offsets.toCodePoint(index)).toBe(utf16ToCodePoint(astralArticle, index));
      expect(offsets.toCodePoint(index, 'ceil')).toBe(utf16ToCodePoint(astralArticle, index, 'ceil'));
    }
  });

  it('is the identity on the plain corpus articles, which have no astral characters', () => {
    for (const text of corpus) {
      const offsets = createOffsetConverter(text);
      expect([offsets.codePointLength, offsets.toUtf16(100), offsets.toCodePoint(100)]).toEqual([text.length, 100, 100]);
    }
  });

  it('rejects offsets outside the text', () => {
    const offsets = createOffsetConverter(mixed);
    expect(() => offsets.toUtf16(offsets.codePointLength + 1)).toThrow(RangeError);
    expect(() => offsets.toCodePoint(mixed.length + 1)).toThrow(RangeError);
  });

  it('answers 2,000 conversions on a 50 KB emoji-laden text without rescanning it', () => {
    let text = '';
    while (text.length < 50_000) text += astralArticle;
    const offsets = createOffsetConverter(text);
    const probes = Array.from({ length: 2_000 }, (_, i) => Math.floor((i * offsets.codePointLength) / 2_000));
    const there = probes.map((cp) => offsets.toUtf16(cp));
    expect(there.map((index) => offsets.toCodePoint(index))).toEqual(probes);
    expect(there[1_000]).toBe(codePointToUtf16(text, probes[1_000] ?? 0));
  });
});
