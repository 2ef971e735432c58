/*
 * Every annotation exported as W3C JSON-LD needs an IRI, and `urn:uuid:` is the one that names
 * nothing on the web. The app's ids are random UUIDs already and are used as they are; ids that
 * are not (the default legend's, test fixtures') get a name-based UUID (RFC 9562 version 8, from
 * four seeded FNV-1a 32-bit hashes), so that the same project always exports the same ids.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const SEEDS = [0x811c9dc5, 0x050c5d1f, 0x1b873593, 0xcc9e2d51] as const;

/** Each byte as two hex digits. */
const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** A 32-bit number as 8 hex digits, byte by byte from a table (a third of the time of `toString(16)` and padding). */
function hex8(value: number): string {
  return `${HEX_BYTES[value >>> 24]}${HEX_BYTES[(value >>> 16) & 0xff]}${HEX_BYTES[(value >>> 8) & 0xff]}${HEX_BYTES[value & 0xff]}`;
}

/**
 * `id` itself when it is a UUID, else a UUID derived from it (always the same one): the four
 * seeded 32-bit FNV-1a hashes of `id`, computed in one pass (Math.imul keeps them in fast integer
 * arithmetic).
 */
export function stableUuid(id: string): string {
  if (UUID.test(id)) return id.toLowerCase();
  let a: number = SEEDS[0];
  let b: number = SEEDS[1];
  let c: number = SEEDS[2];
  let d: number = SEEDS[3];
  for (let i = 0; i < id.length; i++) {
    const unit = id.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x01000193);
    c = Math.imul(c ^ unit, 0x01000193);
    d = Math.imul(d ^ unit, 0x01000193);
  }
  const h = hex8(a) + hex8(b) + hex8(c) + hex8(d);
  // Version 8 in the 13th digit, the RFC's variant (10xx) in the 17th.
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
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
