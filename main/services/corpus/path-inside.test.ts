import { describe, expect, it } from 'vitest';
import { isInside } from './path-inside';

describe('isInside', () => {
  it('treats the root itself as inside and a sibling with a common prefix as outside', () => {
    expect(isInside('/data/corpus', '/data/corpus')).toBe(true);
    expect(isInside('/data/corpus', '/data/corpus-2/a.txt')).toBe(false);
  });
});
