import { describe, expect, it } from 'vitest';
import { sameNameIgnoringCase } from './same-name';

describe('sameNameIgnoringCase', () => {
  it('ignores case but keeps accents apart', () => {
    expect(sameNameIgnoringCase('evidence', 'Evidence')).toBe(true);
    expect(sameNameIgnoringCase('Évidence', 'Evidence')).toBe(false);
    expect(sameNameIgnoringCase('Kagame', 'Kigali')).toBe(false);
  });
});
