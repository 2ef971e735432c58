import { mapPlainTree } from '../../../shared/contract/map-plain-tree';

/*
 * Structured clone (Electron IPC, contextBridge) sends a typed array's WHOLE buffer, whatever part
 * of it the array views: an export's files are views of one buffer per format (a 34 MB W3C file
 * in a buffer of up to 100 MB), staged in views of up to 24 MB, and brat's two thousand files are
 * views of one buffer. Each such view is copied to a buffer of its own before it is sent, so that
 * a request carries its bytes and nothing more. (The HTTP bridge puts the views in a Blob, which
 * copies only their bytes, and needs none of this.)
 */

/**
 * `input` with every byte array that views part of a larger buffer replaced by a copy of its bytes
 * (containers on their paths copied, nothing else); the same object when there is none.
 */
export function compactBytes(input: unknown): unknown {
  return mapPlainTree(input, (value) => (value instanceof Uint8Array && (value.byteOffset !== 0 || value.byteLength !== value.buffer.byteLength) ? value.slice() : value));
}
