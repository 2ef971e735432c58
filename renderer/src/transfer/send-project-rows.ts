import type { HostClient } from '../../../shared/contract/host-client';
import { EXPORT_CHUNK_BYTES } from '../../../shared/contract/host-contract';
import type { Result } from '../../../shared/contract/host-result';

/*
 * Sends the project's rows (`project-rows.ts`) to main for an export: staged in chunks of at most
 * EXPORT_CHUNK_BYTES (one request each, all at once: main takes them in any order), then checked
 * and kept by main's export threads (`exports.prepare`), under the upload's id.
 */

/** Rows main has checked and keeps, for the exports built from them. */
export interface PreparedRows {
  id: string;
  annotations: number;
  /** Damaged annotations, left out of the formats main builds (the archive keeps them). */
  damaged: number;
}

/** Cuts `bytes` into views of at most `size` bytes (main joins them back byte for byte). */
export function chunkBytes(bytes: Uint8Array<ArrayBuffer>, size: number): Array<Uint8Array<ArrayBuffer>> {
  const chunks: Array<Uint8Array<ArrayBuffer>> = [];
  for (let at = 0; at < bytes.byteLength; at += size) chunks.push(bytes.subarray(at, Math.min(bytes.byteLength, at + size)));
  return chunks.length > 0 ? chunks : [bytes];
}

/** Stages `json` and has main prepare it; on a failure main forgets whatever it staged. */
export async function sendProjectRows(client: HostClient, json: Uint8Array<ArrayBuffer>): Promise<Result<PreparedRows>> {
  const id = globalThis.crypto.randomUUID();
  const chunks = chunkBytes(json, EXPORT_CHUNK_BYTES);
  const staged = await Promise.all(chunks.map((chunk, index) => client.request('exports.stage', { parts: [{ uploadId: id, index, count: chunks.length, chunk }] })));
  const refused = staged.find((result) => !result.ok);
  if (refused && !refused.ok) {
    await forgetProjectRows(client, id);
    return refused;
  }
  const prepared = await client.request('exports.prepare', { uploadId: id });
  return prepared.ok ? { ok: true, value: { id, ...prepared.value } } : prepared;
}

/** Has main forget rows it was sent (staged or prepared). Best effort: main forgets abandoned uploads itself. */
export async function forgetProjectRows(client: HostClient, id: string): Promise<void> {
  await client.request('exports.discard', { uploadIds: [id] });
}
