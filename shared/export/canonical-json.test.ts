import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonJoined } from './canonical-json';

describe('canonical JSON', () => {
  it('writes object keys in code-unit order at every depth, arrays in their own order', () => {
    expect(canonicalJson({ b: 1, a: { z: [{ y: 1, x: 2 }, 3], Z: null }, é: 'e', E: true })).toBe('{"E":true,"a":{"Z":null,"z":[{"x":2,"y":1},3]},"b":1,"é":"e"}');
  });

  it('puts index-like keys first in numeric order, as any object does, and leaves out undefined', () => {
    expect(canonicalJson({ b: 1, 10: 'ten', 9: 'nine', u: undefined })).toBe('{"9":"nine","10":"ten","b":1}');
  });

  it('gives the same text for rows whatever order their keys were added in, and calls toJSON', () => {
    const rows = [{ id: 'r1', n: 1, at: { toJSON: () => ({ q: 1, p: 2 }) } }, { n: 2, id: 'r2' }, { id: 'r3', n: 3 }];
    expect(canonicalJsonJoined(rows, ',\n')).toBe('{"at":{"p":2,"q":1},"id":"r1","n":1},\n{"id":"r2","n":2},\n{"id":"r3","n":3}');
    expect(canonicalJsonJoined(rows, '|')).toBe(rows.map(canonicalJson).join('|'));
  });

  it('writes primitives and null as JSON, and a lone undefined as null', () => {
    expect(canonicalJsonJoined(['a"b', 1.5, null, undefined], ' ')).toBe('"a\\"b" 1.5 null null');
  });

  it('joins across chunks as if in one piece, and gives nothing for no values', () => {
    const many = Array.from({ length: 1234 }, (_, i) => ({ n: i, a: 'x' }));
    expect(canonicalJsonJoined(many, ',')).toBe(many.map((row) => `{"a":"x","n":${row.n}}`).join(','));
    expect(canonicalJsonJoined([], ',')).toBe('');
  });
});
