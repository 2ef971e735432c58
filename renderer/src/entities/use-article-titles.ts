import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import type { ArticleId } from '../../../shared/model/ids';
import { useAppServices } from '../app/app-services';

/** The title of an article by its registry id: the listing's title for its path, or the path, or a placeholder. */
export function useArticleTitles(articleIds: readonly ArticleId[], titleForPath: (path: string) => string | undefined): (articleId: string) => string {
  const { db } = useAppServices();
  const key = [...new Set(articleIds)].sort().join('|');
  const paths = useLiveQuery(async () => {
    const ids = key === '' ? [] : (key.split('|') as ArticleId[]);
    const records = await db.articles.bulkGet(ids);
    return new Map(ids.map((id, i) => [id as string, records[i]?.path ?? '']));
  }, [db, key]);
  return useCallback(
    (articleId: string) => {
      const path = paths?.get(articleId) ?? '';
      return path === '' ? 'An article no longer in the corpus' : (titleForPath(path) ?? path);
    },
    [paths, titleForPath],
  );
}
