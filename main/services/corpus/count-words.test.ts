import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countWords, WORD_DEFINITION } from './count-words';

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

/** A seeded generator (numerical recipes LCG), so a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function randomText(random: () => number): string {
  let text = '';
  const pieces = Math.floor(random() * 40);
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
    const random = seeded(20261122);
    for (let run = 0; run < 20_000; run++) {
      const text = randomText(random);
      expect(countWords(text), JSON.stringify(text)).toBe(byDefinition(text));
    }
  });

  it('agrees with the definition on random code units, surrogates and all', () => {
    const random = seeded(7);
    for (let run = 0; run < 2_000; run++) {
      const units = Array.from({ length: Math.floor(random() * 30) }, () => (random() < 0.5 ? Math.floor(random() * 0x10000) : Math.floor(random() * 0x300)));
      const text = String.fromCharCode(...units);
      expect(countWords(text), JSON.stringify(text)).toBe(byDefinition(text));
    }
  });
});
