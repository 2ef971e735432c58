import { promises as fs } from 'node:fs';
import path from 'node:path';
import { HostFailure } from '../../../shared/contract/host-result';
import type { Logger } from '../../host/logger';
import type { ExportPiece } from './export-writer';
import type { TextsToRead } from './export-builder';
import { createExportThreads, type Checked, type ExportThreads, type FormatWritten, type ThreadBuild } from './export-threads';
import { errorMessage } from '../../../shared/text/error-message';

/*
 * Main's side of exporting: where files may go, and building and writing them. The renderer sends
 * the project's rows (an archive's JSON) once, while the Export dialog is open; main checks them
 * and keeps them in its export threads (`prepare`), then builds the chosen formats from them there
 * with the shared serialisers and writes each as soon as it is built (`build`). Main decides the
 * folder (the one named at start-up in browser mode, or one the user picked in the native dialog
 * in Electron: the renderer can never name an arbitrary folder) and reads the articles' texts itself.
 *
 * The rows, larger than one request may carry, are sent ahead in chunks (`stage`, in any order, so
 * that the renderer may send several requests at once) and referred to by upload id in `prepare`,
 * which refuses an upload missing a chunk. Chunking, rather than a larger body limit on one route,
 * keeps every request under the bridges' one limit (`MAX_PAYLOAD_BYTES`) and works the same over
 * IPC and HTTP.
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
  /** The built `export-thread.js`: formats are then built on every core; without it, in main. */
  threadScript?: string;
  /** Export threads to use (default: one per core, at most three). */
  threads?: number;
}

/** An export to build from rows prepared before: what, from which texts, and into which folder. */
export interface ExportBuildRequest extends Omit<ThreadBuild, 'folder'> {
  /** The folder picked (Electron) or named at start-up; the last one picked when absent. */
  folder?: string | undefined;
}

export interface ExportBuildResult {
  /** Each format as it was written, in the order they were. */
  formats: FormatWritten[];
  /** Annotated articles no longer in the corpus, left out. */
  missing: string[];
  /** Threads the formats were built in (0: main's own thread). */
  threads: number;
}

/** Most written files kept track of for `readWritten` (those of the last few exports). */
const MAX_READABLE_WRITTEN = 20_000;

export interface ExportService {
  /** Where exports go. The Export dialog asks when it opens: the export threads start then, ready for the rows it sends. */
  info(): { folder: string | null; canPick: boolean };
  pickFolder(): Promise<string | null>;
  /** Keeps chunk `index` of `count` of an upload (bytes or text); chunks may come in any order. Returns how many it has. */
  stage(uploadId: string, index: number, count: number, chunk: ExportPiece): number;
  /** Forgets staged uploads, and rows prepared from them, that will not be used; returns how many there were. */
  discard(uploadIds: readonly string[]): number;
  /**
   * Checks the project rows staged as `uploadId` (an archive's JSON) and keeps them, under the same
   * id, for `build`; with `ahead`, the threads also read those texts and make the whole project's
   * input now, while the user chooses, for an export of the whole project to only build and write.
   */
  prepare(uploadId: string, ahead?: { texts: TextsToRead; projectName: string }): Promise<Checked>;
  /** Builds and writes the formats of `request`, reporting each one as soon as it is written. */
  build(request: ExportBuildRequest, onWritten: (entry: FormatWritten) => void): Promise<ExportBuildResult>;
  /** The text of a file an export wrote (browser mode offers it as a download); refuses any other file. */
  readWritten(file: string): Promise<string>;
  close(): Promise<void>;
}

export function createExportService(options: ExportServiceOptions): ExportService {
  const allowed = new Set<string>();
  if (options.fixedFolder) allowed.add(path.resolve(options.fixedFolder));
  let lastPicked: string | null = options.fixedFolder ? path.resolve(options.fixedFolder) : null;
  const uploads = new Map<string, { chunks: Array<ExportPiece | undefined>; received: number; touched: number }>();
  let stagedSize = 0;
  const now = options.now ?? Date.now;
  let lastSweep = now();
  const threads: ExportThreads = createExportThreads({ log: options.log, ...(options.threadScript ? { script: options.threadScript } : {}), ...(options.threads !== undefined ? { threads: options.threads } : {}) });
  /** Files written by recent exports, oldest first: the only ones `readWritten` reads. */
  const writtenFiles = new Set<string>();
  const remember = (files: readonly string[]) => {
    for (const file of files) {
      writtenFiles.delete(file);
      writtenFiles.add(file);
    }
    for (const file of writtenFiles) {
      if (writtenFiles.size <= MAX_READABLE_WRITTEN) break;
      writtenFiles.delete(file);
    }
  };
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
    options.log.warn(`Forgot ${abandoned.length} staged export upload(s) (${megabytes} MB) not used within ${ABANDONED_UPLOAD_MS / 60_000} minutes: their export was abandoned`);
  };

  return {
    info: () => {
      threads.start();
      return { folder: lastPicked, canPick: options.pickFolder !== undefined };
    },

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

    discard: (uploadIds) => {
      let forgotten = 0;
      for (const id of uploadIds) if (threads.forget(id)) forgotten++;
      return releaseUploads(uploadIds) + forgotten;
    },

    async prepare(uploadId, ahead) {
      const chunks = takeUpload(uploadId);
      releaseUploads([uploadId]);
      const json = chunks.every((chunk) => typeof chunk === 'string') ? chunks.join('') : Buffer.concat(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk)));
      const prepared = await threads.prepare(uploadId, json, ahead);
      options.log.info(`Export: checked the project's rows (${prepared.annotations} annotations) in ${threads.threads || 'the main'} thread(s)`);
      if (prepared.damaged > 0) options.log.warn(`Export: ${prepared.damaged} damaged annotation(s) left out of the formats built (the archive keeps them as they are)`);
      return prepared;
    },

    async build(request, onWritten) {
      const base = request.folder ? path.resolve(request.folder) : lastPicked;
      if (base === null) throw new HostFailure('invalid-input', 'Choose a folder to export to first');
      if (!allowed.has(base)) throw new HostFailure('forbidden', `Exports may only be written to a folder you chose (${base} was not)`);
      const formats: FormatWritten[] = [];
      try {
        const built = await threads.build({ ...request, folder: base }, (entry) => {
          formats.push(entry);
          remember(entry.written);
          onWritten(entry);
        });
        options.log.info(`Exported ${formats.length} format(s) to ${base} in ${threads.threads || 'the main'} thread(s): ${formats.map((entry) => `${entry.format} (${entry.written.length} file(s), built ${entry.buildMs.toFixed(0)} ms, written ${entry.writeMs.toFixed(0)} ms)`).join(', ')}`);
        return { formats, missing: built.missing, threads: threads.threads };
      } catch (error) {
        if (formats.length > 0) options.log.warn(`Export stopped after ${formats.length} format(s) were written: ${errorMessage(error)}`);
        if (error instanceof HostFailure) throw error;
        throw new HostFailure('io-error', `Could not write the export: ${errorMessage(error)}`);
      }
    },

    async readWritten(file) {
      if (!writtenFiles.has(file)) throw new HostFailure('forbidden', `${file} is not a file this app exported`);
      try {
        return await fs.readFile(file, 'utf8');
      } catch (error) {
        throw new HostFailure('io-error', `Could not read ${file}: ${errorMessage(error)}`);
      }
    },

    close: () => threads.close(),
  };
}
