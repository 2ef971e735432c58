import type { ArticleFormat, ArticleWarning, DerivedMetadata, LineInfo } from '../../../shared/model/article';
import { toCanonicalText } from './canonical-text';
import { decodeArticleBytes } from './decode-article-bytes';
import { countWords } from './count-words';
import { deriveMetadata } from './derive-metadata';

/** Everything the corpus service needs from one article file's bytes. */
export interface ParsedArticle {
  text: string;
  lines: LineInfo[];
  meta: DerivedMetadata;
  /** Words in the whole canonical text, boilerplate included (see `count-words.ts`). */
  wordCount: number;
  encoding: string;
  warnings: ArticleWarning[];
  /** False when the bytes are not text at all; the article is then listed but cannot be opened. */
  readable: boolean;
}

/**
 * Parses an article file's bytes: decodes them, renders the format to canonical line-structured
 * text, and derives its metadata. Pure: no file system, never throws for bad input; every problem
 * comes back as a warning.
 */
export function parseArticle(bytes: Uint8Array, format: ArticleFormat): ParsedArticle {
  const decoded = decodeArticleBytes(bytes);
  if (decoded.text === null || decoded.text === '') {
    return {
      text: '',
      lines: [{ kind: 'blank', boilerplate: false }],
      meta: { title: '' },
      wordCount: 0,
      encoding: decoded.encoding,
      warnings: decoded.warnings,
      readable: decoded.text !== null,
    };
  }
  const canonical = toCanonicalText(format, decoded.text);
  return {
    text: canonical.text,
    lines: canonical.lines,
    meta: deriveMetadata(canonical.text, canonical.lines, canonical.titleHint),
    wordCount: countWords(canonical.text),
    encoding: decoded.encoding,
    warnings: [...decoded.warnings, ...canonical.warnings],
    readable: true,
  };
}

const FORMATS = new Map<string, ArticleFormat>([
  ['txt', 'text'],
  ['text', 'text'],
  ['md', 'markdown'],
  ['markdown', 'markdown'],
  ['html', 'html'],
  ['htm', 'html'],
]);

/** The article format for a file name by its extension (case-insensitive), or null if not an article. */
export function formatFromPath(path: string): ArticleFormat | null {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return null;
  return FORMATS.get(name.slice(dot + 1).toLowerCase()) ?? null;
}
