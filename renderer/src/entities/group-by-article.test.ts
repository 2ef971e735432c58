import { describe, expect, it } from 'vitest';
import { groupByArticle } from './group-by-article';

describe('groupByArticle', () => {
  it('groups items by article, articles by title, items in their given order', () => {
    const titles: Record<string, string> = { a: 'United States’ State Secretary Antony Blinken', b: 'President Paul Kagame on Wednesday' };
    const groups = groupByArticle(
      [
        { article: 'a', at: 1 },
        { article: 'b', at: 9 },
        { article: 'a', at: 5 },
      ],
      (item) => item.article,
      (id) => titles[id] ?? id,
    );
    expect(groups).toEqual([
      { articleId: 'b', title: 'President Paul Kagame on Wednesday', items: [{ article: 'b', at: 9 }] },
      { articleId: 'a', title: 'United States’ State Secretary Antony Blinken', items: [{ article: 'a', at: 1 }, { article: 'a', at: 5 }] },
    ]);
  });
});
