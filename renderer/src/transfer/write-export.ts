import { mapLimited } from '../../../shared/async/map-limited';
import { EXPORT_CHUNK_BYTES, EXPORT_INLINE_BYTES, EXPORT_STAGE_PARTS } from '../../../shared/contract/host-contract';
import type { HostClient } from '../../../shared/contract/host-client';
import type { Result } from '../../../shared/contract/host-result';
import type { EncodedFile } from '../../../shared/export/encoded-output';

/*
 * Sends export files (their UTF-8 bytes, as the workers made them) to main to be written. Every
 * request must stay under the bridges' body limit (`MAX_PAYLOAD_BYTES`, 32 MB), so small files
 * travel inline in `exports.write` (up to EXPORT_INLINE_BYTES in all) and the rest are staged
 * ahead in chunks with `exports.stage`: chunks packed together up to EXPORT_CHUNK_BYTES per request
 * (a brat export's two thousand small files take a request or two, not two thousand), a few
 * requests at once.
 */

/** Staging requests in flight at once: enough to hide each one's round trip. */
const STAGE_CONCURRENCY = 3;

interface StagedPart {
  uploadId: string;
  index: number;
  count: number;
  chunk: Uint8Array<ArrayBuffer>;
}

/** Packs parts, in order, into requests of at most EXPORT_CHUNK_BYTES bytes and EXPORT_STAGE_PARTS parts. */
export function packParts(parts: readonly StagedPart[]): StagedPart[][] {
  const requests: StagedPart[][] = [];
  let current: StagedPart[] = [];
  let bytes = 0;
  for (const part of parts) {
    if (current.length > 0 && (bytes + part.chunk.byteLength > EXPORT_CHUNK_BYTES || current.length === EXPORT_STAGE_PARTS)) {
      requests.push(current);
      current = [];
      bytes = 0;
    }
    current.push(part);
    bytes += part.chunk.byteLength;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

/** Cuts `bytes` into views of at most `size` bytes (a file's UTF-8: main joins them back byte for byte). */
export function chunkBytes(bytes: Uint8Array<ArrayBuffer>, size: number): Array<Uint8Array<ArrayBuffer>> {
  const chunks: Array<Uint8Array<ArrayBuffer>> = [];
  for (let at = 0; at < bytes.byteLength; at += size) chunks.push(bytes.subarray(at, Math.min(bytes.byteLength, at + size)));
  return chunks.length > 0 ? chunks : [bytes];
}

export interface WriteRequest {
  subfolder?: string;
  files: readonly EncodedFile[];
  overwrite: boolean;
}

/** A set of files ready to write: small ones inline, the rest staged on main under upload ids. */
export interface StagedFiles {
  files: Array<{ name: string; content: Uint8Array<ArrayBuffer> } | { name: string; uploadId: string }>;
  uploadIds: string[];
}

/** Stages the large files of `files` (the small ones stay inline); on a failure, forgets what was staged. */
export async function stageFiles(client: HostClient, files: readonly EncodedFile[]): Promise<Result<StagedFiles>> {
  let inline = 0;
  const staged: StagedFiles = { files: [], uploadIds: [] };
  const parts: StagedPart[] = [];
  for (const file of files) {
    if (inline + file.content.byteLength <= EXPORT_INLINE_BYTES) {
      inline += file.content.byteLength;
      staged.files.push({ name: file.name, content: file.content });
      continue;
    }
    const uploadId = globalThis.crypto.randomUUID();
    const chunks = chunkBytes(file.content, EXPORT_CHUNK_BYTES);
    chunks.forEach((chunk, index) => parts.push({ uploadId, index, count: chunks.length, chunk }));
    staged.files.push({ name: file.name, uploadId });
    staged.uploadIds.push(uploadId);
  }
  // After a refused request, no further one is sent.
  let failure: Result<never> | null = null;
  const refused = new AbortController();
  await mapLimited(
    packParts(parts),
    STAGE_CONCURRENCY,
    async (request) => {
      const result = await client.request('exports.stage', { parts: request });
      if (!result.ok) {
        failure ??= result;
        refused.abort();
      }
    },
    refused.signal,
  );
  if (failure) {
    await discardStaged(client, staged);
    return failure;
  }
  return { ok: true, value: staged };
}

/** Forgets, on main, what `staged` staged (it will not be written). Best effort: main forgets an abandoned upload after 10 minutes anyway. */
export async function discardStaged(client: HostClient, staged: StagedFiles): Promise<void> {
  if (staged.uploadIds.length > 0) await client.request('exports.discard', { uploadIds: staged.uploadIds });
}

/** Writes staged files (all-or-nothing on main's side); `exists` comes back as an error code. */
export function writeStaged(client: HostClient, staged: StagedFiles, request: Omit<WriteRequest, 'files'>): Promise<Result<{ folder: string; written: string[] }>> {
  return client.request('exports.write', { ...(request.subfolder ? { subfolder: request.subfolder } : {}), files: staged.files, overwrite: request.overwrite });
}

/** Offers `files` as browser downloads (browser mode's copy of what was written). */
export function downloadFile(file: EncodedFile): void {
  const type = file.name.endsWith('.csv') ? 'text/csv' : file.name.endsWith('.json') || file.name.endsWith('.jsonld') ? 'application/json' : 'text/plain';
  const url = URL.createObjectURL(new Blob([file.content], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name.split('/').pop() ?? file.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
