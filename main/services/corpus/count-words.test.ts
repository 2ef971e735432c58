import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countWords, countWordsInUtf8, WORD_DEFINITION } from './count-words';
import { seededLcg } from '../../../test-support/seeded-lcg';

const corpusText = (name: string): string => readFileSync(new URL(`../../../corpus/${name}`, import.meta.url), 'utf8');

/** The definition itself: what the fast scan must always agree with. */
const byDefinition = (text: string): number => text.match(WORD_DEFINITION)?.length ?? 0;

/** Pieces that sit on the edges of the definition: spaces of every kind, joiners, marks, surrogates. */
const PIECES = [
  'a', 'Z', '7', ' ', '  ', '\t', '\n', '\r\n', '\r', '\u00a0', '\u2003', '\u3000', '\u202f', '\ufeff', '\u2028', '\u0085', '\u200b', '\u200d',
  "'", '-', '’', '‐', '‑', '--', "''", '‘', '—', '–', '.', ',', ':', '…', '"', '“', '(',
  '\u0301', '\u0308', 'e\u0301', '\u064b', '\u0e31', '\u093f',
  '😀', '👋🏽', '👩‍👩‍👧', '𝔘', '𐐷', '\ud83d', '\ude00', '\udbff\udfff',
  'مرحبا', 'שלום', '中文', 'ไทย', '٣٤', 'Ⅻ', '①', 'ǅ', 'ﬁ', 'İ', 'ß', 'Σς', 'ـ',
  'Congo', "Congo's", 'de-escalate', 'l’on', 'U.S.', '06:00', '1,000.5', '#tag', '@user', 'x\u0301-y',
];

function randomText(random: () => number, maxPieces = 40): string {
  let text = '';
  const pieces = Math.floor(random() * maxPieces);
  for (let i = 0; i < pieces; i++) text += PIECES[Math.floor(random() * PIECES.length)] ?? '';
  return text;
}

describe('countWords', () => {
  it('matches `wc -w` on corpus 002, which has no abbreviations or stray punctuation', () => {
    expect(countWords(corpusText('002_5c9336af2132081a.txt'))).toBe(408);
  });

  it.each([
    ['', 0],
    ['  \n\t ', 0],
    ["Congo's de-escalate l’on cross-border", 4],
    ['U.S. 06:00 — 1994, M23!', 6],
    ['Cafe\u0301 déjà 👋🏽 vu', 3],
    ['مرحبا بالعالم، שלום עולם', 4],
    ["'quoted' -dash- trailing'", 3],
    ['a--b a’’b a-\u0301b', 6],
    ['\u0301\u0301 mark first', 2],
    ['𝔘𝔫𝔦 𐐷𐐷', 2],
    ['lone \ud83d high, lone \ude00 low', 4],
    ['x-𝔘 x-😀', 2],
    ['end-', 1],
    ["end'", 1],
  ])('counts %j as %i words', (text, count) => {
    expect(countWords(text)).toBe(count);
    expect(byDefinition(text)).toBe(count);
  });

  it('agrees with the definition on every sample article', () => {
    for (const name of ['000_f9a0009864046443.txt', '001_49124f787c8de1cf.txt', '002_5c9336af2132081a.txt']) {
      const text = corpusText(name);
      expect(countWords(text), name).toBe(byDefinition(text));
    }
  });

  it('agrees with the definition on 20,000 random strings of awkward pieces', () => {
    const random = seededLcg(20261122);
    for (let run = 0; run < 20_000; run++) {
      const text = randomText(random);
      expect(countWords(text), JSON.stringify(text)).toBe(byDefinition(text));
    }
  });

  it('agrees with the definition on random code units, surrogates and all', () => {
    const random = seededLcg(7);
    for (let run = 0; run < 2_000; run++) {
      const units = Array.from({ length: Math.floor(random() * 30) }, () => (random() < 0.5 ? Math.floor(random() * 0x10000) : Math.floor(random() * 0x300)));
      const text = String.fromCharCode(...units);
      expect(countWords(text), JSON.stringify(text)).toBe(byDefinition(text));
    }
  });
});

describe('countWordsInUtf8 (WebAssembly, on the bytes)', () => {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  /** Its count of `text` encoded, and `countWords` of what those bytes decode to (a lone surrogate becomes U+FFFD). */
  const both = (text: string): [number, number] => {
    const bytes = encoder.encode(text);
    return [countWordsInUtf8(bytes), countWords(decoder.decode(bytes))];
  };

  it.each([
    ['', 0],
    ["Congo's de-escalate l’on cross-border", 4],
    ['U.S. 06:00 — 1994, M23!', 6],
    ['Cafe\u0301 déjà 👋🏽 vu', 3],
    ['مرحبا بالعالم، שלום עולם', 4],
    ['a--b a’’b a-\u0301b', 6],
    ['x-𝔘 x-😀', 2],
    // Sixteen ASCII bytes at a time: words and joiners across the edges of those runs.
    ['abcdefghijklmno-pqrstuvwxyz', 1],
    ['abcdefghijklmnop-qrstuvwxyz', 1],
    ["abcdefghijklmn'-qrstuvwxyz", 2],
    ['abcdefghijklmnopé-qrstuvwxyz é', 2],
    ['abcdefghijklmnop’qrstuvwxyz0123456789', 1],
    ['                ’abc                e\u0301', 2],
  ])('counts %j as %i words', (text, count) => {
    expect(both(text)).toEqual([count, count]);
  });

  it('agrees with countWords on the sample articles, with CRLF and CR line endings too', () => {
    for (const name of ['000_f9a0009864046443.txt', '001_49124f787c8de1cf.txt', '002_5c9336af2132081a.txt']) {
      const text = corpusText(name);
      const [onBytes, onText] = both(text);
      expect(onBytes, name).toBe(onText);
      expect(countWordsInUtf8(encoder.encode(text.replaceAll('\n', '\r\n'))), name).toBe(onText);
      expect(countWordsInUtf8(encoder.encode(text.replaceAll('\n', '\r'))), name).toBe(onText);
    }
  });

  it('agrees with countWords on 20,000 random strings of awkward pieces, short and long', () => {
    const random = seededLcg(20261123);
    for (let run = 0; run < 20_000; run++) {
      const text = randomText(random, run % 2 === 0 ? 40 : 300);
      const [onBytes, onText] = both(text);
      expect(onBytes, JSON.stringify(text)).toBe(onText);
    }
  });

  it('agrees with countWords on random code units, mostly ASCII or not', () => {
    const random = seededLcg(11);
    for (let run = 0; run < 4_000; run++) {
      const asciiShare = run % 3 === 0 ? 0.98 : 0.5;
      const units = Array.from({ length: Math.floor(random() * 120) }, () => (random() < asciiShare ? Math.floor(random() * 0x80) : Math.floor(random() * 0x10000)));
      const text = String.fromCharCode(...units);
      const [onBytes, onText] = both(text);
      expect(onBytes, JSON.stringify(text)).toBe(onText);
    }
  });

  it('counts a text larger than its memory, and a short one after it', () => {
    const article = corpusText('001_49124f787c8de1cf.txt');
    const long = Array.from({ length: 80 }, () => article).join('\n');
    expect(long.length).toBeGreaterThan(200_000);
    expect(both(long)).toEqual([countWords(long), countWords(long)]);
    expect(both('two words')).toEqual([2, 2]);
  });
});
