/**
 * Items grouped by article, articles in the order their title sorts (then by id), items in the
 * order given: what the mention list and the review queue show.
 */
export function groupByArticle<T>(items: readonly T[], articleOf: (item: T) => string, titleOf: (articleId: string) => string): Array<{ articleId: string; title: string; items: T[] }> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const id = articleOf(item);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = []));
    group.push(item);
  }
  return [...groups]
    .map(([articleId, grouped]) => ({ articleId, title: titleOf(articleId), items: grouped }))
    .sort((a, b) => a.title.localeCompare(b.title) || (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0));
}
