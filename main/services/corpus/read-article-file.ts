import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { ArticleContent, ArticleFormat, ArticleSummary, ArticleWarning, LineInfo } from '../../../shared/model/article';
import { hasUtf8Bom } from './decode-article-bytes';
import { formatFromPath, parseArticle, type ParsedArticle } from './parse-article';
import { quickTextSummary } from './quick-summary';
import { describeError } from './scan-folder';

/** Files above this are listed with a warning and never read (the text would not be usable). */
export const MAX_ARTICLE_BYTES = 10 * 1024 * 1024;

/**
 * Reads and parses one article file into its summary and content. Never throws: every problem
 * (unreadable, too large, binary…) comes back as a warning on an unreadable summary.
 */
export async function readArticleFile(absolutePath: string, relativePath: string): Promise<ArticleContent> {
  const read = new ArticleRead(relativePath);
  try {
    const info = await stat(absolutePath);
    return read.sized(info.size, info.mtimeMs) ?? read.parsed(await readFile(absolutePath));
  } catch (error) {
    return read.failed(error);
  }
}

/**
 * `readArticleFile` with blocking reads, for worker threads: there a read blocks nothing else, and
 * costs one system call where the promise API takes four trips through the thread pool. The file
 * is opened once and its size and date taken from the open file (one path lookup, not two), and
 * read into a buffer kept between files: its bytes are only needed until they are decoded and
 * hashed, and 10,000 fresh buffers (78 MB) were a good part of a cold listing's garbage.
 */
export function readArticleFileSync(absolutePath: string, relativePath: string): ArticleContent {
  return readSyncWith(new ArticleRead(relativePath), absolutePath, (read, bytes) => read.parsed(bytes));
}

/** An article as a listing needs it: its summary, and its lines when they were worked out. */
export interface ListedSummary {
  summary: ArticleSummary;
  /** The canonical text's lines; absent when the summary was made without them (`quickTextSummary`). */
  lines?: LineInfo[];
}

/**
 * The summary `readArticleFileSync` would give, with blocking reads, for listings: plain-text
 * files take `quickTextSummary` where it can answer, so their text is not analysed line by line.
 */
export function summariseArticleFileSync(absolutePath: string, relativePath: string): ListedSummary {
  return readSyncWith(new ArticleRead(relativePath), absolutePath, (read, bytes) => read.summarised(bytes));
}

function readSyncWith<T extends ListedSummary>(read: ArticleRead, absolutePath: string, use: (read: ArticleRead, bytes: Uint8Array) => T): T | ArticleContent {
  let fd: number;
  try {
    fd = openSync(absolutePath, 'r');
  } catch (error) {
    // As `readArticleFile` would: a file that exists but cannot be opened is listed with its size.
    try {
      const info = statSync(absolutePath);
      read.sized(info.size, info.mtimeMs);
    } catch {
      // Gone: no size to report.
    }
    return read.failed(error);
  }
  try {
    const info = fstatSync(fd);
    return read.sized(info.size, info.mtimeMs) ?? use(read, readOpenFile(fd, info.size));
  } catch (error) {
    return read.failed(error);
  } finally {
    closeSync(fd);
  }
}

/** Files up to this size are read into the kept buffer; larger ones (rare) into their own. */
const KEPT_BUFFER_MAX = 1024 * 1024;
let keptBuffer = Buffer.allocUnsafe(64 * 1024);

/**
 * The bytes of an open file of `size` bytes (as `readFileSync` reads them: up to `size`, fewer if
 * it shrank meanwhile), in the kept buffer when they fit: valid only until the next call.
 */
function readOpenFile(fd: number, size: number): Uint8Array {
  if (size === 0) return readFileSync(fd);
  if (size > keptBuffer.length && size <= KEPT_BUFFER_MAX) keptBuffer = Buffer.allocUnsafe(Math.min(Math.max(size, keptBuffer.length * 2), KEPT_BUFFER_MAX));
  const buffer = size <= keptBuffer.length ? keptBuffer : Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const bytesRead = readSync(fd, buffer, filled, size - filled, null);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

/** The steps of reading one article, shared by the asynchronous and the blocking reader. */
class ArticleRead {
  private size = 0;
  private modifiedMs = 0;

  constructor(private readonly relativePath: string) {}

  /** Records the file's size and date; returns the refusal when it is too large to read. */
  sized(size: number, modifiedMs: number): ArticleContent | null {
    this.size = size;
    this.modifiedMs = modifiedMs;
    if (size <= MAX_ARTICLE_BYTES) return null;
    const megabytes = (size / 1024 / 1024).toFixed(1);
    return this.unreadable({ code: 'too-large', message: `File is ${megabytes} MB, over the 10 MB limit: not opened` });
  }

  /** The summary alone, made quickly where `quickTextSummary` can; else as `parsed` makes it. */
  summarised(bytes: Uint8Array): ListedSummary {
    const format = formatFromPath(this.relativePath) ?? 'text';
    const quick = format === 'text' ? quickTextSummary(bytes) : null;
    if (!quick) return this.parsed(bytes);
    return {
      summary: { path: this.relativePath, format, size: this.size, modifiedMs: this.modifiedMs, ...quick, warnings: [], readable: true },
    };
  }

  parsed(bytes: Uint8Array): ArticleContent {
    const format = formatFromPath(this.relativePath) ?? 'text';
    const parsed = parseArticle(bytes, format);
    const summary: ArticleSummary = {
      path: this.relativePath,
      format,
      size: this.size,
      modifiedMs: this.modifiedMs,
      sha256: parsed.readable ? createHash('sha256').update(canonicalUtf8(bytes, format, parsed) ?? parsed.text).digest('hex') : '',
      wordCount: parsed.wordCount,
      meta: parsed.meta,
      warnings: parsed.warnings,
      readable: parsed.readable,
    };
    return { summary, text: parsed.text, lines: parsed.lines };
  }

  failed(error: unknown): ArticleContent {
    return this.unreadable({ code: 'unreadable', message: `Could not read the file: ${describeError(error)}` });
  }

  private unreadable(warning: ArticleWarning): ArticleContent {
    return {
      summary: refusedSummary(this.relativePath, warning, this.size, this.modifiedMs),
      text: '',
      lines: [{ kind: 'blank', boilerplate: false }],
    };
  }
}

/**
 * The canonical text's UTF-8 encoding when the file's bytes already are exactly that: plain text
 * (its own canonical text) decoded as valid UTF-8 (no warning), without CR, less any BOM. Hashing
 * those bytes saves encoding 60 MB of text again for a 10,000-article corpus.
 */
function canonicalUtf8(bytes: Uint8Array, format: ArticleFormat, parsed: ParsedArticle): Uint8Array | null {
  if (format !== 'text' || parsed.encoding !== 'utf-8' || parsed.warnings.length > 0 || bytes.includes(13)) return null;
  return hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
}

/** The summary of an article that cannot be opened, titled by its file name. */
export function refusedSummary(relativePath: string, warning: ArticleWarning, size = 0, modifiedMs = 0): ArticleSummary {
  return {
    path: relativePath,
    format: formatFromPath(relativePath) ?? 'text',
    size,
    modifiedMs,
    sha256: '',
    wordCount: 0,
    meta: { title: relativePath.split('/').pop() ?? relativePath },
    warnings: [warning],
    readable: false,
  };
}
