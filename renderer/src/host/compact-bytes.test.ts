import { describe, expect, it } from 'vitest';
import { compactBytes } from './compact-bytes';

describe('compactBytes (what Electron IPC is sent)', () => {
  it('copies views of a larger buffer to buffers of their own, so a clone carries only their bytes', () => {
    const format = new TextEncoder().encode('T1\tPerson 0 6\tKagame\nكاغامي 👍🏽\n');
    const whole = new Uint8Array(8).fill(7);
    const input = { files: [{ name: 'a.ann', content: format.subarray(0, 21) }, { name: 'b.txt', content: format.subarray(21) }, { name: 'c.bin', content: whole }], overwrite: false };
    const compacted = compactBytes(input) as typeof input;
    const sent = structuredClone(compacted);
    expect(sent.files.map((file) => file.content.buffer.byteLength)).toEqual([21, format.byteLength - 21, 8]);
    expect(sent.files.map((file) => new TextDecoder().decode(file.content))).toEqual(['T1\tPerson 0 6\tKagame\n', 'كاغامي 👍🏽\n', '\u0007'.repeat(8)]);
    expect(compacted.files[2]?.content).toBe(whole);
    expect(input.files[0]?.content.buffer).toBe(format.buffer);
    // Without it, each view would take the whole buffer along.
    expect(structuredClone(input).files[0]?.content.buffer.byteLength).toBe(format.byteLength);
  });

  it('gives back an input without partial views as it is (the same object)', () => {
    const input = { paths: ['a.txt'], parts: [{ chunk: new Uint8Array(4) }], nested: { deep: [1, null, 'x'] } };
    expect(compactBytes(input)).toBe(input);
    expect(compactBytes('text')).toBe('text');
  });
});
