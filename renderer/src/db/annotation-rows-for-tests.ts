import type { AnnotationRecord } from '../../../shared/model/annotation';
import { articleOfRow, articlePackRange, buildPack, idOfRow } from './annotation-pack';
import { allAnnotationRows } from './annotation-packs';
import type { WorkbenchDb } from './workbench-db';

/*
 * For tests only: annotation rows written around the stores, as an older build or a hand edit
 * in DevTools could have left them (damaged ones included), and every stored row read back.
 */

/** Stores `rows` as they are: each in place of the stored row with its id, or at the end of its article's last pack. */
export async function writeRawAnnotationRows(db: WorkbenchDb, rows: readonly unknown[]): Promise<void> {
  await db.transaction('rw', db.annotationPacks, async () => {
    for (const row of rows) {
      const id = idOfRow(row);
      const holder = id === undefined ? undefined : await db.annotationPacks.where('annotationIds').equals(id).first();
      const [lower, upper] = articlePackRange(articleOfRow(row));
      const pack = holder ?? (await db.annotationPacks.where(':id').between(lower, upper).last());
      const { articleId, chunk, annotations } = pack ?? { articleId: articleOfRow(row), chunk: 0, annotations: [] };
      const at = id === undefined ? -1 : annotations.findIndex((other) => idOfRow(other) === id);
      await db.annotationPacks.put(buildPack(articleId, chunk, at < 0 ? [...annotations, row] : annotations.map((other, i) => (i === at ? row : other))));
    }
  });
}

/** Every stored annotation row, unvalidated, in id order (as the table of one row per annotation listed them). */
export async function storedAnnotationRows(db: WorkbenchDb): Promise<AnnotationRecord[]> {
  const rows = (await allAnnotationRows(db)) as AnnotationRecord[];
  return rows.sort((a, b) => {
    const [x, y] = [idOfRow(a) ?? '', idOfRow(b) ?? ''];
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** Where a passage `exact` starting at code point `start` was found: its selectors and an exact anchor. */
export function exactPlace(exact: string, start: number) {
  return {
    target: { quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector' as const, start, end: start + exact.length } },
    anchor: { status: 'exact' as const, start, end: start + exact.length, confidence: 1 },
  };
}
