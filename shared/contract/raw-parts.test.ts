import { describe, expect, it } from 'vitest';
import { RAW_PARTS_HEADER, attachRawPart, detachRawParts, readRawParts, type RawPartEntry } from './raw-parts';

const long = (char: string, length: number) => char.repeat(length);
const utf8 = (text: string) => new TextEncoder().encode(text);

/** A body as the page's HTTP transport makes it: the head, then each part's bytes. */
function body(input: unknown): { bytes: Uint8Array; header: string } {
  const { skeleton, parts, paths } = detachRawParts(input);
  const raw = parts.map((part) => (typeof part === 'string' ? utf8(part) : part));
  const entries: RawPartEntry[] = parts.map((part, i) => ({ path: paths[i] ?? [], bytes: raw[i]?.length ?? 0, kind: typeof part === 'string' ? 'text' : 'bytes' }));
  const head = utf8(JSON.stringify({ input: skeleton, parts: entries }));
  const bytes = new Uint8Array(head.length + raw.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of [head, ...raw]) {
    bytes.set(part, at);
    at += part.length;
  }
  return { bytes, header: String(head.length) };
}

describe('raw parts out of a request and back', () => {
  it('takes out the byte arrays and the long strings, leaving "" in their place and the input untouched', () => {
    const chunk = long('é', 70_000);
    const bytes = utf8('Kigali 👍🏽');
    const input = { parts: [{ uploadId: 'u1', index: 0, count: 2, chunk }, { uploadId: 'u1', index: 1, count: 2, chunk: 'short' }, { uploadId: 'u2', index: 0, count: 1, chunk: bytes }], note: long('x', 10) };
    const { skeleton, parts, paths } = detachRawParts(input);
    expect(parts).toEqual([chunk, bytes]);
    expect(parts[1]).toBe(bytes);
    expect(paths).toEqual([['parts', 0, 'chunk'], ['parts', 2, 'chunk']]);
    expect(skeleton).toEqual({ ...input, parts: [{ ...input.parts[0], chunk: '' }, input.parts[1], { ...input.parts[2], chunk: '' }] });
    expect(input.parts[0]?.chunk).toBe(chunk);
  });

  it('leaves an input without raw parts as it is (the same object), and refuses bytes as a whole request', () => {
    const input = { paths: ['a.txt', 'b.txt'], nested: { deep: [1, null, 'x'] } };
    const detached = detachRawParts(input, 100);
    expect(detached.skeleton).toBe(input);
    expect(detached.parts).toEqual([]);
    expect(detachRawParts('a whole input', 2)).toEqual({ skeleton: 'a whole input', parts: [], paths: [] });
    expect(() => detachRawParts(utf8('x'))).toThrow('bytes cannot travel as a whole request');
  });

  it('puts nothing back where the JSON has no "" at the path: another value, a missing key, an index on an object, a path given twice', () => {
    const target = { a: [{ b: '' }], c: 'kept', d: { '0': '' } };
    expect(attachRawPart(target, ['c'], 'x')).toBe(false);
    expect(attachRawPart(target, ['missing'], 'x')).toBe(false);
    expect(attachRawPart(target, ['d', 0], 'x')).toBe(false);
    expect(attachRawPart(target, ['a', '0', 'b'], 'x')).toBe(false);
    expect(attachRawPart(target, ['a', 0, 'b', 'c'], 'x')).toBe(false);
    expect(attachRawPart(target, ['__proto__', 'b'], 'x')).toBe(false);
    expect(attachRawPart(target, ['a', 0, 'b'], 'x')).toBe(true);
    expect(attachRawPart(target, ['a', 0, 'b'], 'y')).toBe(false);
    expect(target).toEqual({ a: [{ b: 'x' }], c: 'kept', d: { '0': '' } });
  });

  it('reads back the very input, bytes as bytes (views of the body, not copies) and text decoded, a byte order mark kept', () => {
    const text = `\uFEFF${long('Kigali — "Rwanda" 👍🏽\n', 4_000)}`;
    const files = Array.from({ length: 2_002 }, (_, i) => ({ name: `article-${i}.ann`, content: utf8(`T1\tPerson 0 6\tKagame ${i}\n`) }));
    const input = { files: [{ name: 'report.csv', content: text }, ...files], overwrite: false };
    const { bytes, header } = body(input);
    const read = readRawParts(bytes, header);
    expect(read).toEqual({ ok: true, value: input });
    const content: unknown = read.ok ? (read.value as typeof input).files[1]?.content : null;
    expect(content instanceof Uint8Array && content.buffer).toBe(bytes.buffer);
  });

  it('refuses a head length that is not one, a head that is not JSON or has no layout, a body of another length, and a place the JSON does not have', () => {
    const { bytes, header } = body({ parts: [{ uploadId: 'u1', index: 0, count: 1, chunk: utf8('x'.repeat(100)) }] });
    const headBytes = Number(header);
    const head = JSON.parse(new TextDecoder().decode(bytes.subarray(0, headBytes))) as { input: unknown; parts: RawPartEntry[] };
    const withHead = (changed: unknown) => {
      const json = utf8(JSON.stringify(changed));
      const joined = new Uint8Array(json.length + 100);
      joined.set(json);
      joined.set(bytes.subarray(headBytes), json.length);
      return readRawParts(joined, String(json.length));
    };
    const refusals = [
      readRawParts(bytes, 'twelve'),
      readRawParts(bytes, String(bytes.length + 1)),
      readRawParts(bytes, String(headBytes - 1)),
      readRawParts(bytes.subarray(1), header),
      withHead({ input: head.input }),
      withHead({ parts: head.parts }),
      withHead({ ...head, parts: [{ ...head.parts[0], kind: 'blob' }] }),
      withHead({ ...head, parts: [{ ...head.parts[0], path: ['parts', 0, 'uploadId'] }] }),
      withHead({ ...head, parts: [{ ...head.parts[0], path: ['parts', 1, 'chunk'] }] }),
    ];
    expect(refusals.map((refusal) => refusal.ok)).toEqual(refusals.map(() => false));
    expect(refusals[0]).toEqual({ ok: false, message: `The ${RAW_PARTS_HEADER} header does not name the length of the body's head` });
    expect(refusals.at(-1)).toEqual({ ok: false, message: 'The body\'s layout names a place its JSON does not have (["parts",1,"chunk"])' });
  });
});
