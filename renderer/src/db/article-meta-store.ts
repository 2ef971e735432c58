import type { ArticleMetaRecord, WorkbenchDb } from './workbench-db';

export type EditableMetadata = Pick<ArticleMetaRecord, 'title' | 'source' | 'author' | 'date' | 'url'>;
export const EDITABLE_FIELDS = ['title', 'source', 'author', 'date', 'url'] as const;

/** Saves the user's corrections; empty fields are dropped so the derived value shows again. */
export async function saveArticleMeta(db: WorkbenchDb, path: string, fields: EditableMetadata): Promise<void> {
  const record: ArticleMetaRecord = { path, updatedAt: Date.now() };
  for (const field of EDITABLE_FIELDS) {
    const value = fields[field]?.trim();
    if (value) record[field] = value;
  }
  // The row also carries the registry's article id (version 2); a correction must not drop it.
  await db.transaction('rw', db.articleMeta, async () => {
    const articleId = (await db.articleMeta.get(path))?.articleId;
    if (articleId) record.articleId = articleId;
    await db.articleMeta.put(record);
  });
}
