import { describe, expect, it } from 'vitest';
import { COUNT_WORDS_WASM_BASE64 } from '../main/services/corpus/count-words-wasm';
import { compileCountWordsWat } from './build-count-words-wasm';

describe('count-words-wasm.ts', () => {
  it('holds count-words.wat as it compiles now (run scripts/build-count-words-wasm.ts after editing the .wat)', async () => {
    const compiled = await compileCountWordsWat();
    expect(Buffer.from(compiled).toString('base64')).toBe(COUNT_WORDS_WASM_BASE64);
  });
});
