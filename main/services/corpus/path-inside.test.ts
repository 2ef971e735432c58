import { describe, expect, it } from 'vitest';
import { isInside, toRelativePath } from './path-inside';

describe('isInside and toRelativePath', () => {
  it('treats the root itself as inside and a sibling with a common prefix as outside', () => {
    expect(isInside('/data/corpus', '/data/corpus')).toBe(true);
    expect(isInside('/data/corpus', '/data/corpus-2/a.txt')).toBe(false);
    expect(toRelativePath('/data/corpus', '/data/corpus/x/y.txt')).toBe('x/y.txt');
  });
});
