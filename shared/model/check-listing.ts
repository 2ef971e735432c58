import { ArticleFormat, WarningCode, looksRelative, type ArticleSummary, type ArticleWarning, type CorpusListing } from './article';

/**
 * A hand-written check of a corpus listing, for the renderer's client: the same rules as the
 * `CorpusListing` schema, in a fraction of the time. Zod cannot compile its checks where the
 * page's CSP forbids `eval`, and checking 10,000 summaries then took ~110 ms of the first render.
 *
 * It is never more lenient than the schema: it returns the listing only when the schema would
 * accept it unchanged (no unknown keys to strip), and `undefined` otherwise, in which case the
 * caller falls back to the schema, which gives the error (or the stripped copy).
 */
export function checkCorpusListing(value: unknown): CorpusListing | undefined {
  if (!isRecord(value) || !hasOnlyKeys(value, LISTING_KEYS)) return undefined;
  const { root, name, articles, warnings } = value;
  if (typeof root !== 'string' || typeof name !== 'string' || !Array.isArray(articles) || !isWarningList(warnings)) return undefined;
  return checkArticleSummaries(articles) && (value as CorpusListing);
}

/**
 * The same check for a list of article summaries alone (main's listing cache): the list when the
 * `ArticleSummary` schema would take every one unchanged, else `undefined` (ask the schema).
 */
export function checkArticleSummaries(value: unknown): ArticleSummary[] | undefined {
  if (!Array.isArray(value)) return undefined;
  for (const article of value as unknown[]) if (!isSummary(article)) return undefined;
  return value as ArticleSummary[];
}

const LISTING_KEYS = new Set(['root', 'name', 'articles', 'warnings']);
const SUMMARY_KEYS = new Set(['path', 'format', 'size', 'modifiedMs', 'sha256', 'wordCount', 'meta', 'warnings', 'readable']);
const META_KEYS = new Set(['title', 'dateline', 'byline', 'source']);
const WARNING_KEYS = new Set(['code', 'message']);
const FORMATS = new Set<unknown>(ArticleFormat.options);
const CODES = new Set<unknown>(WarningCode.options);
const MAX_PATH = 1024;

function isSummary(value: unknown): value is ArticleSummary {
  if (!isRecord(value) || !hasOnlyKeys(value, SUMMARY_KEYS)) return false;
  const { path, size, modifiedMs, wordCount, meta } = value;
  return (
    typeof path === 'string' &&
    path.length >= 1 &&
    path.length <= MAX_PATH &&
    looksRelative(path) &&
    FORMATS.has(value.format) &&
    isCount(size) &&
    typeof modifiedMs === 'number' &&
    Number.isFinite(modifiedMs) &&
    typeof value.sha256 === 'string' &&
    isCount(wordCount) &&
    isRecord(meta) &&
    hasOnlyKeys(meta, META_KEYS) &&
    typeof meta.title === 'string' &&
    isOptionalString(meta.dateline) &&
    isOptionalString(meta.byline) &&
    isOptionalString(meta.source) &&
    isWarningList(value.warnings) &&
    typeof value.readable === 'boolean'
  );
}

function isWarningList(value: unknown): value is ArticleWarning[] {
  if (!Array.isArray(value)) return false;
  for (const warning of value as unknown[]) {
    if (!isRecord(warning) || !hasOnlyKeys(warning, WARNING_KEYS) || !CODES.has(warning.code) || typeof warning.message !== 'string') return false;
  }
  return true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** Own keys only from `allowed` (a key present with the value `undefined` counts as present). */
function hasOnlyKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const key in value) if (!allowed.has(key)) return false;
  return true;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isOptionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}
