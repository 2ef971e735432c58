import { describe, expect, it } from 'vitest';
import type { ProjectData } from './archive-schema';
import { describeRange } from '../anchoring/describe-range';
import type { AnnotationRecord } from '../model/annotation';
import { AnnotationId, ArticleId, EntityId, EntityTypeId, LegendId } from '../model/ids';
import { effectiveMetadata, pathsToRead, selectExport, type ArticleText } from './export-selection';

/** Two articles in the corpus, and a third registered one that is no longer there. */
const fixture = {
  articles: ['Kagame 👍🏽 met Rubio in Kigali.', 'M23 rebels captured Goma city on Sunday.'].map((text, i) => ({ id: ArticleId.parse(`a${i}`), path: `news/${i}.txt`, text })),
  entities: [{ id: EntityId.parse('e-kagame'), typeId: EntityTypeId.parse('person'), name: 'Paul Kagame', aliases: [], description: '', externalId: '', createdAt: 1, updatedAt: 1 }],
};
const GONE = ArticleId.parse('a-gone');
const highlight = (n: number, articleId: ArticleId, text: string): AnnotationRecord => ({
  id: AnnotationId.parse(`ann-${n}`), articleId, comment: '', target: describeRange(text, { start: 0, end: 6 }), anchor: { status: 'exact', start: 0, end: 6, confidence: 1 }, createdAt: n, updatedAt: n, kind: 'highlight', legendId: LegendId.parse('key-claim'),
});
const mention = (n: number, articleId: ArticleId, text: string): AnnotationRecord => ({ ...highlight(n, articleId, text), kind: 'mention', entityId: fixture.entities[0]!.id }) as AnnotationRecord;
const first = fixture.articles[0]!;
const second = fixture.articles[1]!;
const annotations = [highlight(1, first.id, first.text), mention(2, second.id, second.text)];
const data: ProjectData = {
  articles: [...fixture.articles.map((article) => ({ id: article.id, path: article.path, sha256: '', createdAt: 1, updatedAt: 1 })), { id: GONE, path: 'gone.txt', sha256: '', createdAt: 1, updatedAt: 1 }],
  articleMeta: [{ path: second.path, title: 'Goma falls', updatedAt: 2 }],
  legend: [], entityTypes: [], entities: fixture.entities,
  annotations: [...annotations, mention(3, GONE, 'Gone for good.')],
  rejectedHits: [],
  notes: [
    { id: 'n-page', kind: 'page', title: 'On Goma', state: {}, citedArticleIds: [second.id], citedEntityIds: [], createdAt: 1, updatedAt: 1 },
    { id: 'n-kagame', kind: 'page', title: 'On Kagame', state: {}, citedArticleIds: [], citedEntityIds: [fixture.entities[0]!.id], createdAt: 1, updatedAt: 1 },
  ] as unknown as ProjectData['notes'],
};
const texts: ArticleText[] = [...fixture.articles.map((article) => ({ path: article.path, text: article.text, meta: { title: `Title of ${article.path}`, byline: 'By Jane Doe' } })), { path: 'unreadable.txt', text: null, meta: null }];
const paths = (input: { articles: ReadonlyArray<{ path: string }> }) => input.articles.map((article) => article.path);

describe('selectExport', () => {
  it('gives a whole project every annotation of the articles it holds, and names the registered article it could not read', () => {
    const selected = selectExport(data, 'corpus', texts, { kind: 'project' });
    expect(selected.missing).toEqual(['gone.txt']);
    expect(paths(selected.input)).toEqual([first.path, second.path]);
    expect(selected.input.annotations).toEqual(annotations);
    expect(selected.input.notes).toHaveLength(2);
    expect(selected.input.projectName).toBe('corpus');
  });

  it('shows the user’s corrections over the derived metadata', () => {
    const [one, two] = selectExport(data, 'corpus', texts, { kind: 'project' }).input.articles;
    expect(one?.meta).toEqual({ title: `Title of ${first.path}`, source: '', author: 'Jane Doe', date: '', url: '' });
    expect(two?.meta.title).toBe('Goma falls');
  });

  it('keeps to chosen articles, with the notebook pages that cite them, and promises nothing about the rest', () => {
    const selected = selectExport(data, 'corpus', texts, { kind: 'articles', paths: [second.path] });
    expect(paths(selected.input)).toEqual([second.path]);
    expect(selected.input.annotations.map((row) => row.id)).toEqual(['ann-2']);
    expect(selected.input.notes.map((note) => note.id)).toEqual(['n-page']);
    expect(selected.missing).toEqual([]);
  });

  it('keeps to one entity: its mentions, their articles, the notes citing it, and names its mentions’ missing article', () => {
    const selected = selectExport(data, 'corpus', texts, { kind: 'entity', entityId: fixture.entities[0]!.id });
    expect(paths(selected.input)).toEqual([second.path]);
    expect(selected.input.annotations.map((row) => row.id)).toEqual(['ann-2']);
    expect(selected.input.notes.map((note) => note.id)).toEqual(['n-kagame']);
    expect(selected.missing).toEqual(['gone.txt']);
  });

  it('gives the notebook alone no article and no annotation', () => {
    const selected = selectExport(data, 'corpus', texts, { kind: 'notebook' });
    expect(selected.input.articles).toEqual([]);
    expect(selected.input.annotations).toEqual([]);
    expect(selected.input.notes).toHaveLength(2);
  });
});

describe('pathsToRead', () => {
  it('reads every readable article but for chosen articles (those) and the notebook (none)', () => {
    const readable = ['a.txt', 'b.txt', 'c.txt'];
    expect(pathsToRead(readable, { kind: 'project' })).toEqual(readable);
    expect(pathsToRead(readable, { kind: 'entity', entityId: EntityId.parse('e') })).toEqual(readable);
    expect(pathsToRead(readable, { kind: 'articles', paths: ['c.txt', 'gone.txt', 'a.txt'] })).toEqual(['a.txt', 'c.txt']);
    expect(pathsToRead(readable, { kind: 'notebook' })).toEqual([]);
  });
});

describe('effectiveMetadata', () => {
  it('takes each corrected field over the derived one, and the byline without its "By"', () => {
    expect(effectiveMetadata({ title: 'T', byline: 'by Ann', dateline: 'Jan 1', source: 'AP' }, undefined)).toEqual({ title: 'T', source: 'AP', author: 'Ann', date: 'Jan 1', url: '' });
    expect(effectiveMetadata({ title: 'T' }, { title: 'Mine', url: 'https://example.org' })).toEqual({ title: 'Mine', source: '', author: '', date: '', url: 'https://example.org' });
  });
});
