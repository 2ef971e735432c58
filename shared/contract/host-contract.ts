import { z } from 'zod';
import { ArticleContent, CorpusChange, CorpusListing, DerivedMetadata, RelativePath } from '../model/article';
import { MentionHit } from '../model/mention';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

const NoInput = z.object({}).strict();

/** Most articles one `corpus.readTexts` asks for: their texts stay well under the bridges' body limit. */
export const CORPUS_TEXTS_PER_REQUEST = 100;

/** Chosen by the renderer, so it can match streamed hits and cancel before the request resolves. */
const UploadId = z.string().min(1).max(64);

/*
 * Export content travels as UTF-8 bytes (what the export workers make, written as they are) or
 * as strings. Over HTTP both go after the request's JSON, raw (`raw-parts.ts`); over Electron IPC
 * bytes cross by structured clone. Limits count a string's characters at 6 bytes each (an escaped
 * control character, were it sent inside the JSON) and bytes as they are, so that every request
 * stays under {@link MAX_PAYLOAD_BYTES}.
 */

/** Characters per staged chunk of export content given as a string. */
export const EXPORT_CHUNK_CHARS = 4 * 1024 * 1024;

/** Bytes per staged chunk of export content given as bytes, and most bytes the chunks of one `exports.stage` take. */
export const EXPORT_CHUNK_BYTES = 6 * EXPORT_CHUNK_CHARS;

/** Most characters sent inline (not staged) in one `exports.write`, given as strings. */
export const EXPORT_INLINE_CHARS = 4 * 1024 * 1024;

/** Most bytes sent inline (not staged) in one `exports.write`: small files travel with it, larger ones ahead. */
export const EXPORT_INLINE_BYTES = 4 * 1024 * 1024;

/**
 * Most chunks in one `exports.stage`: many small files (brat's, one pair per article) travel
 * together, their chunks at most EXPORT_CHUNK_BYTES in all; the few bytes each part adds to the
 * request's JSON stay well inside the margin between EXPORT_CHUNK_BYTES and MAX_PAYLOAD_BYTES.
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

/** One file of an export: its content inline, or staged before with `exports.stage`. */
const ExportFile = z
  .object({
    name: z.string().min(1).max(1024),
    content: ExportContent(EXPORT_INLINE_CHARS, EXPORT_INLINE_BYTES).optional(),
    uploadId: UploadId.optional(),
  })
  .strict()
  .refine((file) => (file.content === undefined) !== (file.uploadId === undefined), { message: 'give either content or uploadId' });

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
   * Many articles' canonical texts and metadata at once (what an export needs, no line
   * structure): in the order asked, `text` null for an article that cannot be read.
   */
  'corpus.readTexts': {
    input: z.object({ paths: z.array(RelativePath).min(1).max(CORPUS_TEXTS_PER_REQUEST) }).strict(),
    output: z.object({ articles: z.array(z.object({ path: RelativePath, text: z.string().nullable(), meta: DerivedMetadata.nullable() })) }),
  },
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
   * Send chunks of export files too large to go inline ahead of `exports.write`: any number of
   * uploads' chunks per request, in any order, several requests at once. A chunk is bytes (the
   * file's UTF-8, cut anywhere) or a string (cut between characters); main writes them as given.
   */
  'exports.stage': {
    input: z
      .object({ parts: z.array(StagedPart).min(1).max(EXPORT_STAGE_PARTS) })
      .strict()
      .refine((request) => request.parts.reduce((sum, part) => sum + chunkWireBytes(part.chunk), 0) <= EXPORT_CHUNK_BYTES, { message: `at most ${EXPORT_CHUNK_BYTES} bytes (a character counting 6) per request` }),
    output: z.object({ received: z.number().int().positive() }),
  },
  /**
   * Forget staged uploads that will not be written: an export stages a format while the one before
   * it is written, and stops when a write fails. Unknown ids are ignored.
   */
  'exports.discard': {
    input: z.object({ uploadIds: z.array(UploadId).min(1).max(100_000) }).strict(),
    output: z.object({ discarded: z.number().int().nonnegative() }),
  },
  /**
   * Write export files into the export folder (or a sanitised `subfolder` of it), atomically and
   * all-or-nothing. Fails with `exists` unless `overwrite` is true when any file is already there.
   */
  'exports.write': {
    input: z
      .object({
        folder: z.string().min(1).max(4096).optional(),
        subfolder: z.string().min(1).max(255).optional(),
        files: z.array(ExportFile).min(1).max(100_000),
        overwrite: z.boolean(),
      })
      .strict(),
    output: z.object({ folder: z.string(), written: z.array(z.string()) }),
  },
} as const;

export const hostEvents = {
  'corpus.changed': CorpusChange,
  /** A batch of hits for a pending `corpus.findMentions`; all hits of one article come in one batch. */
  'corpus.mentionsFound': z.object({ searchId: SearchId, hits: z.array(MentionHit) }),
  'app.command': z.object({ id: AppCommandId }),
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
