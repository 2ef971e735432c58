import { describe, expect, it } from 'vitest';
import { stableUuid, uuidFromIri, uuidIri } from './stable-uuid';

describe('stableUuid', () => {
  it('keeps an id that is a UUID, in lower case', () => {
    expect(stableUuid('5B0F6C1E-8C1A-4A51-9D35-3F1C2B4A5D6E')).toBe('5b0f6c1e-8c1a-4a51-9d35-3f1c2b4a5d6e');
  });

  it('derives the same version 8 UUID from the same other id every time, and different ones from different ids', () => {
    const a = stableUuid('default-key-claim');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableUuid('default-key-claim')).toBe(a);
    const many = new Set(Array.from({ length: 10_000 }, (_, i) => stableUuid(`annotation-${i}`)));
    expect(many.size).toBe(10_000);
  });

  it('reads the UUID back from its urn:uuid: IRI', () => {
    expect(uuidFromIri(uuidIri('x'))).toBe(stableUuid('x'));
    expect(uuidFromIri('https://example.org/a')).toBeNull();
    expect(uuidFromIri('urn:uuid:not-a-uuid')).toBeNull();
  });
});
