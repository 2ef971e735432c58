import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { ArticleContent, ArticleSummary } from '../../../shared/model/article';
import { decodeArticleBytes } from './decode-article-bytes';
import { withFallbackTitle } from './fallback-title';
import { isInside } from './path-inside';
import { MAX_ARTICLE_BYTES, readArticleFileSync } from './read-article-file';

/** One article's text and metadata as an export reads it; nulls when it cannot be read. */
export interface ArticleTextEntry {
  path: string;
  text: string | null;
  meta: ArticleSummary['meta'] | null;
}

/**
 * The real path of `relativePath` under `root` when it is inside it (no `..`, no absolute path, no
 * link leading out of the root), else null. `realRoot` is `root` resolved, once for many files.
 */
function realPathInside(root: string, realRoot: string, relativePath: string): string | null {
  const joined = path.resolve(root, relativePath);
  if (!isInside(root, joined)) return null;
  try {
    const real = realpathSync(joined);
    return isInside(realRoot, real) ? real : null;
  } catch {
    return null;
  }
}

/** A full read of an article under `root`, as opening it reads it (its file name as title when it has none); throws for one outside the root. */
export function insideRootFullReader(root: string): (relativePath: string) => ArticleContent {
  let realRoot: string | null = null;
  return (relativePath) => {
    realRoot ??= realpathSync(root);
    const real = realPathInside(root, realRoot, relativePath);
    if (real === null) throw new Error(`${relativePath} is not inside the corpus folder`);
    const content = readArticleFileSync(real, relativePath);
    return { ...content, summary: withFallbackTitle(content.summary) };
  };
}

/**
 * The texts and metadata of `relativePaths` (an export reads every article's), in the order asked,
 * with blocking reads: an export thread runs it, where a read blocks nothing else and costs one
 * system call (through the thread pool, 1,000 articles took 0.3-0.4 s of main's time).
 *
 * A plain-text article whose canonical text still has the SHA-256 the listing gave it is only read
 * and decoded: its metadata is the listing's, derived from that very text. Any other article
 * (Markdown or HTML, whose metadata also reads the markup; one changed since it was listed,
 * unlisted, unreadable, or outside the root) goes to `readFull`, as opening it would; one that
 * `readFull` refuses gets nulls.
 */
export function readListedTexts(
  root: string,
  relativePaths: readonly string[],
  listed: ReadonlyMap<string, ArticleSummary>,
  readFull: (relativePath: string) => ArticleContent = insideRootFullReader(root),
): ArticleTextEntry[] {
  let realRoot: string | null = null;
  try {
    realRoot = realpathSync(root);
  } catch {
    // No root, no quick reads: every article goes to `readFull`, which refuses it.
  }
  return relativePaths.map((relativePath) => {
    const summary = listed.get(relativePath);
    if (realRoot !== null && summary?.readable && summary.format === 'text') {
      const real = realPathInside(root, realRoot, relativePath);
      const text = real === null ? null : unchangedPlainText(readBytes(real), summary);
      if (text !== null) return { path: relativePath, text, meta: summary.meta };
    }
    try {
      const content = readFull(relativePath);
      return { path: relativePath, text: content.text, meta: content.summary.meta };
    } catch {
      return { path: relativePath, text: null, meta: null };
    }
  });
}

function readBytes(file: string): Uint8Array | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/** The canonical text of a plain-text file's bytes when it is the text `summary` was listed with, else null. */
export function unchangedPlainText(bytes: Uint8Array | null, summary: ArticleSummary): string | null {
  if (bytes === null || bytes.length > MAX_ARTICLE_BYTES) return null;
  // Plain text is its own canonical text once decoded (see `toCanonicalText`).
  const text = decodeArticleBytes(bytes).text;
  if (!text) return null;
  return createHash('sha256').update(text).digest('hex') === summary.sha256 ? text : null;
}
