import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../shared/model/article';
import type { ArticleMetaRecord } from '../db/workbench-db';
import { libraryRows } from './library-rows';

function article(path: string, title: string, dateline?: string): ArticleSummary {
  return { path, format: 'text', size: 1, modifiedMs: 0, sha256: 'x', wordCount: 10, meta: { title, ...(dateline ? { dateline } : {}) }, warnings: [], readable: true };
}

const articles = [
  article('b/002.txt', 'Blinken calls Kagame over DR Congo tensions', '2023-06-20'),
  article('a/000.txt', 'President Paul Kagame spoke with Marco Rubio', '2025-01-29'),
  article('a/001.txt', 'Rubio and Ruto call for a ceasefire in Congo'),
];

describe('libraryRows', () => {
  it('sorts by title, path, and date with undated articles last', () => {
    const none = new Map<string, ArticleMetaRecord>();
    expect(libraryRows(articles, none, '', 'title').map((row) => row.summary.path)).toEqual(['b/002.txt', 'a/000.txt', 'a/001.txt']);
    expect(libraryRows(articles, none, '', 'path').map((row) => row.summary.path)).toEqual(['a/000.txt', 'a/001.txt', 'b/002.txt']);
    expect(libraryRows(articles, none, '', 'date').map((row) => row.summary.path)).toEqual(['a/000.txt', 'b/002.txt', 'a/001.txt']);
  });

  it('filters on every word, ignoring case and accents, and uses corrected titles', () => {
    const corrections = new Map<string, ArticleMetaRecord>([['a/001.txt', { path: 'a/001.txt', title: 'Appel au cessez-le-feu à Goma', updatedAt: 0 }]]);
    expect(libraryRows(articles, corrections, 'GOMA appel a', 'title').map((row) => row.title)).toEqual(['Appel au cessez-le-feu à Goma']);
    expect(libraryRows(articles, corrections, 'kagame', 'path').map((row) => row.summary.path)).toEqual(['a/000.txt', 'b/002.txt']);
  });

  it('filters by the workbench’s one search folding (compatibility forms too)', () => {
    const none = new Map<string, ArticleMetaRecord>();
    expect(libraryRows(articles, none, 'CEASEﬁRE', 'path').map((row) => row.summary.path)).toEqual(['a/001.txt']);
    expect(libraryRows(articles, none, 'ＫＡＧＡＭＥ marco', 'path').map((row) => row.summary.path)).toEqual(['a/000.txt']);
  });
});
