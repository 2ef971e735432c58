import { mapPlainTree, type JsonPath } from './map-plain-tree';

/*
 * How the HTTP bridge carries a request's bulk (the megabytes of an export's project rows): its byte
 * arrays and its long strings travel after the request's JSON, raw, instead of inside it. Escaping
 * 76 MB of export into JSON took the page's main thread ~1.2 s, and parsing it back took main as
 * long again; raw bytes need neither. Byte arrays (the rows' UTF-8) are handed to main
 * as views of the body: never decoded, never copied. The request is the same object either way:
 * main puts each part back where it was taken from, then `dispatch` validates the whole input
 * against the contract as always (Electron IPC carries byte arrays natively, by structured clone).
 *
 * The body is a head of JSON, `{"input": <the input, each part replaced by "">, "parts": [...]}`,
 * then each part's bytes, in order; the `RAW_PARTS_HEADER` names the head's byte length. Each
 * entry of `parts` names where its part goes, its byte length and its kind: `bytes` (a Uint8Array)
 * or `text` (a string, as UTF-8: a lone surrogate, which is not text, arrives as U+FFFD, the
 * character an export file would have had in its place anyway). The layout is in the body, not a
 * header, because a brat export stages two thousand small files' bytes in one request.
 */

/** The request header naming the byte length of the body's head. */
export const RAW_PARTS_HEADER = 'x-workbench-raw-parts';

/** Strings from this many UTF-16 units travel raw: shorter ones cost little to escape. Byte arrays always do. */
export const LONG_STRING_CHARS = 64 * 1024;

export interface RawPartEntry {
  path: JsonPath;
  bytes: number;
  kind: 'text' | 'bytes';
}

export interface DetachedParts {
  /** The input with each part replaced by "" (containers on their paths copied, nothing else). */
  skeleton: unknown;
  parts: Array<string | Uint8Array>;
  paths: JsonPath[];
}

/** Deepest path a part may sit at (contract inputs are a few levels deep). */
const MAX_DEPTH = 32;

/**
 * Takes the byte arrays and the strings of at least `minChars` units out of `input` (plain objects
 * and arrays only). Throws when a byte array cannot be taken out (the whole input, or too deep):
 * JSON would turn it into an object of numbers.
 */
export function detachRawParts(input: unknown, minChars: number = LONG_STRING_CHARS): DetachedParts {
  const parts: Array<string | Uint8Array> = [];
  const paths: JsonPath[] = [];
  const skeleton = mapPlainTree(input, (value, path) => {
    if (value instanceof Uint8Array) {
      if (path.length === 0 || path.length > MAX_DEPTH) throw new Error(`bytes cannot travel ${path.length === 0 ? 'as a whole request' : 'this deep in a request'}`);
    } else if (typeof value !== 'string' || value.length < minChars || path.length === 0 || path.length > MAX_DEPTH) {
      // A short string, or one that is the whole input or deeper than a layout may name, stays in the JSON.
      return value;
    }
    parts.push(value);
    paths.push([...path]);
    return '';
  });
  return { skeleton, parts, paths };
}

/** Most parts one body may carry: far more than any request has (an `exports.stage` carries at most 2,000). */
const MAX_PARTS = 200_000;

function isPath(value: unknown): value is JsonPath {
  return Array.isArray(value) && value.length > 0 && value.length <= MAX_DEPTH && value.every((part) => typeof part === 'string' || (Number.isSafeInteger(part) && (part as number) >= 0));
}

const isByteCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** The entries of a head's `parts`, or null when they are not a layout. */
function readEntries(value: unknown): RawPartEntry[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_PARTS) return null;
  const read: RawPartEntry[] = [];
  for (const entry of value as unknown[]) {
    if (typeof entry !== 'object' || entry === null) return null;
    const { path, bytes, kind } = entry as { path?: unknown; bytes?: unknown; kind?: unknown };
    if (!isPath(path) || !isByteCount(bytes) || (kind !== 'text' && kind !== 'bytes')) return null;
    read.push({ path, bytes, kind });
  }
  return read;
}

/**
 * Puts `value` back at `path` of `target` (parsed JSON), where `detachRawParts` left "": false,
 * and nothing changed, when the path leads anywhere else.
 */
export function attachRawPart(target: unknown, path: JsonPath, value: string | Uint8Array): boolean {
  let container: unknown = target;
  for (let i = 0; i < path.length; i++) {
    const part = path[i] as string | number;
    if (typeof container !== 'object' || container === null || container instanceof Uint8Array) return false;
    if (Array.isArray(container) !== (typeof part === 'number') || !Object.hasOwn(container, part)) return false;
    const next: unknown = (container as Record<string | number, unknown>)[part];
    if (i === path.length - 1) {
      if (next !== '') return false;
      Object.defineProperty(container, part, { value, writable: true, enumerable: true, configurable: true });
      return true;
    }
    container = next;
  }
  return false;
}

/** A request's input as read from its body, or why it could not be read. */
export type ReadInput = { ok: true; value: unknown } | { ok: false; message: string };

/** Keeps a byte order mark (a CSV's) as the character it is: by default TextDecoder drops it. */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The input a body of raw parts carries (`headBytes` from the {@link RAW_PARTS_HEADER}): byte
 * parts as views of `body` (a Node Buffer gives Buffers), text parts decoded.
 */
export function readRawParts(body: Uint8Array, header: string): ReadInput {
  const headBytes = /^\d{1,10}$/.test(header) ? Number(header) : Number.NaN;
  if (!(headBytes <= body.length)) return { ok: false, message: `The ${RAW_PARTS_HEADER} header does not name the length of the body's head` };
  let head: unknown;
  try {
    head = JSON.parse(decoder.decode(body.subarray(0, headBytes)));
  } catch {
    return { ok: false, message: 'The head of the body is not valid JSON' };
  }
  const entries = typeof head === 'object' && head !== null && Object.hasOwn(head, 'input') ? readEntries((head as { parts?: unknown }).parts) : null;
  if (!entries) return { ok: false, message: 'The head of the body is not an input and a layout of its parts' };
  const total = entries.reduce((sum, entry) => sum + entry.bytes, headBytes);
  if (total !== body.length) return { ok: false, message: `The body has ${body.length} bytes where its layout names ${total}` };
  const input: unknown = (head as { input: unknown }).input;
  let at = headBytes;
  for (const { path, bytes, kind } of entries) {
    const piece = body.subarray(at, at + bytes);
    if (!attachRawPart(input, path, kind === 'bytes' ? piece : decoder.decode(piece))) return { ok: false, message: `The body's layout names a place its JSON does not have (${JSON.stringify(path)})` };
    at += bytes;
  }
  return { ok: true, value: input };
}
