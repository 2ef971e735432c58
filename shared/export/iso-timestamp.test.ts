import { describe, expect, it } from 'vitest';
import { isoTimestamp } from './iso-timestamp';

describe('isoTimestamp', () => {
  it('writes what toISOString writes at the edges: the epoch, leap days, century years, the last four-digit year', () => {
    const edges = [0, 1, 999, 86_399_999, 86_400_000, Date.UTC(2000, 1, 29, 23, 59, 59, 999), Date.UTC(2000, 2, 1), Date.UTC(2100, 1, 28, 12), Date.UTC(2100, 2, 1), Date.UTC(2024, 11, 31, 23, 59, 59, 999), Date.UTC(1999, 11, 31, 23, 59, 59, 999), 253_402_300_799_999];
    for (const ms of edges) expect(isoTimestamp(ms)).toBe(new Date(ms).toISOString());
  });

  it('writes what toISOString writes for 20,000 times spread from 1970 to 9999', () => {
    let seed = 7;
    for (let i = 0; i < 20_000; i++) {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      const ms = Math.floor((seed / 2 ** 32) * 253_402_300_799_999);
      expect(isoTimestamp(ms)).toBe(new Date(ms).toISOString());
    }
  });

  it('leaves what it does not compute to the Date: before 1970, past 9999, fractions, and throws for an invalid time', () => {
    for (const ms of [-1, -86_400_001, 253_402_300_800_000, 1.5]) expect(isoTimestamp(ms)).toBe(new Date(ms).toISOString());
    expect(() => isoTimestamp(Number.NaN)).toThrow(RangeError);
  });
});
