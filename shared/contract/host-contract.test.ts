import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EXPORT_CHUNK_BYTES, EXPORT_CHUNK_CHARS, EXPORT_INLINE_BYTES, hostRequests } from './host-contract';

const stage = hostRequests['exports.stage'].input;
const write = hostRequests['exports.write'].input;
const utf8 = (text: string) => new TextEncoder().encode(text);
const problem = (result: { success: boolean; error?: z.ZodError }) => (result.error ? z.prettifyError(result.error) : '');

describe('export content in the contract: text or bytes', () => {
  it('takes a staged chunk and an inline file as bytes, the very array, as well as text', () => {
    const chunk = utf8('Kigali 👍🏽');
    const parsed = stage.parse({ parts: [{ uploadId: 'u1', index: 0, count: 2, chunk }, { uploadId: 'u1', index: 1, count: 2, chunk: 'é' }] });
    expect(parsed.parts[0]?.chunk).toBe(chunk);
    expect(parsed.parts[1]?.chunk).toBe('é');
    const content = utf8('# Report');
    expect(write.parse({ files: [{ name: 'a.md', content }, { name: 'b.md', content: '# B' }], overwrite: false }).files[0]?.content).toBe(content);
  });

  it('refuses content that is neither text nor bytes, saying so', () => {
    const asJson = { 0: 75, 1: 195 };
    const result = stage.safeParse({ parts: [{ uploadId: 'u1', index: 0, count: 1, chunk: asJson }] });
    expect(result.success).toBe(false);
    expect(problem(result)).toContain('expected text or bytes (a Uint8Array)');
    expect(write.safeParse({ files: [{ name: 'a.md', content: [75, 195] }], overwrite: false }).success).toBe(false);
  });

  it('counts bytes as bytes and characters at six bytes each against a request\'s limit', () => {
    const half = new Uint8Array(EXPORT_CHUNK_BYTES / 2);
    expect(stage.safeParse({ parts: [{ uploadId: 'u1', index: 0, count: 2, chunk: half }, { uploadId: 'u1', index: 1, count: 2, chunk: half }] }).success).toBe(true);
    expect(stage.safeParse({ parts: [{ uploadId: 'u1', index: 0, count: 1, chunk: new Uint8Array(EXPORT_CHUNK_BYTES + 1) }] }).success).toBe(false);
    const overByOneCharacter = stage.safeParse({ parts: [{ uploadId: 'u1', index: 0, count: 2, chunk: half }, { uploadId: 'u2', index: 0, count: 1, chunk: 'x'.repeat(EXPORT_CHUNK_CHARS / 2 + 1) }] });
    expect(problem(overByOneCharacter)).toContain(`at most ${EXPORT_CHUNK_BYTES} bytes (a character counting 6) per request`);
    expect(write.safeParse({ files: [{ name: 'a.md', content: new Uint8Array(EXPORT_INLINE_BYTES + 1) }], overwrite: false }).success).toBe(false);
  });
});
