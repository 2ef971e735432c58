import { createHash } from 'node:crypto';
import { readFile } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { createOffsetConverter } from '../../../shared/anchoring/code-points';
import type { ArticleSummary, LineInfo } from '../../../shared/model/article';
import type { MentionHit } from '../../../shared/model/mention';
import { createMentionMatcher, type MentionMatch, type MentionMatcher } from '../../../shared/search/mention-matcher';
import { toCanonicalText } from './canonical-text';
import { decodeArticleBytes } from './decode-article-bytes';
import { formatFromPath } from './parse-article';
import { mapLimited } from './map-limited';
import { MAX_ARTICLE_BYTES } from './read-article-file';
import { isInside } from './safe-path';

/** An article's canonical text; `lines[i]` describes line i of `text.split('\n')`. */
export interface ArticleText {
  text: string;
  lines: readonly LineInfo[];
}

/** The corpus a search runs over: a snapshot of the listing and a way to read each article. */
export interface MentionSearchDeps {
  /** The corpus root the paths are relative to. */
  root: string;
  articles: readonly ArticleSummary[];
  /** The article's canonical text, or null when it cannot be read (gone, binary, too large). */
  readText(path: string): Promise<ArticleText | null>;
}

export interface MentionQuery {
  /** An entity's canonical name, aliases and handles. */
  terms: string[];
  /** Also report hits on boilerplate lines ("ALSO READ: …" cross-links, teasers). */
  includeBoilerplate: boolean;
  /** Characters of context on each side of a hit (default 60), before trimming to whole words. */
  contextChars?: number;
}

export interface MentionSearchTotals {
  /** Articles whose text was read and searched. */
  articlesSearched: number;
  /** Hits handed to `onBatch`. */
  hits: number;
  elapsedMs: number;
}

/** Enough reads in flight to hide disk latency; more only queues in libuv's thread pool. */
const READ_CONCURRENCY = 16;
/** The first batch goes out early so the user sees results while the rest of the corpus is read… */
const FIRST_BATCH_HITS = 50;
const FIRST_BATCH_MS = 100;
/** …then batches are paced, so thousands of hits cost a few messages, not thousands… */
const BATCH_INTERVAL_MS = 250;
/** …but none grows past a few hundred KB: a 10,000-article search can find 200,000 hits (60 MB). */
const MAX_BATCH_HITS = 2000;
const DEFAULT_CONTEXT_CHARS = 60;
/** Any surrogate: without one, UTF-16 and code point offsets are the same. */
const ASTRAL = /[\ud800-\udfff]/;

/**
 * Searches every readable article of the corpus for mentions of `query.terms` and streams the hits
 * to `onBatch`: the first batch after 50 hits or 100 ms, then one every 250 ms or 2,000 hits.
 * All hits of one article arrive together, in text order, in one batch; articles
 * arrive in the order their reads finish, not in listing order. Hits on boilerplate lines are
 * skipped unless asked for. When `signal` aborts, reading stops, hits not yet delivered are
 * dropped, and no batch follows; the totals then describe what was delivered.
 */
export async function searchMentions(
  deps: MentionSearchDeps,
  query: MentionQuery,
  onBatch: (batch: MentionHit[]) => void,
  signal?: AbortSignal,
): Promise<MentionSearchTotals> {
  const started = performance.now();
  const matcher = createMentionMatcher(query.terms);
  const articles = deps.articles.filter((article) => article.readable);
  const contextChars = query.contextChars ?? DEFAULT_CONTEXT_CHARS;
  let pending: MentionHit[] = [];
  let delivered = 0;
  let lastBatchAt: number | null = null;
  let searched = 0;

  function deliver(): void {
    if (pending.length === 0 || signal?.aborted) return;
    const batch = pending;
    pending = [];
    delivered += batch.length;
    lastBatchAt = performance.now();
    onBatch(batch);
  }

  // Checked after each article rather than on a timer: articles finish every fraction of a
  // millisecond, and a timer firing outside this function could not report onBatch's failures.
  function deliverIfDue(): void {
    if (pending.length === 0) return;
    const now = performance.now();
    const due =
      pending.length >= MAX_BATCH_HITS ||
      (lastBatchAt === null ? pending.length >= FIRST_BATCH_HITS || now - started >= FIRST_BATCH_MS : now - lastBatchAt >= BATCH_INTERVAL_MS);
    if (due) deliver();
  }

  await mapLimited(
    articles,
    READ_CONCURRENCY,
    async (article) => {
      // A file deleted or replaced mid-search is skipped, not a failed search.
      const content = await deps.readText(article.path).catch(() => null);
      if (signal?.aborted) return;
      if (content) {
        searched += 1;
        for (const hit of hitsIn(article.path, content, matcher, query.includeBoilerplate, contextChars)) pending.push(hit);
      }
      deliverIfDue();
      // Reads served from the OS cache resolve back to back; a macrotask between files lets
      // main answer IPC and paint-critical requests while a search runs.
      await nextMacrotask();
    },
    signal,
  );
  deliver();
  return { articlesSearched: searched, hits: delivered, elapsedMs: Math.round(performance.now() - started) };
}

/** The hits in one article, with code point offsets, line and context, boilerplate filtered. */
function hitsIn(articlePath: string, content: ArticleText, matcher: MentionMatcher, includeBoilerplate: boolean, contextChars: number): MentionHit[] {
  const { text, lines } = content;
  const matches = matcher.find(text);
  if (matches.length === 0) return [];
  // Most articles have no astral character, and building a converter walks the whole text: that
  // walk took 220 ms of a 3.5 s search of 10,000 articles.
  const offsets = ASTRAL.test(text) ? createOffsetConverter(text) : null;
  const hits: MentionHit[] = [];
  let line = 0;
  let lineStart = 0;
  let lineEnd = lineEndFrom(text, 0);
  for (const match of matches) {
    while (match.start > lineEnd) {
      line += 1;
      lineStart = lineEnd + 1;
      lineEnd = lineEndFrom(text, lineStart);
    }
    if (!includeBoilerplate && lines[line]?.boilerplate) continue;
    hits.push(toHit(articlePath, text, match, offsets ? offsets.toCodePoint(match.start, 'floor') : match.start, offsets ? offsets.toCodePoint(match.end, 'ceil') : match.end, line, lineStart, lineEnd, contextChars));
  }
  return hits;
}

function lineEndFrom(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

function toHit(articlePath: string, text: string, match: MentionMatch, startCodePoint: number, endCodePoint: number, line: number, lineStart: number, lineEnd: number, contextChars: number): MentionHit {
  return {
    path: articlePath,
    start: match.start,
    end: match.end,
    startCodePoint,
    endCodePoint,
    term: match.term,
    exact: text.slice(match.start, match.end),
    left: leftContext(text, lineStart, match.start, contextChars),
    right: rightContext(text, match.end, lineEnd, contextChars),
    line,
  };
}

const SPACE = /\s/;

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Up to `size` characters before `start` on its line, without a cut-off word at the far end. */
export function leftContext(text: string, lineStart: number, start: number, size: number): string {
  let from = Math.max(lineStart, start - size);
  if (from > lineStart && !SPACE.test(text.charAt(from - 1))) {
    const space = text.slice(from, start).search(SPACE);
    // One word longer than the whole window (a URL): cut it, but never inside a surrogate pair.
    if (space === -1) from += isLowSurrogate(text.charCodeAt(from)) ? 1 : 0;
    else from += space;
  }
  return text.slice(from, start).trimStart();
}

/** Up to `size` characters after `end` on its line, without a cut-off word at the far end. */
export function rightContext(text: string, end: number, lineEnd: number, size: number): string {
  const limit = Math.max(end, lineEnd);
  let to = Math.min(limit, end + size);
  if (to < limit && !SPACE.test(text.charAt(to))) {
    const window = text.slice(end, to);
    let space = window.length - 1;
    while (space >= 0 && !SPACE.test(window.charAt(space))) space -= 1;
    if (space === -1) to -= isLowSurrogate(text.charCodeAt(to)) ? 1 : 0;
    else to = end + space;
  }
  return text.slice(end, to).trimEnd();
}

/** Line structures remembered by a reader (about 300 bytes each); past this many it starts afresh. */
const LINE_CACHE_LIMIT = 100_000;

/** Reads articles' canonical text for searches; see {@link createSearchTextReader}. */
export interface SearchTextReader {
  /** A reader of the articles under `root` for one search; it answers null, never rejects. */
  forRoot(root: string): (relativePath: string) => Promise<ArticleText | null>;
}

/**
 * A reader of canonical text for searches, giving the same text and lines as `readArticleFile`.
 * It skips what only a listing needs (metadata, word count), reads with the callback API (one trip
 * to the thread pool where fs/promises makes four: 4x faster over 10,000 small files), and
 * remembers the line structure of plain-text articles by the SHA-256 of their text. Lines are a
 * pure function of the text, and working them out (boilerplate detection) took 800 ms for 10,000
 * articles against 120 ms to hash them. Markdown and HTML are converted on every read.
 */
export function createSearchTextReader(): SearchTextReader {
  const linesByHash = new Map<string, readonly LineInfo[]>();
  // A few distinct line records are shared by every article, so remembered lines cost a pointer each.
  const sharedLines = new Map<string, LineInfo>();
  const share = (line: LineInfo): LineInfo => {
    const key = `${line.kind}/${line.level ?? ''}/${line.boilerplate}`;
    const known = sharedLines.get(key);
    if (known) return known;
    sharedLines.set(key, Object.freeze(line));
    return line;
  };

  function plainTextLines(text: string): readonly LineInfo[] {
    const hash = createHash('sha256').update(text).digest('hex');
    let lines = linesByHash.get(hash);
    if (!lines) {
      lines = toCanonicalText('text', text).lines.map(share);
      if (linesByHash.size >= LINE_CACHE_LIMIT) linesByHash.clear();
      linesByHash.set(hash, lines);
    }
    return lines;
  }

  return {
    forRoot(root) {
      // `resolveInsideRoot`'s check, with the root resolved once per search rather than per file:
      // on 2 cores the thread pool's path walks compete with the search itself (saved 100–300 ms).
      const realRoot = realpath(root);
      realRoot.catch(() => {});
      return async (relativePath) => {
        try {
          const joined = path.resolve(root, relativePath);
          if (!isInside(root, joined)) return null;
          const [real, inside] = await Promise.all([realpath(joined), realRoot]);
          if (!isInside(inside, real)) return null;
          const bytes = await new Promise<Buffer>((resolve, reject) => readFile(real, (error, data) => (error ? reject(error) : resolve(data))));
          if (bytes.length > MAX_ARTICLE_BYTES) return null;
          const decoded = decodeArticleBytes(bytes);
          if (!decoded.text) return null;
          const format = formatFromPath(relativePath) ?? 'text';
          // Plain text is its own canonical text (see `toCanonicalText`): only its lines need working out.
          if (format === 'text') return { text: decoded.text, lines: plainTextLines(decoded.text) };
          const { text, lines } = toCanonicalText(format, decoded.text);
          return { text, lines };
        } catch {
          return null;
        }
      };
    },
  };
}
