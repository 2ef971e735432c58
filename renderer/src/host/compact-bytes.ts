/*
 * Structured clone (Electron IPC, contextBridge) sends a typed array's WHOLE buffer, whatever part
 * of it the array views: an export's files are views of one buffer per format (a 34 MB W3C file
 * in a buffer of up to 100 MB), staged in views of up to 24 MB, and brat's two thousand files are
 * views of one buffer. Each such view is copied to a buffer of its own before it is sent, so that
 * a request carries its bytes and nothing more. (The HTTP bridge puts the views in a Blob, which
 * copies only their bytes, and needs none of this.)
 */

const isPlainObject = (value: object): value is Record<string, unknown> => {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/**
 * `input` with every byte array that views part of a larger buffer replaced by a copy of its bytes
 * (containers on their paths copied, nothing else); the same object when there is none.
 */
export function compactBytes(input: unknown): unknown {
  if (input instanceof Uint8Array) return input.byteOffset === 0 && input.byteLength === input.buffer.byteLength ? input : input.slice();
  if (input === null || typeof input !== 'object') return input;
  if (Array.isArray(input)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < input.length; i++) {
      const item = compactBytes(input[i]);
      if (item !== input[i]) (copy ??= [...input])[i] = item;
    }
    return copy ?? input;
  }
  if (!isPlainObject(input)) return input;
  let copy: Record<string, unknown> | null = null;
  for (const key of Object.keys(input)) {
    const item = compactBytes(input[key]);
    if (item !== input[key]) (copy ??= { ...input })[key] = item;
  }
  return copy ?? input;
}
