import { newArticleId, type ArticleId } from '../../../shared/model/ids';
import type { ArticleMetaRecord, ArticleRecord, WorkbenchDb } from './workbench-db';

/*
 * The registry gives each article an id that survives what happens to files between sessions:
 * edits (same path, new text) and renames or moves (new path, same text). Highlights and metadata
 * hang off that id, so "Highlights that never lose their passage" starts here.
 *
 * Path wins over text: a file at a known path is the same article even if every word changed,
 * because that is what the user sees in the library. Text only decides when the path is new, and
 * only claims a record whose old path is gone, so a copy of an article gets its own identity.
 */

/** What the corpus listing reports about one article. */
export interface ArticleFingerprint {
  /** Relative to the corpus root, as in `ArticleSummary.path`. */
  path: string;
  /** SHA-256 of the canonical text; `''` when the text could not be read. */
  sha256: string;
}

/**
 * The stable id of the article at `fingerprint.path`, registering it if it is new.
 *
 * - A record at the same path is reused; its hash is updated when the file was edited.
 * - Otherwise a record with the same text whose path is not in `livePaths` (the paths currently
 *   in the corpus) is taken over: the file was renamed or moved while the app was closed. Its
 *   path is updated and its metadata row moves with it.
 * - Otherwise a new record is created.
 *
 * The article's metadata row, if any, is stamped with the id.
 */
export async function resolveArticleId(db: WorkbenchDb, fingerprint: ArticleFingerprint, livePaths: ReadonlySet<string>): Promise<ArticleId> {
  const { path, sha256 } = fingerprint;
  return db.transaction('rw', db.articles, db.articleMeta, async () => {
    const now = Date.now();
    const atPath = await recordAt(db, path);
    if (atPath) {
      // An unreadable file reports no hash; keep the last known one so a later move is still recognised.
      if (sha256 !== '' && atPath.sha256 !== sha256) await db.articles.update(atPath.id, { sha256, updatedAt: now });
      await stampMeta(db, path, atPath.id);
      return atPath.id;
    }
    const moved = sha256 === '' ? undefined : await movedRecord(db, sha256, livePaths);
    if (moved) {
      await db.articles.update(moved.id, { path, updatedAt: now });
      // A record detached by `renameArticle` has no path and therefore no metadata row to carry.
      if (moved.path !== '') await moveMeta(db, moved.path, path, moved.id);
      else await stampMeta(db, path, moved.id);
      return moved.id;
    }
    const created: ArticleRecord = { id: newArticleId(), path, sha256, createdAt: now, updatedAt: now };
    await db.articles.add(created);
    await stampMeta(db, path, created.id);
    return created.id;
  });
}

/**
 * Follows a rename reported by the file watcher while the app runs: the article's record and its
 * metadata row move from `from` to `to`. Returns the article's id, or null when `from` was never
 * registered (then only a metadata row, if any, moves).
 *
 * The watcher reports a rename only onto a path that held no file, so a record still at `to`
 * belongs to a file deleted earlier. It is detached (its path cleared) rather than deleted: its
 * highlights are kept, and `resolveArticleId` can still claim it by hash if that text reappears.
 */
export async function renameArticle(db: WorkbenchDb, from: string, to: string): Promise<ArticleId | null> {
  if (from === to) return (await recordAt(db, from))?.id ?? null;
  return db.transaction('rw', db.articles, db.articleMeta, async () => {
    const now = Date.now();
    const record = await recordAt(db, from);
    if (record) {
      const stale = await db.articles.where('path').equals(to).primaryKeys();
      await db.articles.bulkUpdate(stale.map((key) => ({ key, changes: { path: '', updatedAt: now } })));
      await db.articles.update(record.id, { path: to, updatedAt: now });
    }
    await moveMeta(db, from, to, record?.id);
    return record?.id ?? null;
  });
}

/** The record at `path`; if several claim it (only possible through a bug), the most recently touched. */
async function recordAt(db: WorkbenchDb, path: string): Promise<ArticleRecord | undefined> {
  const records = await db.articles.where('path').equals(path).toArray();
  return mostRecent(records);
}

/** A record with this text whose file is no longer where the record says. */
async function movedRecord(db: WorkbenchDb, sha256: string, livePaths: ReadonlySet<string>): Promise<ArticleRecord | undefined> {
  const candidates = await db.articles.where('sha256').equals(sha256).toArray();
  return mostRecent(candidates.filter((record) => !livePaths.has(record.path)));
}

function mostRecent(records: readonly ArticleRecord[]): ArticleRecord | undefined {
  let best: ArticleRecord | undefined;
  for (const record of records) if (!best || record.updatedAt > best.updatedAt) best = record;
  return best;
}

/** Moves the metadata row at `from` to `to`, replacing any row there (it described the old file). */
async function moveMeta(db: WorkbenchDb, from: string, to: string, articleId: ArticleId | undefined): Promise<void> {
  const row = await db.articleMeta.get(from);
  if (!row) {
    if (articleId) await stampMeta(db, to, articleId);
    return;
  }
  await db.articleMeta.delete(from);
  const moved: ArticleMetaRecord = { ...row, path: to };
  if (articleId) moved.articleId = articleId;
  else delete moved.articleId;
  await db.articleMeta.put(moved);
}

async function stampMeta(db: WorkbenchDb, path: string, articleId: ArticleId): Promise<void> {
  const row = await db.articleMeta.get(path);
  if (row && row.articleId !== articleId) await db.articleMeta.update(path, { articleId });
}
