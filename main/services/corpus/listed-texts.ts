import { createHash } from 'node:crypto';
import type { ArticleContent, ArticleSummary } from '../../../shared/model/article';
import { mapLimited } from '../../../shared/async/map-limited';
import { decodeArticleBytes } from './decode-article-bytes';
import { insideRootReader } from './inside-root-reader';
import { MAX_ARTICLE_BYTES } from './read-article-file';

/** One article's text and metadata as `corpus.readTexts` answers it; nulls when it cannot be read. */
export interface ArticleTextEntry {
  path: string;
  text: string | null;
  meta: ArticleSummary['meta'] | null;
}

/** Files read at once: reading overlaps decoding, without opening hundreds of files together. */
const CONCURRENCY = 8;

/**
 * The texts and metadata of `relativePaths` (an export reads every article's), in the order asked.
 *
 * A plain-text article whose canonical text still has the SHA-256 the listing gave it is only read
 * and decoded: its metadata is the listing's, derived from that very text. Parsing it again in
 * full (lines, boilerplate, metadata, word count) took ~0.4 s of main's thread for 1,000 articles
 * on the first export. Any other article (Markdown or HTML, whose metadata also reads the markup;
 * one changed since it was listed, unlisted, unreadable, or outside the root) goes to `readFull`,
 * as opening it would; one that `readFull` refuses gets nulls.
 */
export function readListedTexts(
  root: string,
  relativePaths: readonly string[],
  listed: ReadonlyMap<string, ArticleSummary>,
  readFull: (relativePath: string) => Promise<ArticleContent>,
): Promise<ArticleTextEntry[]> {
  const readBytes = insideRootReader(root);
  return mapLimited(relativePaths, CONCURRENCY, async (relativePath) => {
    const summary = listed.get(relativePath);
    if (summary?.readable && summary.format === 'text') {
      const bytes = await readBytes(relativePath);
      const text = bytes ? unchangedPlainText(bytes, summary) : null;
      if (text !== null) return { path: relativePath, text, meta: summary.meta };
    }
    try {
      const content = await readFull(relativePath);
      return { path: relativePath, text: content.text, meta: content.summary.meta };
    } catch {
      return { path: relativePath, text: null, meta: null };
    }
  });
}

/** The canonical text of a plain-text file's bytes when it is the text `summary` was listed with, else null. */
export function unchangedPlainText(bytes: Uint8Array, summary: ArticleSummary): string | null {
  if (bytes.length > MAX_ARTICLE_BYTES) return null;
  // Plain text is its own canonical text once decoded (see `toCanonicalText`).
  const text = decodeArticleBytes(bytes).text;
  if (!text) return null;
  return createHash('sha256').update(text).digest('hex') === summary.sha256 ? text : null;
}
