import { mapLimited } from '../../../shared/async/map-limited';
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

/** A set of files ready to write: small ones inline, the rest staged on main under upload ids. */
export interface StagedFiles {
  files: Array<{ name: string; content: string } | { name: string; uploadId: string }>;
  uploadIds: string[];
}

/** Stages the large files of `files` (the small ones stay inline); on a failure, forgets what was staged. */
export async function stageFiles(client: HostClient, files: readonly ExportFile[]): Promise<Result<StagedFiles>> {
  let inline = 0;
  const staged: StagedFiles = { files: [], uploadIds: [] };
  const parts: StagedPart[] = [];
  for (const file of files) {
    if (inline + file.content.length <= EXPORT_INLINE_CHARS) {
      inline += file.content.length;
      staged.files.push({ name: file.name, content: file.content });
      continue;
    }
    const uploadId = globalThis.crypto.randomUUID();
    const chunks = chunkText(file.content, EXPORT_CHUNK_CHARS);
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

/** Forgets, on main, what `staged` staged (it will not be written). Best effort: main forgets it at exit anyway. */
export async function discardStaged(client: HostClient, staged: StagedFiles): Promise<void> {
  if (staged.uploadIds.length > 0) await client.request('exports.discard', { uploadIds: staged.uploadIds });
}

/** Writes staged files (all-or-nothing on main's side); `exists` comes back as an error code. */
export function writeStaged(client: HostClient, staged: StagedFiles, request: Omit<WriteRequest, 'files'>): Promise<Result<{ folder: string; written: string[] }>> {
  return client.request('exports.write', { ...(request.subfolder ? { subfolder: request.subfolder } : {}), files: staged.files, overwrite: request.overwrite });
}

/** Stages, then writes one set of files (all-or-nothing on main's side); `exists` comes back as an error code. */
export async function writeExport(client: HostClient, request: WriteRequest): Promise<Result<{ folder: string; written: string[] }>> {
  const staged = await stageFiles(client, request.files);
  if (!staged.ok) return staged;
  return writeStaged(client, staged.value, request);
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
