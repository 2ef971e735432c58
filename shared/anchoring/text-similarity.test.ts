import { describe, expect, it } from 'vitest';
import { contextSimilarity, editDistance, similarity } from './text-similarity';

describe('editDistance and similarity', () => {
  it('count insertions, deletions and substitutions', () => {
    expect([editDistance('kitten', 'sitting'), editDistance('', 'Goma'), editDistance('Goma', 'Goma')]).toEqual([3, 4, 0]);
    expect([similarity('Kagame', 'Kagame'), similarity('', ''), similarity('abcd', 'wxyz'), similarity('Kigali', 'Kigeli')]).toEqual([1, 1, 0, 5 / 6]);
  });
});

describe('contextSimilarity', () => {
  const prefix = 'surrendered to the rebels and ha';

  it('compares the stored prefix with the text just before, ignoring whitespace changes', () => {
    expect(contextSimilarity(prefix, `forces ${prefix}`, 'prefix')).toBe(1);
    expect(contextSimilarity(prefix, 'forces surrendered  to the\nrebels and ha', 'prefix')).toBe(1);
    expect(contextSimilarity(' to the rebels and handed over t', ' to the  rebels and handed over their weapons', 'suffix')).toBe(1);
  });

  it('scores unrelated text low', () => {
    expect(contextSimilarity(prefix, 'escalating conflict that has being ongoing', 'prefix')).toBeLessThan(0.35);
  });

  it('treats a short stored context as "at the edge", so new text there disagrees', () => {
    expect(contextSimilarity('', '', 'prefix')).toBe(1);
    expect(contextSimilarity('', "Editor's note: this story was updated.\n", 'prefix')).toBe(0);
    expect(contextSimilarity('conflict.', 'conflict.', 'suffix')).toBe(1);
    expect(contextSimilarity('conflict.', 'conflict. Heads of State are expected to meet.', 'suffix')).toBeLessThan(0.35);
  });
});
