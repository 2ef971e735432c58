import type { AnnotationRecord } from '../../../shared/model/annotation';
import type { ArticleId } from '../../../shared/model/ids';
import { articleOfRow, buildPack, idOfRow } from './annotation-pack';
import { allAnnotationRows } from './annotation-packs';
import type { WorkbenchDb } from './workbench-db';

/*
 * For tests only: annotation rows written around the stores, as an older build or a hand edit
 * in DevTools could have left them (damaged ones included), and every stored row read back.
 */

/** Stores `rows` as they are into their articles' packs, each replacing a stored row with its id in that pack. */
export async function writeRawAnnotationRows(db: WorkbenchDb, rows: readonly unknown[]): Promise<void> {
  await db.transaction('rw', db.annotationPacks, async () => {
    for (const row of rows) {
      const articleId = articleOfRow(row);
      const stored = (await db.annotationPacks.get(articleId as ArticleId))?.annotations ?? [];
      const id = idOfRow(row);
      const at = id === undefined ? -1 : stored.findIndex((other) => idOfRow(other) === id);
      await db.annotationPacks.put(buildPack(articleId, at < 0 ? [...stored, row] : stored.map((other, i) => (i === at ? row : other))));
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
