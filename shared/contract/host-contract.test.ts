import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EXPORT_CHUNK_BYTES, EXPORT_CHUNK_CHARS, hostRequests } from './host-contract';

const stage = hostRequests['exports.stage'].input;
const build = hostRequests['exports.build'].input;
const utf8 = (text: string) => new TextEncoder().encode(text);
const problem = (result: { success: boolean; error?: z.ZodError }) => (result.error ? z.prettifyError(result.error) : '');

describe('export content in the contract: text or bytes', () => {
  it('takes a staged chunk as bytes, the very array, as well as text', () => {
    const chunk = utf8('Kigali 👍🏽');
    const parsed = stage.parse({ parts: [{ uploadId: 'u1', index: 0, count: 2, chunk }, { uploadId: 'u1', index: 1, count: 2, chunk: 'é' }] });
    expect(parsed.parts[0]?.chunk).toBe(chunk);
    expect(parsed.parts[1]?.chunk).toBe('é');
  });

  it('refuses content that is neither text nor bytes, saying so', () => {
    const asJson = { 0: 75, 1: 195 };
    const result = stage.safeParse({ parts: [{ uploadId: 'u1', index: 0, count: 1, chunk: asJson }] });
    expect(result.success).toBe(false);
    expect(problem(result)).toContain('expected text or bytes (a Uint8Array)');
  });

  it('counts bytes as bytes and characters at six bytes each against a request\'s limit', () => {
    const half = new Uint8Array(EXPORT_CHUNK_BYTES / 2);
    expect(stage.safeParse({ parts: [{ uploadId: 'u1', index: 0, count: 2, chunk: half }, { uploadId: 'u1', index: 1, count: 2, chunk: half }] }).success).toBe(true);
    expect(stage.safeParse({ parts: [{ uploadId: 'u1', index: 0, count: 1, chunk: new Uint8Array(EXPORT_CHUNK_BYTES + 1) }] }).success).toBe(false);
    const overByOneCharacter = stage.safeParse({ parts: [{ uploadId: 'u1', index: 0, count: 2, chunk: half }, { uploadId: 'u2', index: 0, count: 1, chunk: 'x'.repeat(EXPORT_CHUNK_CHARS / 2 + 1) }] });
    expect(problem(overByOneCharacter)).toContain(`at most ${EXPORT_CHUNK_BYTES} bytes (a character counting 6) per request`);
  });
});

describe('exports.build in the contract', () => {
  const valid = { exportId: 'x1', preparedId: 'u1', scope: { kind: 'project' }, formats: ['markdown', 'archive'], baseName: 'corpus', csvBom: false, overwrite: false };

  it('takes each scope, with what it names', () => {
    expect(build.safeParse(valid).success).toBe(true);
    expect(build.safeParse({ ...valid, scope: { kind: 'articles', paths: ['news/a.txt'] } }).success).toBe(true);
    expect(build.safeParse({ ...valid, scope: { kind: 'entity', entityId: 'e-kagame' } }).success).toBe(true);
    expect(build.safeParse({ ...valid, scope: { kind: 'notebook' } }).success).toBe(true);
  });

  it('refuses an unknown format or scope, a scope without what it needs, no format, and anything extra', () => {
    expect(build.safeParse({ ...valid, formats: ['pdf'] }).success).toBe(false);
    expect(build.safeParse({ ...valid, formats: [] }).success).toBe(false);
    expect(build.safeParse({ ...valid, scope: { kind: 'everything' } }).success).toBe(false);
    expect(build.safeParse({ ...valid, scope: { kind: 'articles', paths: [] } }).success).toBe(false);
    expect(build.safeParse({ ...valid, scope: { kind: 'articles', paths: ['../outside.txt'] } }).success).toBe(false);
    expect(build.safeParse({ ...valid, scope: { kind: 'entity' } }).success).toBe(false);
    expect(build.safeParse({ ...valid, files: [{ name: 'a.md', content: '# A' }] }).success).toBe(false);
  });
});
