import { z } from 'zod';
import { ArticleContent, CorpusChange, CorpusListing, RelativePath } from '../model/article';
import { MentionHit } from '../model/mention';
import { EntityId } from '../model/ids';
import { EXPORT_FORMAT_IDS } from '../export/export-format-ids';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

const NoInput = z.object({}).strict();

/** Chosen by the renderer: names an upload of rows, the rows prepared from it, or an export. */
const UploadId = z.string().min(1).max(64);

/*
 * What an export sends ahead (the project's rows, an archive's JSON) travels as UTF-8 bytes or as
 * strings. Over HTTP both go after the request's JSON, raw (`raw-parts.ts`); over Electron IPC
 * bytes cross by structured clone. Limits count a string's characters at 6 bytes each (an escaped
 * control character, were it sent inside the JSON) and bytes as they are, so that every request
 * stays under {@link MAX_PAYLOAD_BYTES}.
 */

/** Characters per staged chunk of export content given as a string. */
export const EXPORT_CHUNK_CHARS = 4 * 1024 * 1024;

/** Bytes per staged chunk of export content given as bytes, and most bytes the chunks of one `exports.stage` take. */
export const EXPORT_CHUNK_BYTES = 6 * EXPORT_CHUNK_CHARS;

/**
 * Most chunks in one `exports.stage`: the few bytes each part adds to the request's JSON stay well
 * inside the margin between EXPORT_CHUNK_BYTES and MAX_PAYLOAD_BYTES.
 */
export const EXPORT_STAGE_PARTS = 2_000;

/** What a chunk of export content takes of a request's limits: 6 per character, 1 per byte. */
export function chunkWireBytes(chunk: string | Uint8Array): number {
  return typeof chunk === 'string' ? 6 * chunk.length : chunk.byteLength;
}

const Bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'expected text or bytes (a Uint8Array)' });

/** Export content: a string of at most `chars` characters, or at most `bytes` bytes. */
const ExportContent = (chars: number, bytes: number) =>
  z.union([z.string().max(chars), Bytes.refine((value) => value.byteLength <= bytes, { message: `at most ${bytes} bytes` })], { error: 'expected text or bytes (a Uint8Array)' });

/** One chunk of a staged upload: `index` of `count` (chunks may arrive in any order). */
const StagedPart = z
  .object({ uploadId: UploadId, index: z.number().int().nonnegative(), count: z.number().int().positive(), chunk: ExportContent(EXPORT_CHUNK_CHARS, EXPORT_CHUNK_BYTES) })
  .strict()
  .refine((part) => part.index < part.count, { message: 'a chunk index must be below the count' });

const ExportFormatIdSchema = z.enum(EXPORT_FORMAT_IDS);

/** What an export covers (`shared/export/export-selection.ts`). */
const ExportScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('project') }).strict(),
  z.object({ kind: z.literal('articles'), paths: z.array(RelativePath).min(1).max(1_000_000) }).strict(),
  z.object({ kind: z.literal('entity'), entityId: EntityId }).strict(),
  z.object({ kind: z.literal('notebook') }).strict(),
]);

/** A format an export wrote: where, and which files. */
const FormatWrittenSchema = z.object({ format: ExportFormatIdSchema, folder: z.string(), written: z.array(z.string()) });

/** Chosen by the renderer, so it can match streamed hits and cancel before the request resolves. */
const SearchId = z.string().min(1).max(64);

/** The commands the app menu (Electron) can send to the renderer's action registry. */
export const AppCommandId = z.enum(['open-folder', 'focus-next-pane', 'focus-previous-pane', 'toggle-sync-scroll', 'new-pane', 'undo', 'redo', 'export', 'import']);
export type AppCommandId = z.infer<typeof AppCommandId>;

/**
 * The one host contract: every request the renderer may make of main, with its input and output
 * schema, and every event main may push. The Electron preload, the loopback HTTP bridge, main's
 * `dispatch` and the renderer's client are all typed from this table.
 */
export const hostRequests = {
  'app.info': { input: NoInput, output: AppInfo },
  /** Open a folder of articles (recursively) as the corpus; returns its listing. */
  'corpus.open': { input: z.object({ root: z.string().min(1).max(4096) }).strict(), output: CorpusListing },
  /** The listing of the corpus currently open, or null when none is. */
  'corpus.list': { input: NoInput, output: CorpusListing.nullable() },
  /** One article's canonical text, line structure and summary. */
  'corpus.read': { input: z.object({ path: RelativePath }).strict(), output: ArticleContent },
  /**
   * Search every article for mentions of an entity (its name, aliases, handles): whole words,
   * ignoring case and accents. Hits stream as `corpus.mentionsFound` events while this is pending;
   * it resolves with the totals once the whole corpus is searched or the search is cancelled.
   */
  'corpus.findMentions': {
    input: z.object({ searchId: SearchId, terms: z.array(z.string().min(1).max(200)).min(1).max(50), includeBoilerplate: z.boolean() }).strict(),
    output: z.object({
      searchId: SearchId,
      articlesSearched: z.number().int().nonnegative(),
      hits: z.number().int().nonnegative(),
      elapsedMs: z.number().nonnegative(),
      /** True when `corpus.cancelSearch` stopped it early: the totals cover what was sent. */
      cancelled: z.boolean(),
    }),
  },
  /** Stop a running `corpus.findMentions`; `cancelled` is false when it had already finished. */
  'corpus.cancelSearch': { input: z.object({ searchId: SearchId }).strict(), output: z.object({ cancelled: z.boolean() }) },
  /** Ask the user for a folder with a native dialog (Electron only; browser mode answers `unsupported`). */
  'dialog.pickFolder': { input: NoInput, output: z.object({ root: z.string().nullable() }) },
  /** Where exports go: the folder named at start-up (browser mode) or the last one picked (Electron). */
  'exports.info': { input: NoInput, output: z.object({ folder: z.string().nullable(), canPick: z.boolean() }) },
  /** Ask the user for a folder to export to with a native dialog (Electron only); null when cancelled. */
  'exports.pickFolder': { input: NoInput, output: z.object({ folder: z.string().nullable() }) },
  /**
   * Send an export's project rows (an archive's JSON) ahead of `exports.prepare`, in chunks: any
   * number of uploads' chunks per request, in any order, several requests at once. A chunk is
   * bytes (UTF-8, cut anywhere) or a string (cut between characters).
   */
  'exports.stage': {
    input: z
      .object({ parts: z.array(StagedPart).min(1).max(EXPORT_STAGE_PARTS) })
      .strict()
      .refine((request) => request.parts.reduce((sum, part) => sum + chunkWireBytes(part.chunk), 0) <= EXPORT_CHUNK_BYTES, { message: `at most ${EXPORT_CHUNK_BYTES} bytes (a character counting 6) per request` }),
    output: z.object({ received: z.number().int().positive() }),
  },
  /**
   * Forget staged uploads, and the rows prepared from them, that will not be used (the rows changed
   * since, or the Export dialog closed). Unknown ids are ignored.
   */
  'exports.discard': {
    input: z.object({ uploadIds: z.array(UploadId).min(1).max(100_000) }).strict(),
    output: z.object({ discarded: z.number().int().nonnegative() }),
  },
  /**
   * Check the project rows staged as `uploadId` (an archive's JSON: every row against its schema)
   * and keep them, under that id, for the exports built from them; a damaged annotation is left
   * out of the formats built (the archive keeps it) and counted. Fails with `invalid-input`
   * naming the first problem of any other row.
   */
  'exports.prepare': {
    input: z.object({ uploadId: UploadId }).strict(),
    output: z.object({ annotations: z.number().int().nonnegative(), damaged: z.number().int().nonnegative() }),
  },
  /**
   * Build the chosen formats of `scope` from the rows prepared as `preparedId` and the articles'
   * texts (main reads them), and write each into the export folder (or a sanitised subfolder of
   * it) as soon as it is built, atomically and all-or-nothing per format: `exports.formatWritten`
   * reports each while this is pending. Fails with `exists` (naming the format) unless `overwrite`
   * is true when any file is already there, and with `not-found` when the rows are no longer kept.
   */
  'exports.build': {
    input: z
      .object({
        exportId: UploadId,
        preparedId: UploadId,
        scope: ExportScopeSchema,
        formats: z.array(ExportFormatIdSchema).min(1).max(EXPORT_FORMAT_IDS.length),
        baseName: z.string().min(1).max(200),
        csvBom: z.boolean(),
        folder: z.string().min(1).max(4096).optional(),
        overwrite: z.boolean(),
      })
      .strict(),
    output: z.object({ formats: z.array(FormatWrittenSchema), missing: z.array(z.string()), threads: z.number().int().nonnegative() }),
  },
  /** The text of a file an export wrote in this session (browser mode offers it as a download). */
  'exports.readWritten': {
    input: z.object({ path: z.string().min(1).max(4096) }).strict(),
    output: z.object({ text: z.string() }),
  },
} as const;

export const hostEvents = {
  'corpus.changed': CorpusChange,
  /** A batch of hits for a pending `corpus.findMentions`; all hits of one article come in one batch. */
  'corpus.mentionsFound': z.object({ searchId: SearchId, hits: z.array(MentionHit) }),
  'app.command': z.object({ id: AppCommandId }),
  /** A format of a pending `exports.build` is written. */
  'exports.formatWritten': FormatWrittenSchema.extend({ exportId: UploadId }),
} as const;

export type HostRequests = typeof hostRequests;
export type RequestName = keyof HostRequests;
export type RequestInput<N extends RequestName> = z.input<HostRequests[N]['input']>;
export type ParsedRequestInput<N extends RequestName> = z.output<HostRequests[N]['input']>;
export type RequestOutput<N extends RequestName> = z.output<HostRequests[N]['output']>;

export type HostEvents = typeof hostEvents;
export type EventName = keyof HostEvents;
export type EventPayload<E extends EventName> = z.output<HostEvents[E]>;

export const requestNames = Object.keys(hostRequests) as RequestName[];
export const eventNames = Object.keys(hostEvents) as EventName[];

export function isRequestName(name: string): name is RequestName {
  return Object.prototype.hasOwnProperty.call(hostRequests, name);
}

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(hostEvents, name);
}

/**
 * Largest request body either bridge accepts. Large enough that an export's tens of megabytes
 * travel in a few requests of 4 M characters (each request costs the page a JSON encoding and a
 * copy: with 512 K-character requests, 5 MB bodies, staging 76 MB took the page ~1 s more), small
 * enough that one request cannot exhaust main's memory; staging caps what all uploads hold.
 */
export const MAX_PAYLOAD_BYTES = 32 * 1024 * 1024;
