import { useEffect, useState } from 'react';
import type { ArticleSummary } from '../../../shared/model/article';
import type { ArticleId } from '../../../shared/model/ids';
import { useAppServices } from '../app/app-services';
import { resolveArticleId } from '../db/article-registry';

/**
 * The article's stable id in the registry (path and content hash are only hints), so a file
 * renamed or moved keeps its highlights.
 */
export function useArticleId(summary: ArticleSummary | null, livePaths: ReadonlySet<string>): ArticleId | null {
  const { db } = useAppServices();
  const [articleId, setArticleId] = useState<ArticleId | null>(null);
  const path = summary?.readable ? summary.path : null;
  const sha256 = summary?.sha256 ?? '';
  useEffect(() => {
    if (!path) {
      setArticleId(null);
      return;
    }
    let cancelled = false;
    resolveArticleId(db, { path, sha256 }, livePaths)
      .then((id) => !cancelled && setArticleId(id))
      .catch((error: unknown) => console.error(`Could not register ${path}`, error));
    return () => {
      cancelled = true;
    };
    // livePaths only matters for the first resolution of a path; it changes on every listing update.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, path, sha256]);
  return articleId;
}
