import type { AnnotationRecord } from '../model/annotation';

/*
 * A fast, strict check of an archive's annotation rows, run before zod so that a well-formed archive
 * (the common case) skips zod's parse of its 50,000 annotations. It accepts a row only if the zod
 * schema `AnnotationRecord` (shared/model/annotation.ts) certainly accepts it AND would return it
 * unchanged: no key beyond the schema's, so zod's stripping of unknown keys changes nothing. It is
 * deliberately stricter, never looser: anything it refuses goes to zod, which decides and gives the
 * specific message. `annotation-row-check.test.ts` holds the two in step by mutating rows.
 *
 * Measured on the import bench (50k annotations, Node): zod took about as long as JSON.parse of the
 * whole 23 M-character archive (~1.1 s of ~2 s under load); this check takes a few tens of ms.
 */

type Row = Record<string, unknown>;

const HIGHLIGHT_KEYS = new Set(['id', 'articleId', 'kind', 'legendId', 'comment', 'target', 'anchor', 'createdAt', 'updatedAt']);
const MENTION_KEYS = new Set(['id', 'articleId', 'kind', 'entityId', 'comment', 'target', 'anchor', 'createdAt', 'updatedAt']);
const TARGET_KEYS = new Set(['quote', 'position']);
const QUOTE_KEYS = new Set(['type', 'exact', 'prefix', 'suffix']);
const POSITION_KEYS = new Set(['type', 'start', 'end']);
const ANCHOR_KEYS = new Set(['status', 'start', 'end', 'confidence']);

function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** The row's own keys are exactly `allowed`: none missing, none extra. */
function hasExactKeys(row: Row, allowed: ReadonlySet<string>): boolean {
  const keys = Object.keys(row);
  if (keys.length !== allowed.size) return false;
  for (const key of keys) if (!allowed.has(key)) return false;
  return true;
}

function isId(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0;
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isConfidence(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
}

function isTarget(value: unknown): boolean {
  if (!isRow(value) || !hasExactKeys(value, TARGET_KEYS)) return false;
  const { quote, position } = value;
  if (!isRow(quote) || !hasExactKeys(quote, QUOTE_KEYS) || quote.type !== 'TextQuoteSelector') return false;
  if (typeof quote.exact !== 'string' || quote.exact.length === 0 || typeof quote.prefix !== 'string' || typeof quote.suffix !== 'string') return false;
  if (!isRow(position) || !hasExactKeys(position, POSITION_KEYS) || position.type !== 'TextPositionSelector') return false;
  return isOffset(position.start) && isOffset(position.end) && position.end > position.start;
}

function isAnchor(value: unknown): boolean {
  if (!isRow(value) || !hasExactKeys(value, ANCHOR_KEYS) || !isConfidence(value.confidence)) return false;
  const { status, start, end } = value;
  if (status === 'orphan') return start === -1 && end === -1;
  return (status === 'exact' || status === 'moved' || status === 'fuzzy') && isOffset(start) && isOffset(end) && end > start;
}

/**
 * Whether `value` is an annotation row that zod's `AnnotationRecord` accepts as it is. `false` says
 * only "ask zod": the row may still be valid (zod would strip an extra key, say).
 */
export function isPlainAnnotationRow(value: unknown): value is AnnotationRecord {
  if (!isRow(value)) return false;
  if (value.kind === 'highlight') {
    if (!hasExactKeys(value, HIGHLIGHT_KEYS) || !isId(value.legendId)) return false;
  } else if (value.kind === 'mention') {
    if (!hasExactKeys(value, MENTION_KEYS) || !isId(value.entityId)) return false;
  } else {
    return false;
  }
  return isId(value.id) && isId(value.articleId) && typeof value.comment === 'string' && isOffset(value.createdAt) && isOffset(value.updatedAt) && isTarget(value.target) && isAnchor(value.anchor);
}
