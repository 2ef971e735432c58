import { describe, expect, it } from 'vitest';
import { collapseWhiteSpace, hasAtMostWords } from './white-space-words';

const splitCount = (text: string): number => text.split(/\s+/u).filter(Boolean).length;

describe('hasAtMostWords', () => {
  it('agrees with splitting on white space, whatever the spaces and their runs', () => {
    const lines = [
      '',
      '   ',
      'Read next',
      '  Read   next  ',
      'Kagame’s\u00a0government\tsaid\u2003on Monday',
      'ALSO READ: M23 rebels capture Goma, call for calm',
      '\ufeffBOM then words',
      'one\u2028two\u2029three\u3000four\u202ffive\u205fsix\u1680seven',
      'President Paul Kagame on Wednesday, January 29, said he had a conversation with US Secretary of State Marco Rubio',
    ];
    for (const line of lines) {
      for (const max of [0, 1, 2, 4, 7, 12, 20]) expect(hasAtMostWords(line, max), `${JSON.stringify(line)} <= ${max}`).toBe(splitCount(line) <= max);
    }
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
