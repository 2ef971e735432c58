import type { CorpusChange, CorpusListing } from '../../../shared/model/article';

/** The listing after one change reported by main's watcher. */
export function applyCorpusChange(listing: CorpusListing, change: CorpusChange): CorpusListing {
  const without = (path: string) => listing.articles.filter((article) => article.path !== path);
  switch (change.kind) {
    case 'root-missing':
      return { ...listing, warnings: [{ code: 'unreadable', message: `The corpus folder "${listing.root}" no longer exists` }] };
    case 'removed':
      return { ...listing, articles: without(change.path) };
    case 'renamed': {
      const articles = listing.articles.filter((article) => article.path !== change.from && article.path !== change.path);
      return { ...listing, articles: change.summary ? sortByPath([...articles, change.summary]) : articles };
    }
    case 'added':
    case 'changed':
      return change.summary ? { ...listing, articles: sortByPath([...without(change.path), change.summary]) } : listing;
  }
}

function sortByPath<T extends { path: string }>(articles: T[]): T[] {
  return articles.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
