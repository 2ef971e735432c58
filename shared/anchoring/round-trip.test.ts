import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anchorAll } from './anchor-selectors';
import { codePointLength, createOffsetConverter } from './code-points';
import { describeRange, type CodePointRange } from './describe-range';
import type { AnchorResult } from './selectors';

const corpusDir = new URL('../../corpus/', import.meta.url);
const articles = readdirSync(corpusDir)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => ({ name, text: readFileSync(new URL(name, corpusDir), 'utf8') }));
const astral = articles.map(({ name, text }) => ({
  name: `${name} with emoji`,
  text: text.replaceAll('. ', '. 👍🏽 ').replaceAll('Rwanda', 'Rwanda 🇷🇼').replaceAll('\n', '\n👨‍👩‍👧‍👦 𠮷 '),
}));

/** Deterministic pseudo-random numbers (mulberry32), so a failure names a reproducible range. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ranges of 1 to 300 code points anywhere in a text of `length` code points. */
function randomRanges(length: number, count: number, seed: number): CodePointRange[] {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    const start = Math.floor(next() * (length - 1));
    const end = Math.min(length, start + 1 + Math.floor(next() * 300));
    return { start, end };
  });
}

const RANGES_PER_TEXT = 250;

describe.each([...articles, ...astral])('round trip on $name', ({ text }) => {
  const length = codePointLength(text);
  const offsets = createOffsetConverter(text);
  const ranges = randomRanges(length, RANGES_PER_TEXT, length);
  const selectors = ranges.map((range) => describeRange(text, range, offsets));

  it('anchors every described range exactly where it was', () => {
    const expected: AnchorResult[] = ranges.map((range) => ({ status: 'exact', ...range, confidence: 1 }));
    expect(anchorAll(text, selectors)).toEqual(expected);
  });

  it('moves every described range by the length of a paragraph inserted above', () => {
    const inserted = "Editor's note 🔴: this article was updated with the latest figures from Goma.\n";
    const shift = codePointLength(inserted);
    const results = anchorAll(inserted + text, selectors);
    expect(results.map(({ status, start, end }) => ({ status, start, end }))).toEqual(
      ranges.map(({ start, end }) => ({ status: 'moved', start: start + shift, end: end + shift })),
    );
  });

  it('keeps every described range exact when a paragraph is appended below', () => {
    const results = anchorAll(`${text}\nRead next: 👍🏽 more on the talks in Luanda.`, selectors);
    expect(results).toEqual(ranges.map((range) => ({ status: 'exact', ...range, confidence: 1 })));
  });
});
