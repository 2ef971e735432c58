import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonJoined, withKeysInCanonicalOrder } from './canonical-json';

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

  it('writes rows whose keys are already in order as they are, and copies any that are not, with the same text either way', () => {
    const sorted = { a: 1, b: { c: [{ d: 'x', e: null }], f: undefined } };
    const integerKeys = { 10: 'ten', 2: 'two', a: 1 };
    const boxed = { a: Object('text') as object, b: new Date(0) };
    const nullPrototype = Object.assign(Object.create(null) as object, { b: 2, a: 1 });
    expect(canonicalJsonJoined([sorted, integerKeys, boxed, nullPrototype], '|')).toBe('{"a":1,"b":{"c":[{"d":"x","e":null}]}}|{"2":"two","10":"ten","a":1}|{"a":{"0":"t","1":"e","2":"x","3":"t"},"b":"1970-01-01T00:00:00.000Z"}|{"a":1,"b":2}');
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

describe('keys in canonical order', () => {
  it('copies a value with its plain objects’ keys in code-unit order at every depth, leaving the original as it was', () => {
    const row = { id: 'r1', target: { quote: { exact: 'x', prefix: '' }, position: { start: 1, end: 2 } }, list: [{ b: 1, a: 2 }], kind: 'highlight' };
    const copy = withKeysInCanonicalOrder(row);
    expect(copy).toEqual(row);
    expect(Object.keys(copy)).toEqual(['id', 'kind', 'list', 'target']);
    expect(Object.keys(copy.target)).toEqual(['position', 'quote']);
    expect(Object.keys(copy.target.position)).toEqual(['end', 'start']);
    expect(Object.keys(copy.list[0] ?? {})).toEqual(['a', 'b']);
    expect(Object.keys(row)).toEqual(['id', 'target', 'list', 'kind']);
    expect(JSON.stringify(copy)).toBe(canonicalJson(row));
  });

  it('gives back a value already in order as it is, and keeps dates and other objects as they are', () => {
    const sorted = { a: 1, b: { c: [1, 'two'] } };
    expect(withKeysInCanonicalOrder(sorted)).toBe(sorted);
    expect(withKeysInCanonicalOrder('text')).toBe('text');
    const date = new Date(0);
    const copy = withKeysInCanonicalOrder({ z: date, a: null });
    expect(Object.keys(copy)).toEqual(['a', 'z']);
    expect(copy.z).toBe(date);
  });
});
