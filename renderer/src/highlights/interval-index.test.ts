import { describe, expect, it } from 'vitest';
import { createIntervalIndex, type Interval } from './interval-index';

/** Deterministic PRNG (mulberry32) so a failing random case can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Highlight-like intervals over a text of `length`: mostly a few words, some whole paragraphs. */
function randomIntervals(count: number, length: number, next: () => number): Interval<number>[] {
  return Array.from({ length: count }, (_, value) => {
    const start = Math.floor(next() * length);
    const span = next() < 0.9 ? 1 + Math.floor(next() * 80) : Math.floor(next() * 2000);
    return { start, end: Math.min(length, start + span), value };
  });
}

function bruteAt(items: readonly Interval<number>[], offset: number): number[] {
  return items
    .filter((item) => item.start <= offset && offset < item.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start) || b.start - a.start || a.value - b.value)
    .map((item) => item.value);
}

function bruteOverlapping(items: readonly Interval<number>[], start: number, end: number): number[] {
  return items
    .filter((item) => item.start < item.end && start < end && item.start < end && start < item.end)
    .sort((a, b) => a.start - b.start || b.end - a.end || a.value - b.value)
    .map((item) => item.value);
}

describe('createIntervalIndex', () => {
  it('returns nested highlights innermost first', () => {
    const index = createIntervalIndex([
      { start: 0, end: 100, value: 'paragraph' },
      { start: 10, end: 30, value: 'sentence' },
      { start: 12, end: 18, value: 'word' },
    ]);
    expect(index.at(15)).toEqual(['word', 'sentence', 'paragraph']);
    expect(index.at(20)).toEqual(['sentence', 'paragraph']);
    expect(index.at(99)).toEqual(['paragraph']);
    expect(index.overlapping(17, 25)).toEqual(['paragraph', 'sentence', 'word']);
  });

  it('breaks ties between crossing highlights of equal length by the later start, then input order', () => {
    const index = createIntervalIndex([
      { start: 0, end: 10, value: 'a' },
      { start: 5, end: 15, value: 'b' },
      { start: 5, end: 15, value: 'c' },
    ]);
    expect(index.at(7)).toEqual(['b', 'c', 'a']);
    expect(index.at(12)).toEqual(['b', 'c']);
    expect(index.overlapping(0, 5)).toEqual(['a']);
  });

  it('treats ends as exclusive, so adjacent highlights never both match', () => {
    const index = createIntervalIndex([
      { start: 0, end: 5, value: 'left' },
      { start: 5, end: 9, value: 'right' },
    ]);
    expect([index.at(4), index.at(5), index.at(9)]).toEqual([['left'], ['right'], []]);
    expect(index.overlapping(5, 6)).toEqual(['right']);
    expect(index.overlapping(0, 5)).toEqual(['left']);
    expect(index.overlapping(5, 5)).toEqual([]);
  });

  it('answers nothing when empty, and drops empty intervals', () => {
    const empty = createIntervalIndex<string>([]);
    expect([empty.size, empty.at(0), empty.overlapping(0, 10)]).toEqual([0, [], []]);
    const degenerate = createIntervalIndex([{ start: 3, end: 3, value: 'caret' }]);
    expect([degenerate.size, degenerate.at(3), degenerate.overlapping(0, 10)]).toEqual([0, [], []]);
  });

  it('agrees with a brute-force filter on random highlights', () => {
    const next = random(20250326);
    for (let round = 0; round < 20; round++) {
      const items = randomIntervals(1 + Math.floor(next() * 300), 5000, next);
      const index = createIntervalIndex(items);
      for (let query = 0; query < 200; query++) {
        const offset = Math.floor(next() * 5100) - 50;
        expect(index.at(offset)).toEqual(bruteAt(items, offset));
        const end = offset + Math.floor(next() * 300);
        expect(index.overlapping(offset, end)).toEqual(bruteOverlapping(items, offset, end));
      }
    }
  });

  it('answers 2,000 point queries over 2,000 highlights well under 10 ms', () => {
    const next = random(7);
    const items = randomIntervals(2000, 60_000, next);
    const offsets = Array.from({ length: 2000 }, () => Math.floor(next() * 60_000));
    const index = createIntervalIndex(items);
    // Best of several runs: the bound is about the algorithm, not about a busy test machine.
    let best = Number.POSITIVE_INFINITY;
    let hits = 0;
    for (let run = 0; run < 7; run++) {
      const began = performance.now();
      for (const offset of offsets) hits += index.at(offset).length;
      best = Math.min(best, performance.now() - began);
    }
    console.info(`interval-index: 2,000 queries over 2,000 intervals, best ${best.toFixed(2)} ms (${hits / 7} hits per run)`);
    expect(hits).toBeGreaterThan(0);
    expect(best).toBeLessThan(10);
  });
});
