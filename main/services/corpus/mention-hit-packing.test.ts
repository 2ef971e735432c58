import { describe, expect, it } from 'vitest';
import type { MentionHit } from '../../../shared/model/mention';
import { packHits, unpackHits } from './mention-hit-packing';

const hit = (path: string, start: number, term: string, exact: string, left: string, right: string, line: number): MentionHit => ({
  path,
  start,
  end: start + exact.length,
  startCodePoint: start - 1,
  endCodePoint: start - 1 + Array.from(exact).length,
  term,
  exact,
  left,
  right,
  line,
});

describe('packHits and unpackHits', () => {
  it('give back the same hits, in order, whatever their strings hold', () => {
    const hits = [
      hit('a/000.txt', 10, 'Kagame', 'Kagame', 'President Paul ', ' on Wednesday', 0),
      hit('a/000.txt', 90, 'Paul Kagame', 'Paul\u00a0Kagame', '', '', 3),
      hit('b/Rapport – Goma é.txt', 5, 'DRC', 'DRC', '👍 in \u0000 the ', ' east,\ttoday', 12),
      hit('a/000.txt', 200, 'Kagame', 'KAGAMÉ', 'مرحبا ', '', 40),
    ];
    const packed = packHits(hits);
    expect(packed.paths).toEqual(['a/000.txt', 'b/Rapport – Goma é.txt']);
    expect(packed.terms).toEqual(['Kagame', 'Paul Kagame', 'DRC']);
    expect(unpackHits(packed)).toEqual(hits);
  });

  it('packs no hits into nothing', () => {
    expect(unpackHits(packHits([]))).toEqual([]);
  });

  it('survives being posted to another thread', () => {
    const hits = [hit('a.txt', 1, 'M23', 'M23', 'the ', ' rebels', 2)];
    const packed = packHits(hits);
    expect(unpackHits(structuredClone(packed, { transfer: [packed.numbers.buffer] }))).toEqual(hits);
  });
});
