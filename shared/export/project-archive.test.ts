import { describe, expect, it } from 'vitest';
import { annotations, entities, entityTypes, legend, notes, orphan } from '../../test-support/export-fixture';
import { rejectedHitId } from '../model/annotation';
import { ArticleId, EntityId } from '../model/ids';
import { ARCHIVE_FORMAT_VERSION, type ProjectData } from './archive-schema';
import { ArchiveProblem, canonicalJson, parseProjectArchive, toProjectArchive } from './project-archive';

const data: ProjectData = {
  articles: [
    { id: ArticleId.parse('a2'), path: '001_49124f787c8de1cf.txt', sha256: 'bb', createdAt: 1, updatedAt: 2 },
    { id: ArticleId.parse('a1'), path: '000_f9a0009864046443.txt', sha256: 'aa', createdAt: 1, updatedAt: 2 },
    { id: ArticleId.parse('a3'), path: '002_5c9336af2132081a.txt', sha256: 'cc', createdAt: 1, updatedAt: 2 },
    { id: ArticleId.parse('a-rtl'), path: 'intl/emoji rtl.txt', sha256: 'dd', createdAt: 1, updatedAt: 2 },
  ],
  articleMeta: [{ path: '000_f9a0009864046443.txt', articleId: ArticleId.parse('a1'), title: 'Kagame and Rubio 👍🏽', updatedAt: 3 }],
  legend,
  entityTypes,
  entities,
  annotations: [orphan, ...annotations].reverse(),
  rejectedHits: [{ id: rejectedHitId(EntityId.parse('e-rubio'), ArticleId.parse('a2'), 0, 5), entityId: EntityId.parse('e-rubio'), articleId: ArticleId.parse('a2'), start: 0, end: 5, quote: 'U.S. ', createdAt: 4 }],
  notes,
};

function expectProblem(text: string, code: ArchiveProblem['code'], message: RegExp): void {
  try {
    parseProjectArchive(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ArchiveProblem);
    expect((error as ArchiveProblem).code).toBe(code);
    expect((error as ArchiveProblem).message).toMatch(message);
    return;
  }
  throw new Error('expected the archive to be refused');
}

describe('project archive', () => {
  const text = toProjectArchive(data);

  it('is versioned, lists every table, one row per line sorted by key, with no timestamp of its own', () => {
    const lines = text.split('\n');
    expect(lines.slice(0, 5)).toEqual(['{', '"format":"research-workbench-archive",', `"formatVersion":${ARCHIVE_FORMAT_VERSION},`, '"articles":[', expect.stringMatching(/^\{"createdAt":1,"id":"a-rtl",/)]);
    expect(lines.filter((line) => /^"\w+":\[/.test(line)).map((line) => line.slice(1, line.indexOf('"', 1)))).toEqual(['articles', 'articleMeta', 'legend', 'entityTypes', 'entities', 'annotations', 'rejectedHits', 'notes']);
    expect(lines.filter((line) => line.startsWith('{"anchor"'))).toHaveLength(12);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('reads back everything it wrote, and writes it again byte for byte whatever the order of rows and keys', () => {
    const back = parseProjectArchive(text);
    const shuffled: ProjectData = {
      ...back,
      annotations: [...back.annotations].reverse().map((row) => JSON.parse(canonicalJson(row)) as typeof row),
      legend: back.legend.map(({ order, shortcut, color, name, id }) => ({ order, shortcut, color, name, id })),
    };
    expect(toProjectArchive(shuffled)).toBe(text);
    expect(back.annotations.map((a) => a.id).sort()).toEqual(data.annotations.map((a) => a.id).sort());
    expect(back.notes.find((n) => n.id === 'n-page-1')?.content).toBe(notes[0]?.content);
    expect(back.articleMeta[0]?.title).toBe('Kagame and Rubio 👍🏽');
  });

  it('refuses an archive from a newer version, saying which', () => {
    expectProblem(text.replace(`"formatVersion":${ARCHIVE_FORMAT_VERSION}`, '"formatVersion":99'), 'newer-version', /newer version of the app \(format 99; this version reads up to 1\)/);
  });

  it('tells a truncated file from a malformed one, and either from an empty file or another JSON file', () => {
    expectProblem(text.slice(0, Math.floor(text.length / 2)), 'truncated', /ends too early/);
    expectProblem(text.replace('"articles":[', '"articles":[,'), 'malformed', /not valid JSON/);
    expectProblem('  ', 'empty', /empty/);
    expectProblem('{"hello":"world"}', 'not-an-archive', /not a Research Workbench project archive/);
  });

  it('names the invalid row', () => {
    expectProblem(text.replace('"color":"#f5d90a"', '"color":"yellow"'), 'invalid-row', /legend\[1\]\.color: must be a colour written #rrggbb/);
    // Annotations are checked by a fast path first; a bad one is still worded by zod, at its place.
    const lines = text.split('\n');
    const at = lines.findIndex((line) => line.startsWith('{"anchor"')) + 2;
    lines[at] = (lines[at] ?? '').replace(/"end":(\d+)/, '"end":0');
    expectProblem(lines.join('\n'), 'invalid-row', /annotations\[2\]\.anchor: end must be after start/);
    expectProblem(text.replace('"kind":"mention"', '"kind":"comment"'), 'invalid-row', /annotations\[\d+\]\.kind/);
  });

  it('reads an annotation with a key it does not know, dropping that key as it always did', () => {
    const extra = text.replace('{"anchor"', '{"later":true,"anchor"');
    const back = parseProjectArchive(extra);
    expect(back.annotations.some((row) => 'later' in row)).toBe(false);
    expect(toProjectArchive(back)).toBe(text);
  });

  it('refuses duplicate ids and references to what the archive does not hold', () => {
    const duplicated = toProjectArchive({ ...data, entities: [...entities, { ...entities[0]!, name: 'Another' }] });
    expectProblem(duplicated, 'duplicate-id', /two entities rows with the id "e-kagame"/);
    const unknownArticle = toProjectArchive({ ...data, articles: data.articles.filter((a) => a.id !== 'a-rtl') });
    expectProblem(unknownArticle, 'unknown-reference', /refers to the article "a-rtl"/);
    const unknownEntity = toProjectArchive({ ...data, entities: entities.filter((e) => e.id !== 'e-goma') });
    expectProblem(unknownEntity, 'unknown-reference', /Mention ann-03 refers to the entity "e-goma"/);
  });
});
