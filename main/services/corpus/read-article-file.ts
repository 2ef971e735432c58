import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { ArticleContent, ArticleSummary, ArticleWarning } from '../../../shared/model/article';
import { formatFromPath, parseArticle } from './parse-article';
import { describeError } from './scan-folder';

/** Files above this are listed with a warning and never read (the text would not be usable). */
export const MAX_ARTICLE_BYTES = 10 * 1024 * 1024;

/**
 * Reads and parses one article file into its summary and content. Never throws: every problem
 * (unreadable, too large, binary…) comes back as a warning on an unreadable summary.
 */
export async function readArticleFile(absolutePath: string, relativePath: string): Promise<ArticleContent> {
  const format = formatFromPath(relativePath) ?? 'text';
  let size = 0;
  let modifiedMs = 0;
  try {
    const info = await stat(absolutePath);
    size = info.size;
    modifiedMs = info.mtimeMs;
    if (size > MAX_ARTICLE_BYTES) {
      const megabytes = (size / 1024 / 1024).toFixed(1);
      return unreadable({ code: 'too-large', message: `File is ${megabytes} MB, over the 10 MB limit: not opened` });
    }
    const bytes = await readFile(absolutePath);
    const parsed = parseArticle(bytes, format);
    const summary: ArticleSummary = {
      path: relativePath,
      format,
      size,
      modifiedMs,
      sha256: parsed.readable ? createHash('sha256').update(parsed.text).digest('hex') : '',
      wordCount: parsed.wordCount,
      meta: parsed.meta,
      warnings: parsed.warnings,
      readable: parsed.readable,
    };
    return { summary, text: parsed.text, lines: parsed.lines };
  } catch (error) {
    return unreadable({ code: 'unreadable', message: `Could not read the file: ${describeError(error)}` });
  }

  function unreadable(warning: ArticleWarning): ArticleContent {
    return {
      summary: refusedSummary(relativePath, warning, size, modifiedMs),
      text: '',
      lines: [{ kind: 'blank', boilerplate: false }],
    };
  }
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
