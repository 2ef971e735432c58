import path from 'node:path';
import { setImmediate as nextMacrotask } from 'node:timers/promises';
import type { ProjectData } from '../../../shared/export/archive-schema';
import { archiveFileName, exportFormat, type ExportFormatId, type FormatOptions } from '../../../shared/export/export-formats';
import type { ExportInput } from '../../../shared/export/export-input';
import type { ArticleSummary } from '../../../shared/model/article';
import { selectExport, type ExportScope } from '../../../shared/export/export-selection';
import { prepareExport } from '../../../shared/export/prepared-export';
import { readArchiveRows } from '../../../shared/export/project-archive';
import { errorMessage } from '../../../shared/text/error-message';
import { readListedTexts, type ArticleTextEntry } from '../corpus/listed-texts';
import { sanitizeFileName } from './export-names';
import { ExportExistsError, ExportNameClashError, writeExportFiles, type ExportFileInput } from './export-writer';

/*
 * An export thread's whole work (`export-thread.ts` runs it in a worker thread; where none can be
 * had, main runs it itself): it keeps the project rows the renderer sent, checked, and builds and
 * writes its share of an export's formats from them, each format written (atomically, all its
 * files or none) as soon as it is built. It never decides where files may go: main names the folder.
 */

/** The articles whose texts an export reads (those of main's listing that its scope covers), under `root`. */
export interface TextsToRead {
  root: string;
  articles: readonly ArticleSummary[];
}

/** What main asks of an export thread. */
export type BuilderRequest =
  /**
   * Check and keep the project rows `json` (the project archive's text, as UTF-8 bytes or a string)
   * as `id`; with `texts`, read those ahead too and make the whole project's input from them.
   */
  | { kind: 'prepare'; id: string; json: Uint8Array | string; texts?: TextsToRead; projectName?: string }
  | { kind: 'forget'; id: string }
  /** Build `formats` (in this order) of rows `preparedId` and write them into `folder`. */
  | { kind: 'build'; buildId: string; preparedId: string; projectName: string; texts: TextsToRead; scope: ExportScope; formats: readonly ExportFormatId[]; options: FormatOptions; folder: string; overwrite: boolean }
  /** Build no format of `buildId` after the one being built (another failed). */
  | { kind: 'stop'; buildId: string };

/** Why a build stopped: files there already, names that clash once sanitised, a failed write or build, or rows not (or no longer) kept. */
export type BuildProblem = 'exists' | 'name-clash' | 'write' | 'build' | 'unprepared';

export type BuilderReply =
  | { kind: 'prepared'; id: string; annotations: number; damaged: number }
  | { kind: 'prepare-failed'; id: string; message: string }
  | { kind: 'written'; buildId: string; format: ExportFormatId; folder: string; written: string[]; buildMs: number; writeMs: number }
  | { kind: 'build-failed'; buildId: string; format: ExportFormatId | null; problem: BuildProblem; message: string }
  | { kind: 'build-done'; buildId: string; missing: string[] };

/** Projects' rows a thread keeps at once (one per open Export dialog, in practice: ~150 MB of a thread's memory for 50,000 annotations); the oldest are forgotten first. */
export const MAX_PREPARED = 2;

function textOf(json: Uint8Array | string): string {
  return typeof json === 'string' ? json : Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8');
}

/** Rows kept for exports, and what was read and made from them ahead. */
interface Kept {
  data: ProjectData;
  /** The archive as it came: kept as UTF-8 bytes, not decoded (a string with any character beyond Latin-1 takes two bytes a character). */
  archive: Uint8Array | string;
  /** The texts read ahead, by path, each with the listing's summary it was read for. */
  texts?: { root: string; byPath: Map<string, { summary: ArticleSummary; entry: ArticleTextEntry }> };
  /** The whole project's input, made ahead from those texts (for `projectName`). */
  project?: { projectName: string; input: ExportInput; missing: string[] };
}

/** Whether two listing summaries describe the same file content (what a text read for one is valid for). */
const sameFile = (a: ArticleSummary, b: ArticleSummary): boolean => a.sha256 === b.sha256 && a.size === b.size && a.modifiedMs === b.modifiedMs && a.format === b.format;

/**
 * The texts `wanted` needs: those read ahead while their files are as the listing said then, else
 * read now. `asAhead`: exactly the texts read ahead, every one of them (the same articles).
 */
function textsFor(kept: Kept, wanted: TextsToRead): { texts: ArticleTextEntry[]; asAhead: boolean } {
  const ahead = kept.texts;
  if (ahead && ahead.root === wanted.root) {
    const reused = wanted.articles.map((summary) => {
      const read = ahead.byPath.get(summary.path);
      return read && sameFile(read.summary, summary) ? read.entry : null;
    });
    if (reused.every((entry) => entry !== null)) return { texts: reused as ArticleTextEntry[], asAhead: reused.length === ahead.byPath.size };
  }
  return { texts: readTexts(wanted), asAhead: false };
}

/** The texts of `wanted`, in its order, read here with blocking reads (see `readListedTexts`). */
function readTexts({ root, articles }: TextsToRead): ArticleTextEntry[] {
  return readListedTexts(root, articles.map((summary) => summary.path), new Map(articles.map((summary) => [summary.path, summary])));
}

/** A builder that answers each request through `post`; it handles one request at a time per call, in order of arrival. */
export function createExportBuilder(post: (reply: BuilderReply) => void): (request: BuilderRequest) => Promise<void> {
  const prepared = new Map<string, Kept>();
  const stopped = new Set<string>();

  const build = async (request: Extract<BuilderRequest, { kind: 'build' }>): Promise<void> => {
    const { buildId } = request;
    const failed = (format: ExportFormatId | null, problem: BuildProblem, message: string) => post({ kind: 'build-failed', buildId, format, problem, message });
    const kept = prepared.get(request.preparedId);
    if (!kept) return failed(null, 'unprepared', 'The project rows for this export are no longer kept: export again');
    let input: ExportInput | null = null;
    let missing: string[] = [];
    for (const id of request.formats) {
      if (stopped.has(buildId)) break;
      const format = exportFormat(id);
      const started = performance.now();
      // A format's output, or the archive as it came (bytes need no encoding).
      let output: { subfolder?: string; files: ExportFileInput[] };
      try {
        if (format.reads === 'input') {
          if (!input) {
            const { texts, asAhead } = textsFor(kept, request.texts);
            // The whole project's input made ahead from the very same texts is this export's input.
            const made = asAhead && request.scope.kind === 'project' && kept.project?.projectName === request.projectName ? kept.project : null;
            const selected = made ?? selectExport(kept.data, request.projectName, texts, request.scope);
            // What the input formats share (text order, offsets, lookups) is derived once for all of them.
            input = made ? made.input : prepareExport(selected.input);
            missing = selected.missing;
          }
          output = format.build(input, request.options);
        } else if (id === 'archive') {
          // The rows came as the project archive's text (the renderer serialised them with the same
          // `projectArchivePieces`), checked when kept: written as they came, not built again.
          output = { files: [{ name: archiveFileName(request.options), content: kept.archive }] };
        } else {
          output = format.build(kept.data, request.options);
        }
      } catch (error) {
        return failed(id, 'build', `${format.label} could not be built: ${errorMessage(error)}`);
      }
      const built = performance.now();
      const folder = output.subfolder ? path.join(request.folder, sanitizeFileName(output.subfolder)) : request.folder;
      try {
        const written = await writeExportFiles(folder, output.files, request.overwrite);
        post({ kind: 'written', buildId, format: id, folder, written, buildMs: built - started, writeMs: performance.now() - built });
      } catch (error) {
        if (error instanceof ExportExistsError) return failed(id, 'exists', `${format.label}: ${error.message}`);
        if (error instanceof ExportNameClashError) return failed(id, 'name-clash', `${format.label}: ${error.message}`);
        return failed(id, 'write', `${format.label} could not be written: ${errorMessage(error)}`);
      }
      // A `stop` sent meanwhile is read before the next format.
      await nextMacrotask();
    }
    post({ kind: 'build-done', buildId, missing });
  };

  return async (request) => {
    switch (request.kind) {
      case 'prepare':
        try {
          const { archive, damagedAnnotations } = readArchiveRows(textOf(request.json));
          const kept: Kept = { data: archive, archive: request.json };
          if (request.texts) {
            // Read ahead, while the user chooses: an export of the whole project then only builds and writes.
            const { root, articles } = request.texts;
            const entries = readTexts(request.texts);
            kept.texts = { root, byPath: new Map(articles.map((summary, i) => [summary.path, { summary, entry: entries[i]! }])) };
            const projectName = request.projectName ?? '';
            const selected = selectExport(archive, projectName, entries, { kind: 'project' });
            kept.project = { projectName, input: prepareExport(selected.input), missing: selected.missing };
          }
          prepared.delete(request.id);
          prepared.set(request.id, kept);
          for (const id of prepared.keys()) if (prepared.size > MAX_PREPARED) prepared.delete(id);
          post({ kind: 'prepared', id: request.id, annotations: archive.annotations.length, damaged: damagedAnnotations });
        } catch (error) {
          post({ kind: 'prepare-failed', id: request.id, message: errorMessage(error) });
        }
        return;
      case 'forget':
        prepared.delete(request.id);
        return;
      case 'stop':
        stopped.add(request.buildId);
        return;
      case 'build':
        try {
          return await build(request);
        } finally {
          stopped.delete(request.buildId);
        }
    }
  };
}
