import type { DerivedMetadata } from '../../../shared/model/article';
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

/** The metadata shown for an article: the user's corrections over what the text suggested. */
export function effectiveMetadata(derived: DerivedMetadata, corrected: ArticleMetaRecord | undefined): Required<EditableMetadata> {
  return {
    title: corrected?.title ?? derived.title,
    source: corrected?.source ?? derived.source ?? '',
    author: corrected?.author ?? derived.byline?.replace(/^by\s+/i, '') ?? '',
    date: corrected?.date ?? derived.dateline ?? '',
    url: corrected?.url ?? '',
  };
}
