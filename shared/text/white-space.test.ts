import { describe, expect, it } from 'vitest';
import { isWhiteSpaceUnit } from './white-space';

describe('isWhiteSpaceUnit', () => {
  it('agrees with /\\s/ on every code unit of the Basic Multilingual Plane', () => {
    const disagreements: number[] = [];
    for (let unit = 0; unit <= 0xffff; unit++) {
      if (isWhiteSpaceUnit(unit) !== /\s/.test(String.fromCharCode(unit))) disagreements.push(unit);
    }
    expect(disagreements).toEqual([]);
  });
});
