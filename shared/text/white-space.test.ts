import { describe, expect, it } from 'vitest';
import { collapseWhiteSpace, isWhiteSpaceUnit } from './white-space';

describe('isWhiteSpaceUnit', () => {
  it('agrees with /\\s/ on every code unit of the Basic Multilingual Plane', () => {
    const disagreements: number[] = [];
    for (let unit = 0; unit <= 0xffff; unit++) {
      if (isWhiteSpaceUnit(unit) !== /\s/.test(String.fromCharCode(unit))) disagreements.push(unit);
    }
    expect(disagreements).toEqual([]);
  });
});

describe('collapseWhiteSpace', () => {
  const byRule = (text: string): string => text.replace(/\s+/gu, ' ').trim();
  const PIECES = ['a', 'Kagame', ' ', ' ', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000', '\u202f', '\ufeff', '\u2028', '\u1680', '\u0085', '\u200b', '.', '😀', '\ud83d'];

  it('gives what replacing every run of white space and trimming gives, on random strings', () => {
    let state = 99;
    const random = (): number => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    for (let run = 0; run < 20_000; run++) {
      const text = Array.from({ length: Math.floor(random() * 12) }, () => PIECES[Math.floor(random() * PIECES.length)] ?? '').join('');
      expect(collapseWhiteSpace(text), JSON.stringify(text)).toBe(byRule(text));
    }
  });

  it.each([['', ''], ['  a  b ', 'a b'], ['a b c', 'a b c'], [' a', 'a'], ['a\u00a0b', 'a b'], ['\ufeffa', 'a']])('%j → %j', (text, collapsed) => {
    expect(collapseWhiteSpace(text)).toBe(collapsed);
  });
});
