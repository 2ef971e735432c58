import { describe, expect, it } from 'vitest';
import { hasAtMostWords } from './white-space-words';

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
