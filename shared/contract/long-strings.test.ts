import { describe, expect, it } from 'vitest';
import { attachLongString, detachLongStrings, readLongStringLayout } from './long-strings';

const long = (char: string, length: number) => char.repeat(length);

describe('long strings out of a request and back', () => {
  it('takes out the long strings, leaving "" in their place and the input untouched, and puts them back', () => {
    const chunk = long('é', 70_000);
    const input = { parts: [{ uploadId: 'u1', index: 0, count: 2, chunk }, { uploadId: 'u1', index: 1, count: 2, chunk: 'short' }], note: long('x', 10) };
    const { skeleton, strings, paths } = detachLongStrings(input);
    expect(strings).toEqual([chunk]);
    expect(paths).toEqual([['parts', 0, 'chunk']]);
    expect(skeleton).toEqual({ ...input, parts: [{ ...input.parts[0], chunk: '' }, input.parts[1]] });
    expect(input.parts[0]?.chunk).toBe(chunk);
    const parsed: unknown = JSON.parse(JSON.stringify(skeleton));
    expect(attachLongString(parsed, ['parts', 0, 'chunk'], chunk)).toBe(true);
    expect(parsed).toEqual(input);
  });

  it('leaves an input without long strings as it is (the same object)', () => {
    const input = { paths: ['a.txt', 'b.txt'], nested: { deep: [1, null, 'x'] } };
    const detached = detachLongStrings(input, 100);
    expect(detached.skeleton).toBe(input);
    expect(detached.strings).toEqual([]);
    expect(detachLongStrings('a whole input', 2)).toEqual({ skeleton: 'a whole input', strings: [], paths: [] });
  });

  it('puts nothing back where the JSON has no "" at the path: another value, a missing key, an index on an object, a path given twice', () => {
    const target = { a: [{ b: '' }], c: 'kept', d: { '0': '' } };
    expect(attachLongString(target, ['c'], 'x')).toBe(false);
    expect(attachLongString(target, ['missing'], 'x')).toBe(false);
    expect(attachLongString(target, ['d', 0], 'x')).toBe(false);
    expect(attachLongString(target, ['a', '0', 'b'], 'x')).toBe(false);
    expect(attachLongString(target, ['a', 0, 'b', 'c'], 'x')).toBe(false);
    expect(attachLongString(target, ['__proto__', 'b'], 'x')).toBe(false);
    expect(attachLongString(target, ['a', 0, 'b'], 'x')).toBe(true);
    expect(attachLongString(target, ['a', 0, 'b'], 'y')).toBe(false);
    expect(target).toEqual({ a: [{ b: 'x' }], c: 'kept', d: { '0': '' } });
  });

  it('reads a layout header, and refuses anything else', () => {
    expect(readLongStringLayout('{"json":12,"strings":[{"path":["parts",0,"chunk"],"bytes":70000}]}')).toEqual({ json: 12, strings: [{ path: ['parts', 0, 'chunk'], bytes: 70_000 }] });
    for (const bad of ['', 'nope', '[]', '{"json":-1,"strings":[{"path":["a"],"bytes":1}]}', '{"json":1,"strings":[]}', '{"json":1,"strings":[{"path":[],"bytes":1}]}', '{"json":1,"strings":[{"path":["a"],"bytes":1.5}]}', '{"json":1,"strings":[{"path":[-1],"bytes":1}]}', '{"json":1,"strings":[{"path":[{}],"bytes":1}]}']) {
      expect(readLongStringLayout(bad)).toBeNull();
    }
  });
});
