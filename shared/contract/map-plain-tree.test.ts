import { describe, expect, it } from 'vitest';
import { mapPlainTree, type JsonPath } from './map-plain-tree';

describe('mapPlainTree', () => {
  it('hands each leaf its path, copies only the containers on the path of a replaced leaf, and descends into nothing but arrays and plain objects', () => {
    const when = new Date(0);
    const bytes = new Uint8Array([1, 2]);
    const input = { keep: { a: [1, 'x'] }, swap: [{ b: 'y' }, 'z'], when, bytes, none: null };
    const seen: Array<[unknown, JsonPath]> = [];
    const out = mapPlainTree(input, (value, path) => (seen.push([value, [...path]]), value === 'y' ? 'Y' : value)) as typeof input;
    expect(seen).toEqual([[1, ['keep', 'a', 0]], ['x', ['keep', 'a', 1]], ['y', ['swap', 0, 'b']], ['z', ['swap', 1]], [when, ['when']], [bytes, ['bytes']], [null, ['none']]]);
    expect(out).toEqual({ ...input, swap: [{ b: 'Y' }, 'z'] });
    expect(out.keep).toBe(input.keep);
    expect(out.swap).not.toBe(input.swap);
    expect(input.swap[0]).toEqual({ b: 'y' });
    expect(mapPlainTree(input, (value) => value)).toBe(input);
    expect(mapPlainTree('top', (value, path) => `${String(value)}${path.length}`)).toBe('top0');
  });
});
