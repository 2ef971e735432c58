import { describe, expect, it } from 'vitest';
import { annotations, orphan } from '../../test-support/export-fixture';
import { AnnotationRecord } from '../model/annotation';
import { isPlainAnnotationRow } from './annotation-row-check';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const rows = [orphan, ...annotations].map((row) => JSON.parse(JSON.stringify(row)) as { [key: string]: Json });

/** Every path to a value inside `value` (objects only: rows hold no arrays). */
function paths(value: Json, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([key, child]) => paths(child, [...prefix, key]))];
}

const REPLACEMENTS: Json[] = [null, -1, 0, 0.5, 1, 1.5, 2, 2 ** 60, '', 'x', 'TextQuoteSelector', 'TextPositionSelector', 'orphan', 'exact', 'mention', 'highlight', true, [], {}];

/** The row with the value at `path` replaced (or deleted, with `undefined`), or an extra key added. */
function mutated(row: { [key: string]: Json }, path: string[], replacement: Json | undefined): { [key: string]: Json } {
  const copy = JSON.parse(JSON.stringify(row)) as { [key: string]: Json };
  if (path.length === 0) return replacement === undefined ? copy : { ...copy, extra: replacement };
  let parent = copy as { [key: string]: Json };
  for (const key of path.slice(0, -1)) parent = parent[key] as { [key: string]: Json };
  const last = path[path.length - 1] as string;
  if (replacement === undefined) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

describe('the fast annotation row check', () => {
  it('accepts every well-formed row, highlights, mentions and orphans, exactly as zod returns it', () => {
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      expect(isPlainAnnotationRow(row)).toBe(true);
      expect(AnnotationRecord.parse(row)).toEqual(row);
    }
  });

  it('never accepts a row zod refuses or would change, over every field replaced or deleted', () => {
    let refused = 0;
    let tried = 0;
    for (const row of rows) {
      for (const path of paths(row)) {
        for (const replacement of [undefined, ...REPLACEMENTS]) {
          const candidate = mutated(row, path, replacement);
          tried++;
          if (!isPlainAnnotationRow(candidate)) {
            refused++;
            continue;
          }
          const parsed = AnnotationRecord.safeParse(candidate);
          expect(parsed.success, `${path.join('.')} = ${JSON.stringify(replacement)}`).toBe(true);
          expect(parsed.data).toEqual(candidate);
        }
      }
    }
    // The mutations must mostly break rows, or the test above proves little.
    expect(refused).toBeGreaterThan(tried / 2);
  });

  it('sends a row with an extra key to zod (which strips it), and refuses what is not a plain row', () => {
    const row = rows[0] as { [key: string]: Json };
    expect(isPlainAnnotationRow({ ...row, note: 'x' })).toBe(false);
    expect(isPlainAnnotationRow({ ...row, target: { ...(row.target as object), extra: 1 } })).toBe(false);
    expect(isPlainAnnotationRow(null)).toBe(false);
    expect(isPlainAnnotationRow([row])).toBe(false);
    expect(isPlainAnnotationRow(Object.assign(Object.create({ inherited: 1 }) as object, row))).toBe(false);
  });
});
