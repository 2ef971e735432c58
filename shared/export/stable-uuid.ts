/*
 * Every annotation exported as W3C JSON-LD needs an IRI, and `urn:uuid:` is the one that names
 * nothing on the web. The app's ids are random UUIDs already and are used as they are; ids that
 * are not (the default legend's, test fixtures') get a name-based UUID (RFC 9562 version 8, from
 * four seeded FNV-1a 32-bit hashes), so that the same project always exports the same ids.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 32-bit FNV-1a of `text` from `seed` (Math.imul keeps it in fast integer arithmetic). */
function fnv1a32(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

const SEEDS = [0x811c9dc5, 0x050c5d1f, 0x1b873593, 0xcc9e2d51];

/** `id` itself when it is a UUID, else a UUID derived from it (always the same one). */
export function stableUuid(id: string): string {
  if (UUID.test(id)) return id.toLowerCase();
  const hex = SEEDS.map((seed) => fnv1a32(id, seed).toString(16).padStart(8, '0')).join('').split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The `urn:uuid:` IRI of an id. */
export function uuidIri(id: string): string {
  return `urn:uuid:${stableUuid(id)}`;
}

/** The UUID inside a `urn:uuid:` IRI, or null. */
export function uuidFromIri(iri: string): string | null {
  const match = /^urn:uuid:(.+)$/i.exec(iri);
  return match && UUID.test(match[1] ?? '') ? (match[1] ?? '').toLowerCase() : null;
}
