import { describe, expect, it } from 'vitest';
import { chunkText } from './write-export';

describe('chunkText', () => {
  it('cuts text into chunks that join back to it', () => {
    const text = 'abcdefghij'.repeat(10);
    const chunks = chunkText(text, 7);
    expect(chunks.every((chunk) => chunk.length <= 7)).toBe(true);
    expect(chunks.join('')).toBe(text);
  });

  it('never splits an emoji between two chunks', () => {
    const chunks = chunkText('ab👍cd', 3);
    expect(chunks).toEqual(['ab', '👍c', 'd']);
  });

  it('sends one empty chunk for an empty file', () => {
    expect(chunkText('', 10)).toEqual(['']);
  });
});
