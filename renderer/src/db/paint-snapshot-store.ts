import type { ArticleId } from '../../../shared/model/ids';
import type { PaintSnapshot, WorkbenchDb } from './workbench-db';

/** The snapshot for an article, or undefined when there is none or it is malformed. */
export async function loadPaintSnapshot(db: WorkbenchDb, articleId: ArticleId): Promise<PaintSnapshot | undefined> {
  try {
    const row: unknown = await db.paintSnapshots.get(articleId);
    return isSnapshot(row) ? row : undefined;
  } catch {
    return undefined;
  }
}

/** The snapshot taken for the article at `path` with this very text, found without its id. */
export async function loadPaintSnapshotByPath(db: WorkbenchDb, path: string, sha256: string): Promise<PaintSnapshot | undefined> {
  try {
    const rows: unknown[] = await db.paintSnapshots.where('path').equals(path).toArray();
    return rows.find((row): row is PaintSnapshot => isSnapshot(row) && row.sha256 === sha256);
  } catch {
    return undefined;
  }
}

export async function savePaintSnapshot(db: WorkbenchDb, snapshot: PaintSnapshot): Promise<void> {
  await db.paintSnapshots.put(snapshot);
}

/** A cheap structural check: the snapshot only ever decides where to paint, never what is stored. */
export function isSnapshot(row: unknown): row is PaintSnapshot {
  if (!row || typeof row !== 'object') return false;
  const candidate = row as Partial<PaintSnapshot>;
  return (
    typeof candidate.articleId === 'string' &&
    typeof candidate.sha256 === 'string' &&
    Array.isArray(candidate.items) &&
    candidate.items.every(
      (item) => Array.isArray(item) && item.length === 4 && typeof item[0] === 'string' && typeof item[1] === 'string' && Number.isInteger(item[2]) && Number.isInteger(item[3]) && item[3] > item[2],
    )
  );
}
