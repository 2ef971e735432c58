import { useEffect, useState } from 'react';
import type { ArticleContent, CorpusChange } from '../../../shared/model/article';
import { useAppServices } from '../app/app-services';

export type ArticleLoad =
  | { state: 'empty' }
  | { state: 'loading' }
  | { state: 'loaded'; content: ArticleContent }
  | { state: 'error'; message: string };

/**
 * Loads one article's content, and loads it again when main reports that its file changed on
 * disk, so the pane follows edits without a restart.
 */
export function useArticleContent(path: string | null, lastChange: CorpusChange | null): ArticleLoad {
  const { client } = useAppServices();
  const [load, setLoad] = useState<ArticleLoad>({ state: path ? 'loading' : 'empty' });
  const changedHere = lastChange && lastChange.path === path ? lastChange : null;

  useEffect(() => {
    if (!path) {
      setLoad({ state: 'empty' });
      return;
    }
    if (changedHere?.kind === 'removed') {
      setLoad({ state: 'error', message: 'This article was removed from the corpus folder.' });
      return;
    }
    let cancelled = false;
    setLoad((current) => (current.state === 'loaded' && current.content.summary.path === path ? current : { state: 'loading' }));
    void client.request('corpus.read', { path }).then((result) => {
      if (cancelled) return;
      setLoad(result.ok ? { state: 'loaded', content: result.value } : { state: 'error', message: result.error.message });
    });
    return () => {
      cancelled = true;
    };
  }, [client, path, changedHere]);

  return load;
}
