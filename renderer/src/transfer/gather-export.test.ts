import { describe, expect, it } from 'vitest';
import { createHostClient } from '../../../shared/contract/host-client';
import type { ProjectData } from '../../../shared/export/archive-schema';
import type { ArticleSummary, CorpusListing } from '../../../shared/model/article';
import { describeRange } from '../../../shared/anchoring/describe-range';
import type { AnnotationRecord } from '../../../shared/model/annotation';
import { AnnotationId, ArticleId, EntityId, EntityTypeId, LegendId } from '../../../shared/model/ids';
import { gatherExport, readablePaths, readTexts, type ExportRows } from './gather-export';

/** Two articles in the corpus, and a third registered one that is no longer there. */
const fixture = {
  articles: ['Kagame 👍🏽 met Rubio in Kigali.', 'M23 rebels captured Goma city on Sunday.'].map((text, i) => ({ id: ArticleId.parse(`a${i}`), path: `news/${i}.txt`, text })),
  entities: [{ id: EntityId.parse('e-kagame'), typeId: EntityTypeId.parse('person'), name: 'Paul Kagame', aliases: [], description: '', externalId: '', createdAt: 1, updatedAt: 1 }],
};
const GONE = ArticleId.parse('a-gone');
const row = (n: number, articleId: ArticleId, text: string): AnnotationRecord => ({
  id: AnnotationId.parse(`ann-${n}`), articleId, comment: '', target: describeRange(text, { start: 0, end: 6 }), anchor: { status: 'exact', start: 0, end: 6, confidence: 1 }, createdAt: n, updatedAt: n, kind: 'highlight', legendId: LegendId.parse('key-claim'),
});
const annotations = [row(1, fixture.articles[0]!.id, fixture.articles[0]!.text), row(2, fixture.articles[1]!.id, fixture.articles[1]!.text)];
const data: ProjectData = {
  articles: [...fixture.articles.map((article) => ({ id: article.id, path: article.path, sha256: '', createdAt: 1, updatedAt: 1 })), { id: GONE, path: 'gone.txt', sha256: '', createdAt: 1, updatedAt: 1 }],
  articleMeta: [], legend: [], entityTypes: [], entities: fixture.entities, annotations: [...annotations, row(3, GONE, 'Gone for good.')], rejectedHits: [], notes: [],
};
const summary = (path: string): ArticleSummary => ({ path, format: 'text', size: 1, modifiedMs: 1, sha256: '', wordCount: 1, meta: { title: path }, warnings: [], readable: true });
const listing: CorpusListing = { root: '/corpus', name: 'corpus', articles: fixture.articles.map((article) => summary(article.path)), warnings: [] };

/** A host that answers `corpus.readTexts` with the fixture's texts. */
const client = createHostClient({
  send: async (_name, raw) => {
    const { paths } = raw as { paths: string[] };
    return { ok: true, value: { articles: paths.map((path) => ({ path, text: fixture.articles.find((article) => article.path === path)?.text ?? null, meta: { title: `Title of ${path}` } })) } };
  },
  listen: () => () => {},
});

/** The rows an export reads when its workers read the annotations: all but those, and which articles have some. */
const butAnnotations: ExportRows = { data: { ...data, annotations: [] }, annotated: new Set(data.annotations.map((row) => row.articleId)) };

describe('gatherExport', () => {
  it('gives a whole project every annotation of the articles it holds, and names the registered article it could not read', async () => {
    const gathered = await gatherExport(client, listing, { data }, { kind: 'project' });
    expect(gathered.missing).toEqual(['gone.txt']);
    expect(gathered.input.articles.map((article) => article.path)).toEqual(fixture.articles.map((article) => article.path));
    expect(gathered.input.annotations).toEqual(annotations);
  });

  it('leaves the annotations to the workers when they read them, and still names what is missing', async () => {
    const full = await gatherExport(client, listing, { data }, { kind: 'project' });
    const left = await gatherExport(client, listing, Promise.resolve(butAnnotations), { kind: 'project' });
    expect(left.missing).toEqual(full.missing);
    expect(left.input).toEqual({ ...full.input, annotations: [] });
    const chosen = { kind: 'articles', paths: [fixture.articles[0]!.path] } as const;
    expect((await gatherExport(client, listing, butAnnotations, chosen)).input).toEqual({ ...(await gatherExport(client, listing, { data }, chosen)).input, annotations: [] });
  });

  it('refuses to leave the annotations of one entity or of the notebook to the workers: those it filters itself', async () => {
    await expect(gatherExport(client, listing, butAnnotations, { kind: 'entity', entityId: fixture.entities[0]!.id })).rejects.toThrow(/one entity needs the annotations/);
    await expect(gatherExport(client, listing, butAnnotations, { kind: 'notebook' })).rejects.toThrow(/the notebook needs the annotations/);
  });

  it('takes the texts read ahead (every readable article) instead of asking main, with the same input for every scope', async () => {
    const ahead = readTexts(client, readablePaths(listing));
    const asking = createHostClient({ send: async () => ({ ok: false, error: { code: 'internal', message: 'main was asked' } }), listen: () => () => {} });
    const scopes = [{ kind: 'project' }, { kind: 'articles', paths: [fixture.articles[1]!.path] }, { kind: 'entity', entityId: fixture.entities[0]!.id }, { kind: 'notebook' }] as const;
    for (const scope of scopes) {
      expect(await gatherExport(asking, listing, { data }, scope, ahead)).toEqual(await gatherExport(client, listing, { data }, scope));
    }
  });
});
