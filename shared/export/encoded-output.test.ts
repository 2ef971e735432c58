import { describe, expect, it } from 'vitest';
import { encodeOutput, outputBuffers } from './encoded-output';

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('a format\'s files as bytes', () => {
  it('encodes each file as UTF-8, byte order mark, emoji, right-to-left script and all, keeping names and subfolder', () => {
    const text = '\uFEFFentity,quote\r\nKagame,"كاغامي 👍🏽"\r\n';
    const encoded = encodeOutput({ subfolder: 'corpus-brat', files: [{ name: 'a.csv', content: text }, { name: 'empty.ann', content: '' }] });
    expect(encoded.subfolder).toBe('corpus-brat');
    expect(encoded.files.map((file) => file.name)).toEqual(['a.csv', 'empty.ann']);
    expect([...(encoded.files[0]?.content.subarray(0, 3) ?? [])]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decode(encoded.files[0]?.content ?? new Uint8Array())).toBe(text);
    expect(encoded.files[1]?.content.byteLength).toBe(0);
    expect(Buffer.from(encoded.files[0]?.content ?? []).equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect('subfolder' in encodeOutput({ files: [] })).toBe(false);
  });

  it('writes a lone surrogate as U+FFFD, the bytes Node would have written for the string', () => {
    const text = 'a\uD83Db';
    expect(Buffer.from(encodeOutput({ files: [{ name: 'x', content: text }] }).files[0]?.content ?? []).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('puts a format\'s files in one buffer, one after another, each file exactly its bytes', () => {
    const texts = ['T1\tPerson 0 6\tKagame\n', '', 'كاغامي 👍🏽\n', 'a'.repeat(10_000)];
    const encoded = encodeOutput({ subfolder: 'corpus-brat', files: texts.map((content, i) => ({ name: `f${i}`, content })) });
    expect(new Set(encoded.files.map((file) => file.content.buffer)).size).toBe(1);
    expect(encoded.files.map((file) => decode(file.content))).toEqual(texts);
    expect(encoded.files.map((file) => file.content.byteOffset)).toEqual([0, 21, 21, 43]);
  });

  it('encodes a text given in pieces one piece after another, to the bytes of the pieces joined', () => {
    const pieces = ['{"items":[\n', '{"exact":"كاغامي 👍🏽"}', ',\n', '', '{"exact":"Goma"}', '\n]}\n'];
    const encoded = encodeOutput({ files: [{ name: 'a.jsonld', content: pieces }, { name: 'b.txt', content: 'after' }] });
    expect(Buffer.from(encoded.files[0]?.content ?? []).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
    expect(decode(encoded.files[1]?.content ?? new Uint8Array())).toBe('after');
    expect(decode(encodeOutput({ files: [{ name: 'none', content: [] }] }).files[0]?.content ?? new Uint8Array([1]))).toBe('');
  });

  it('names every buffer to transfer once, and they can be transferred', () => {
    const encoded = encodeOutput({ files: [{ name: 'a', content: 'one' }, { name: 'b', content: 'two' }] });
    const other = encodeOutput({ files: [{ name: 'c', content: 'three' }] });
    const withViews = { files: [...encoded.files, ...other.files] };
    const buffers = outputBuffers(withViews);
    expect(buffers).toHaveLength(2);
    const moved = structuredClone(withViews, { transfer: buffers });
    expect(moved.files.map((file) => decode(file.content))).toEqual(['one', 'two', 'three']);
    expect(encoded.files[0]?.content.byteLength).toBe(0);
  });
});
