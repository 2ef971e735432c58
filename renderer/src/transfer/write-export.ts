import { EXPORT_CHUNK_CHARS, EXPORT_INLINE_CHARS, EXPORT_STAGE_PARTS } from '../../../shared/contract/host-contract';
import type { HostClient } from '../../../shared/contract/host-client';
import type { Result } from '../../../shared/contract/host-result';
import type { ExportFile } from '../../../shared/export/brat-standoff';

/*
 * Sends export files to main to be written. Every request must stay under the bridges' body limit
 * (`MAX_PAYLOAD_BYTES`, 32 MB), so small files travel inline in `exports.write` (up to
 * EXPORT_INLINE_CHARS in all) and the rest are staged ahead in chunks with `exports.stage`:
 * chunks packed together up to EXPORT_CHUNK_CHARS per request (a brat export's two thousand small
 * files take a few requests, not two thousand), a few requests at once.
 */

/** Staging requests in flight at once: enough to hide each one's round trip. */
const STAGE_CONCURRENCY = 3;

interface StagedPart {
  uploadId: string;
  index: number;
  count: number;
  chunk: string;
}

/** Packs parts, in order, into requests of at most EXPORT_CHUNK_CHARS characters and EXPORT_STAGE_PARTS parts. */
export function packParts(parts: readonly StagedPart[]): StagedPart[][] {
  const requests: StagedPart[][] = [];
  let current: StagedPart[] = [];
  let chars = 0;
  for (const part of parts) {
    if (current.length > 0 && (chars + part.chunk.length > EXPORT_CHUNK_CHARS || current.length === EXPORT_STAGE_PARTS)) {
      requests.push(current);
      current = [];
      chars = 0;
    }
    current.push(part);
    chars += part.chunk.length;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

/** Cuts `text` into chunks of at most `size` UTF-16 units, never between the halves of a surrogate pair. */
export function chunkText(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    chunks.push(text.slice(at, end));
    at = end;
  }
  return chunks.length > 0 ? chunks : [''];
}

export interface WriteRequest {
  subfolder?: string;
  files: readonly ExportFile[];
  overwrite: boolean;
}

/** Writes one set of files (all-or-nothing on main's side); `exists` comes back as an error code. */
export async function writeExport(client: HostClient, request: WriteRequest): Promise<Result<{ folder: string; written: string[] }>> {
  let inline = 0;
  const files: Array<{ name: string; content: string } | { name: string; uploadId: string }> = [];
  const parts: StagedPart[] = [];
  for (const file of request.files) {
    if (inline + file.content.length <= EXPORT_INLINE_CHARS) {
      inline += file.content.length;
      files.push({ name: file.name, content: file.content });
      continue;
    }
    const uploadId = globalThis.crypto.randomUUID();
    const chunks = chunkText(file.content, EXPORT_CHUNK_CHARS);
    chunks.forEach((chunk, index) => parts.push({ uploadId, index, count: chunks.length, chunk }));
    files.push({ name: file.name, uploadId });
  }
  const requests = packParts(parts);
  let next = 0;
  let failure: Result<never> | null = null;
  const sender = async (): Promise<void> => {
    while (next < requests.length && !failure) {
      const staged = await client.request('exports.stage', { parts: requests[next++] ?? [] });
      if (!staged.ok) failure ??= staged;
    }
  };
  await Promise.all(Array.from({ length: Math.min(STAGE_CONCURRENCY, requests.length) }, sender));
  if (failure) return failure;
  return client.request('exports.write', { ...(request.subfolder ? { subfolder: request.subfolder } : {}), files, overwrite: request.overwrite });
}

/** Offers `files` as browser downloads (browser mode's copy of what was written). */
export function downloadFile(file: ExportFile): void {
  const type = file.name.endsWith('.csv') ? 'text/csv' : file.name.endsWith('.json') || file.name.endsWith('.jsonld') ? 'application/json' : 'text/plain';
  const url = URL.createObjectURL(new Blob([file.content], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name.split('/').pop() ?? file.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
