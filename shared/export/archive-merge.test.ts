import { describe, expect, it } from 'vitest';
import { annotations, entities, entityTypes, legend, notes } from '../../test-support/export-fixture';
import { ArticleId } from '../model/ids';
import { planImport, describeImportPlan } from './archive-merge';
import { ARCHIVE_FORMAT_NAME, ARCHIVE_FORMAT_VERSION, type ProjectArchive, type ProjectData } from './archive-schema';

const archive: ProjectArchive = {
  format: ARCHIVE_FORMAT_NAME,
  formatVersion: ARCHIVE_FORMAT_VERSION,
  articles: ['a1', 'a2', 'a-rtl'].map((id, i) => ({ id: ArticleId.parse(id), path: `p${i}.txt`, sha256: '', createdAt: 1, updatedAt: 1 })),
  articleMeta: [{ path: 'p0.txt', articleId: ArticleId.parse('a1'), title: 'T', updatedAt: 1 }],
  legend,
  entityTypes,
  entities,
  annotations: annotations.filter((a) => a.articleId !== 'a3'),
  rejectedHits: [],
  notes,
};

const empty: ProjectData = { articles: [], articleMeta: [], legend: [], entityTypes: [], entities: [], annotations: [], rejectedHits: [], notes: [] };

describe('planning an import', () => {
  it('replaces the whole project with the archive', () => {
    const plan = planImport({ ...empty, legend: [{ ...legend[0]!, color: '#000000' }] }, archive, 'replace');
    expect(plan.rows.legend).toBe(archive.legend);
    expect(plan.added.annotations).toBe(archive.annotations.length);
    expect(plan.conflicts).toEqual([]);
  });

  it('merges: adds what is new, skips what is identical, keeps this project\'s version of what differs', () => {
    const current: ProjectData = { ...empty, legend: [legend[0]!, { ...legend[1]!, color: '#000000' }], entities: [entities[0]!], annotations: [annotations[0]!] };
    const plan = planImport(current, archive, 'merge');
    expect(plan.rows.legend).toEqual([]);
    expect(plan.skipped.legend).toBe(1);
    expect(plan.conflicts).toEqual([{ table: 'legend', key: 'default-evidence' }]);
    expect(plan.rows.entities.map((e) => e.id)).toEqual(['e-rubio', 'e-goma']);
    expect(plan.rows.annotations).toHaveLength(archive.annotations.length - 1);
    expect(describeImportPlan(plan)).toBe(`${archive.annotations.length - 1} annotations, 2 entities, 2 notes added (${plan.rows.articles.length + 1 + 2 + 2 + archive.annotations.length - 1 + 2} rows in all); 3 already present; 1 conflicting (kept this project's version)`);
  });

  it('re-points the rows of an article this project knows at the same path under another id', () => {
    const current: ProjectData = { ...empty, articles: [{ id: ArticleId.parse('mine'), path: 'p0.txt', sha256: '', createdAt: 5, updatedAt: 5 }] };
    const plan = planImport(current, archive, 'merge');
    expect(plan.matchedByPath).toBe(1);
    expect(plan.rows.articles.map((a) => a.id)).toEqual(['a2', 'a-rtl']);
    expect(plan.rows.annotations.filter((a) => a.articleId === 'a1')).toEqual([]);
    expect(plan.rows.annotations.filter((a) => a.articleId === 'mine')).toHaveLength(annotations.filter((a) => a.articleId === 'a1').length);
    expect(plan.rows.articleMeta[0]?.articleId).toBe('mine');
    const page = plan.rows.notes.find((n) => n.id === 'n-page-1');
    expect(page?.citedArticleIds).toEqual(['mine']);
    expect(page?.content).toContain('"articleId":"mine"');
    expect(page?.content).not.toContain('"articleId":"a1"');
  });
});
