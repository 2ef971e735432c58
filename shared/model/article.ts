import { z } from 'zod';

/**
 * A path relative to the corpus root, always with forward slashes, never absolute and never
 * climbing out with `..`. Main still resolves it against the root and re-checks: this schema only
 * rejects obviously bad input early.
 */
export const RelativePath = z
  .string()
  .min(1)
  .max(1024)
  .refine(looksRelative, {
    message: 'must be a path relative to the corpus root, without ".."',
  });
export type RelativePath = z.infer<typeof RelativePath>;

/** Not absolute (`/…`, `C:…`) and never `..` as a segment: the check behind {@link RelativePath}. */
export function looksRelative(path: string): boolean {
  return !path.startsWith('/') && !/^[a-zA-Z]:/.test(path) && !path.split(/[\\/]/).includes('..');
}

export const WarningCode = z.enum([
  'binary',
  'empty',
  'too-large',
  'invalid-bytes',
  'legacy-encoding',
  'unreadable',
  'outside-root',
  'parse-failed',
]);
export type WarningCode = z.infer<typeof WarningCode>;

/** A specific, human-readable problem with one article (or the library as a whole). */
export const ArticleWarning = z.object({ code: WarningCode, message: z.string() });
export type ArticleWarning = z.infer<typeof ArticleWarning>;

export const ArticleFormat = z.enum(['text', 'markdown', 'html']);
export type ArticleFormat = z.infer<typeof ArticleFormat>;

export const LineKind = z.enum(['paragraph', 'heading', 'list-item', 'quote', 'blank']);
export type LineKind = z.infer<typeof LineKind>;

/**
 * The canonical text is line-structured: line i of `text.split('\n')` is described by `lines[i]`.
 * Offsets therefore never need to cross the process boundary for rendering.
 */
export const LineInfo = z.object({
  kind: LineKind,
  /** Heading level 1–6 for `heading` lines. */
  level: z.number().int().min(1).max(6).optional(),
  /** Site boilerplate ("ALSO READ:", "Read next" teasers…): shown dimmed, never removed. */
  boilerplate: z.boolean(),
});
export type LineInfo = z.infer<typeof LineInfo>;

/** Metadata derived from the text itself; the user can correct it in the renderer. */
export const DerivedMetadata = z.object({
  title: z.string(),
  dateline: z.string().optional(),
  byline: z.string().optional(),
  source: z.string().optional(),
});
export type DerivedMetadata = z.infer<typeof DerivedMetadata>;

export const ArticleSummary = z.object({
  path: RelativePath,
  format: ArticleFormat,
  size: z.number().int().nonnegative(),
  modifiedMs: z.number(),
  /** SHA-256 (hex) of the canonical text; empty when the text could not be read. */
  sha256: z.string(),
  wordCount: z.number().int().nonnegative(),
  meta: DerivedMetadata,
  warnings: z.array(ArticleWarning),
  /** False when the article cannot be opened at all (binary, too large, unreadable). */
  readable: z.boolean(),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const ArticleContent = z.object({
  summary: ArticleSummary,
  text: z.string(),
  lines: z.array(LineInfo),
});
export type ArticleContent = z.infer<typeof ArticleContent>;

export const CorpusListing = z.object({
  root: z.string(),
  /** Display name of the root folder. */
  name: z.string(),
  articles: z.array(ArticleSummary),
  /** Problems with the library as a whole (folder gone, unreadable sub-folder…). */
  warnings: z.array(ArticleWarning),
});
export type CorpusListing = z.infer<typeof CorpusListing>;

export const CorpusChange = z.object({
  kind: z.enum(['added', 'changed', 'removed', 'renamed', 'root-missing']),
  path: z.string(),
  /** For `renamed`: the old path. */
  from: z.string().optional(),
  summary: ArticleSummary.optional(),
});
export type CorpusChange = z.infer<typeof CorpusChange>;
