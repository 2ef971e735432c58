/*
 * How the HTTP bridge carries a request's long strings (the megabytes of an export's staged
 * chunks): after the request's JSON, as raw UTF-8, instead of inside it. Escaping 76 MB of export
 * into JSON took the page's main thread ~1.2 s, and parsing it back took main as long again; raw
 * bytes need neither. The request is the same object either way: main puts each string back where
 * it was taken from, then `dispatch` validates the whole input against the contract as always.
 *
 * The body is `<JSON of the input, each long string replaced by "">` then each long string's
 * bytes, in order; the `LONG_STRINGS_HEADER` names the JSON's byte length and each string's path
 * and byte length. Strings travel as UTF-8, as every export file is written: a lone surrogate (not
 * text) arrives as U+FFFD, the character the file would have had in its place anyway.
 */

/** The request header describing the body's layout (its value is the JSON of a {@link LongStringLayout}). */
export const LONG_STRINGS_HEADER = 'x-workbench-long-strings';

/** Strings from this many UTF-16 units travel raw: shorter ones cost little to escape. */
export const LONG_STRING_CHARS = 64 * 1024;

/** Where a value sits in a request: object keys and array indexes from its top. */
export type JsonPath = Array<string | number>;

export interface LongStringLayout {
  /** Bytes of the JSON at the start of the body. */
  json: number;
  /** The long strings after it, in order. */
  strings: Array<{ path: JsonPath; bytes: number }>;
}

export interface DetachedStrings {
  /** The input with each long string replaced by "" (containers on their paths copied, nothing else). */
  skeleton: unknown;
  strings: string[];
  paths: JsonPath[];
}

const isPlainObject = (value: object): value is Record<string, unknown> => {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/** Header values are Latin-1 and the layout is short: only paths of printable ASCII keys are taken. */
const PRINTABLE_KEY = /^[\x20-\x7e]{1,64}$/;

/** Takes the strings of at least `minChars` units out of `input` (plain objects and arrays only). */
export function detachLongStrings(input: unknown, minChars: number = LONG_STRING_CHARS): DetachedStrings {
  const strings: string[] = [];
  const paths: JsonPath[] = [];
  const visit = (value: unknown, path: JsonPath): unknown => {
    if (typeof value === 'string') {
      // A string that is the whole input stays in the JSON: the layout names places inside an input.
      if (value.length < minChars || path.length === 0) return value;
      strings.push(value);
      paths.push([...path]);
      return '';
    }
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      let copy: unknown[] | null = null;
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        const item = visit(value[i], path);
        path.pop();
        if (item !== value[i]) (copy ??= [...value])[i] = item;
      }
      return copy ?? value;
    }
    if (!isPlainObject(value)) return value;
    let copy: Record<string, unknown> | null = null;
    for (const key of Object.keys(value)) {
      if (!PRINTABLE_KEY.test(key)) continue;
      path.push(key);
      const item = visit(value[key], path);
      path.pop();
      if (item !== value[key]) (copy ??= { ...value })[key] = item;
    }
    return copy ?? value;
  };
  return { skeleton: visit(input, []), strings, paths };
}

const MAX_LAYOUT_STRINGS = 1_000;

function isPath(value: unknown): value is JsonPath {
  return Array.isArray(value) && value.length > 0 && value.length <= 32 && value.every((part) => (typeof part === 'string' && PRINTABLE_KEY.test(part)) || (Number.isSafeInteger(part) && (part as number) >= 0));
}

const isByteCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** The layout named by a header's value, or null when it is not one. */
export function readLongStringLayout(header: string): LongStringLayout | null {
  let value: unknown;
  try {
    value = JSON.parse(header);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { json, strings } = value as { json?: unknown; strings?: unknown };
  if (!isByteCount(json) || !Array.isArray(strings) || strings.length === 0 || strings.length > MAX_LAYOUT_STRINGS) return null;
  const read: LongStringLayout['strings'] = [];
  for (const entry of strings as unknown[]) {
    if (typeof entry !== 'object' || entry === null) return null;
    const { path, bytes } = entry as { path?: unknown; bytes?: unknown };
    if (!isPath(path) || !isByteCount(bytes)) return null;
    read.push({ path, bytes });
  }
  return { json, strings: read };
}

/**
 * Puts `value` back at `path` of `target` (parsed JSON), where `detachLongStrings` left "": false,
 * and nothing changed, when the path leads anywhere else.
 */
export function attachLongString(target: unknown, path: JsonPath, value: string): boolean {
  let container: unknown = target;
  for (let i = 0; i < path.length; i++) {
    const part = path[i] as string | number;
    if (typeof container !== 'object' || container === null) return false;
    if (Array.isArray(container) !== (typeof part === 'number') || !Object.hasOwn(container, part)) return false;
    const next: unknown = (container as Record<string | number, unknown>)[part];
    if (i === path.length - 1) {
      if (next !== '') return false;
      (container as Record<string | number, unknown>)[part] = value;
      return true;
    }
    container = next;
  }
  return false;
}
