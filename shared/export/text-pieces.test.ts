import { describe, expect, it } from 'vitest';
import { joinedPieces } from './text-pieces';

describe('joinedPieces', () => {
  it('gives the pieces of a join with an ending, in order', () => {
    for (const parts of [[], ['only'], ['a', '', 'c 👍🏽']]) {
      expect(joinedPieces(parts, '\n\n', '\n').join('')).toBe(`${parts.join('\n\n')}\n`);
      expect(joinedPieces(parts, ',').join('')).toBe(parts.join(','));
    }
    expect(joinedPieces(['a', 'b'], '-', '!')).toEqual(['a', '-', 'b', '!']);
  });
});
