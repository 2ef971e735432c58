import path from 'node:path';
import { HostFailure } from '../../../shared/contract/host-result';
import type { Logger } from '../../host/logger';
import { sanitizeFileName } from './export-names';
import { ExportExistsError, ExportNameClashError, writeExportFiles, type ExportPiece } from './export-writer';
import { errorMessage } from '../../../shared/text/error-message';

/*
 * Main's side of exporting: where files may go, and writing them. The renderer serialises; main
 * decides the folder (the one named at start-up in browser mode, or one the user picked in the
 * native dialog in Electron: the renderer can never name an arbitrary folder) and writes.
 *
 * Contents larger than one request may carry are sent ahead in chunks (`stage`, in any order, so
 * that the renderer may send several requests at once) and referred to by upload id in `write`,
 * which refuses an upload missing a chunk. Chunking, rather than a larger body limit on one route, keeps every
 * request under the bridges' one limit (`MAX_PAYLOAD_BYTES`), works the same over IPC and HTTP,
 * and never holds a whole multi-megabyte JSON request body in a single string on either side.
 */

/**
 * Most staged across all pending uploads, characters of string chunks and bytes of byte chunks
 * counted alike: far beyond any real export, short of exhausting memory.
 */
export const MAX_STAGED_SIZE = 512 * 1024 * 1024;

/**
 * An upload untouched this long was abandoned (the window was reloaded or closed in the middle of
 * an export): it is forgotten, rather than held in memory (and counted against later exports)
 * until the app quits. A real export writes what it staged within seconds.
 */
export const ABANDONED_UPLOAD_MS = 10 * 60 * 1000;
/** How often staging looks for abandoned uploads (and whenever the staging limit is reached). */
const ABANDONED_SWEEP_MS = 60 * 1000;

export interface ExportServiceOptions {
  /** Browser mode: the one folder exports go to (named with `--exports`). */
  fixedFolder?: string;
  /** Electron: a native dialog choosing a folder; null when cancelled. */
  pickFolder?: () => Promise<string | null>;
  log: Logger;
  /** What may be staged at once (tests lower it); MAX_STAGED_SIZE unless given. */
  maxStagedSize?: number;
  /** The clock abandoned uploads are judged by (tests move it); `Date.now` unless given. */
  now?: () => number;
}

export interface ExportWriteRequest {
  folder?: string | undefined;
  subfolder?: string | undefined;
  files: ReadonlyArray<{ name: string; content?: ExportPiece | undefined; uploadId?: string | undefined }>;
  overwrite: boolean;
}

export interface ExportService {
  info(): { folder: string | null; canPick: boolean };
  pickFolder(): Promise<string | null>;
  /** Keeps chunk `index` of `count` of an upload (bytes or text); chunks may come in any order. Returns how many it has. */
  stage(uploadId: string, index: number, count: number, chunk: ExportPiece): number;
  /** Forgets staged uploads that will not be written; returns how many there were. */
  discard(uploadIds: readonly string[]): number;
  write(request: ExportWriteRequest): Promise<{ folder: string; written: string[] }>;
}

export function createExportService(options: ExportServiceOptions): ExportService {
  const allowed = new Set<string>();
  if (options.fixedFolder) allowed.add(path.resolve(options.fixedFolder));
  let lastPicked: string | null = options.fixedFolder ? path.resolve(options.fixedFolder) : null;
  const uploads = new Map<string, { chunks: Array<ExportPiece | undefined>; received: number; touched: number }>();
  let stagedSize = 0;
  const now = options.now ?? Date.now;
  let lastSweep = now();
  const sizeOf = (chunk: ExportPiece | undefined) => (chunk === undefined ? 0 : typeof chunk === 'string' ? chunk.length : chunk.byteLength);

  /** An upload's chunks in order (bytes cut anywhere; strings between characters, never inside a surrogate pair). */
  const takeUpload = (uploadId: string): ExportPiece[] => {
    const upload = uploads.get(uploadId);
    if (!upload) throw new HostFailure('invalid-input', `No content was staged under upload "${uploadId}"`);
    if (upload.received < upload.chunks.length) throw new HostFailure('invalid-input', `Upload "${uploadId}" is incomplete: ${upload.received} of ${upload.chunks.length} chunks arrived`);
    return upload.chunks.map((chunk) => chunk ?? '');
  };
  /** Forgets the uploads of `ids` that exist; returns how many it forgot. */
  const releaseUploads = (ids: Iterable<string>): number => {
    let released = 0;
    for (const id of ids) {
      const upload = uploads.get(id);
      if (!upload) continue;
      stagedSize -= upload.chunks.reduce((sum, chunk) => sum + sizeOf(chunk), 0);
      uploads.delete(id);
      released++;
    }
    return released;
  };

  /** Forgets the uploads untouched for `ABANDONED_UPLOAD_MS`, saying so in the log. */
  const forgetAbandoned = (): void => {
    lastSweep = now();
    const abandoned = [...uploads].filter(([, upload]) => lastSweep - upload.touched >= ABANDONED_UPLOAD_MS).map(([id]) => id);
    if (abandoned.length === 0) return;
    const before = stagedSize;
    releaseUploads(abandoned);
    const megabytes = ((before - stagedSize) / 1024 / 1024).toFixed(1);
    options.log.warn(`Forgot ${abandoned.length} staged export file(s) (${megabytes} MB) not written within ${ABANDONED_UPLOAD_MS / 60_000} minutes: their export was abandoned`);
  };

  return {
    info: () => ({ folder: options.fixedFolder ? path.resolve(options.fixedFolder) : lastPicked, canPick: options.pickFolder !== undefined }),

    async pickFolder() {
      if (!options.pickFolder) throw new HostFailure('unsupported', 'Exports go to the folder named when the app was started (--exports): there is no folder dialog in browser mode');
      const folder = await options.pickFolder();
      if (folder === null) return null;
      const resolved = path.resolve(folder);
      allowed.add(resolved);
      lastPicked = resolved;
      return resolved;
    },

    stage(uploadId, index, count, chunk) {
      const tooLarge = () => stagedSize + sizeOf(chunk) > (options.maxStagedSize ?? MAX_STAGED_SIZE);
      if (now() - lastSweep >= ABANDONED_SWEEP_MS || tooLarge()) forgetAbandoned();
      const upload = uploads.get(uploadId) ?? { chunks: new Array<ExportPiece | undefined>(count).fill(undefined), received: 0, touched: 0 };
      if (count !== upload.chunks.length || index >= count) throw new HostFailure('invalid-input', `Chunk ${index} of ${count} does not fit upload "${uploadId}" of ${upload.chunks.length} chunks`);
      if (upload.chunks[index] !== undefined) throw new HostFailure('invalid-input', `Chunk ${index} of upload "${uploadId}" arrived twice`);
      if (tooLarge()) throw new HostFailure('payload-too-large', 'The export is too large to stage in memory');
      upload.touched = now();
      upload.chunks[index] = chunk;
      upload.received++;
      uploads.set(uploadId, upload);
      stagedSize += sizeOf(chunk);
      return upload.received;
    },

    discard: (uploadIds) => releaseUploads(uploadIds),

    async write(request) {
      const uploadIds = request.files.flatMap((file) => (file.uploadId ? [file.uploadId] : []));
      try {
        const base = request.folder ? path.resolve(request.folder) : lastPicked;
        if (base === null) throw new HostFailure('invalid-input', 'Choose a folder to export to first');
        if (!allowed.has(base)) throw new HostFailure('forbidden', `Exports may only be written to a folder you chose (${base} was not)`);
        const folder = request.subfolder ? path.join(base, sanitizeFileName(request.subfolder)) : base;
        const files = request.files.map((file) => ({ name: file.name, content: file.uploadId ? takeUpload(file.uploadId) : (file.content ?? '') }));
        const written = await writeExportFiles(folder, files, request.overwrite);
        options.log.info(`Exported ${written.length} file(s) to ${folder}`);
        return { folder, written };
      } catch (error) {
        if (error instanceof HostFailure) throw error;
        if (error instanceof ExportExistsError) throw new HostFailure('exists', error.message);
        if (error instanceof ExportNameClashError) throw new HostFailure('invalid-input', error.message);
        throw new HostFailure('io-error', `Could not write the export: ${errorMessage(error)}`);
      } finally {
        releaseUploads(uploadIds);
      }
    },
  };
}
