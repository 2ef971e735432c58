import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationRecord, HighlightRecord, MentionRecord } from '../../../shared/model/annotation';
import { AnnotationId, ArticleId, EntityId, LegendId } from '../../../shared/model/ids';
import { buildPack, idOfRow, PACK_SIZE } from './annotation-pack';
import {
  addAnnotations,
  allAnnotationIds,
  annotationRowById,
  annotationRowsByIds,
  annotationRowsOfArticle,
  deleteAnnotations,
  DuplicateAnnotationError,
  getAnnotation,
  mentionRowsOfEntity,
  putAnnotations,
  rewriteAnnotations,
  storedAnnotationIds,
  writeAnnotationChanges,
} from './annotation-packs';
import { exactPlace, storedAnnotationRows, writeRawAnnotationRows } from './annotation-rows-for-tests';
import { loadAnnotations } from './annotation-store';
import { WorkbenchDb } from './workbench-db';

/*
 * Passages of corpus/000_f9a0009864046443.txt (Kagame and Rubio on a ceasefire) and of
 * corpus/001_49124f787c8de1cf.txt, in code points; which article holds what is what matters here.
 */
const KAGAME_ARTICLE = ArticleId.parse('000-kagame-rubio');
const RUTO_ARTICLE = ArticleId.parse('001-ruto');
const KEY_CLAIM = LegendId.parse('default-key-claim');
const EVIDENCE = LegendId.parse('default-evidence');
const KAGAME = EntityId.parse('entity-kagame');
const M23 = EntityId.parse('entity-m23');

function highlight(id: string, articleId: ArticleId, exact: string, start: number): HighlightRecord {
  return { id: AnnotationId.parse(id), articleId, kind: 'highlight', legendId: KEY_CLAIM, comment: '', ...exactPlace(exact, start), createdAt: 1, updatedAt: 1 };
}

function mention(id: string, articleId: ArticleId, entityId: EntityId, exact: string, start: number): MentionRecord {
  return { id: AnnotationId.parse(id), articleId, kind: 'mention', entityId, comment: '', ...exactPlace(exact, start), createdAt: 1, updatedAt: 1 };
}

const goma = highlight('goma', KAGAME_ARTICLE, 'M23 rebels captured Goma city on Sunday', 177);
const ceasefire = highlight('ceasefire', KAGAME_ARTICLE, 'need to ensure a ceasefire', 122);
const president = mention('president', KAGAME_ARTICLE, KAGAME, 'President Paul Kagame', 0);
const m23 = mention('m23', KAGAME_ARTICLE, M23, 'M23', 177);
const ruto = highlight('ruto', RUTO_ARTICLE, 'President William Ruto', 0);
const kagameInNairobi = mention('kagame-in-nairobi', RUTO_ARTICLE, KAGAME, 'Kagame', 40);

let db: WorkbenchDb;

beforeEach(() => {
  db = new WorkbenchDb('annotation-packs-test', { indexedDB, IDBKeyRange });
});

afterEach(async () => {
  await db.delete();
});

/** Every pack as stored, with what its derived ids must be recomputed from its annotations. */
async function packsAndTheirDerivedIds() {
  const packs = await db.annotationPacks.toArray();
  return {
    stored: packs.map(({ articleId, chunk, annotationIds, entityIds }) => ({ articleId, chunk, annotationIds, entityIds })),
    derived: packs.map(({ articleId, chunk, annotations }) => {
      const { annotationIds, entityIds } = buildPack(articleId, chunk, [...annotations]);
      return { articleId, chunk, annotationIds, entityIds };
    }),
  };
}

describe('reading and writing annotations across articles', () => {
  it('stores each annotation in its article’s pack and finds it by id, by ids and by article', async () => {
    await putAnnotations(db, [goma, ruto, president]);
    await putAnnotations(db, [ceasefire]);

    expect(await db.annotationPacks.toArray()).toEqual([
      { articleId: KAGAME_ARTICLE, chunk: 0, annotations: [ceasefire, goma, president], annotationIds: ['ceasefire', 'goma', 'president'], entityIds: [KAGAME] },
      { articleId: RUTO_ARTICLE, chunk: 0, annotations: [ruto], annotationIds: ['ruto'], entityIds: [] },
    ]);
    expect(await getAnnotation(db, goma.id)).toEqual(goma);
    expect(await getAnnotation(db, AnnotationId.parse('missing'))).toBeUndefined();
    expect(await annotationRowsByIds(db, [ruto.id, AnnotationId.parse('missing'), president.id, ruto.id])).toEqual([ruto, undefined, president, ruto]);
    expect(await annotationRowsByIds(db, [])).toEqual([]);
    expect(await annotationRowsOfArticle(db, KAGAME_ARTICLE)).toEqual([ceasefire, goma, president]);
    expect(await annotationRowsOfArticle(db, ArticleId.parse('never-annotated'))).toEqual([]);
    expect(await storedAnnotationIds(db, [goma.id, AnnotationId.parse('missing'), ruto.id])).toEqual(new Set(['goma', 'ruto']));
    expect((await allAnnotationIds(db)).sort()).toEqual(['ceasefire', 'goma', 'president', 'ruto']);
  });

  it('replaces an annotation in place, and deletes across articles, dropping a pack left empty', async () => {
    await putAnnotations(db, [goma, ceasefire, ruto]);
    const recoloured = { ...goma, legendId: EVIDENCE, updatedAt: 2 };
    await putAnnotations(db, [recoloured]);
    expect(await annotationRowsOfArticle(db, KAGAME_ARTICLE)).toEqual([ceasefire, recoloured]);

    await deleteAnnotations(db, [ceasefire.id, ruto.id, AnnotationId.parse('missing')]);
    expect(await storedAnnotationRows(db)).toEqual([recoloured]);
    expect(await db.annotationPacks.toCollection().primaryKeys()).toEqual([[KAGAME_ARTICLE, 0]]);
    await deleteAnnotations(db, [goma.id]);
    await deleteAnnotations(db, [goma.id]);
    expect(await db.annotationPacks.count()).toBe(0);
  });

  it('moves an annotation whose article changed out of its old pack', async () => {
    await putAnnotations(db, [goma, ceasefire]);
    const moved = { ...goma, articleId: RUTO_ARTICLE };
    await putAnnotations(db, [moved]);
    expect(await annotationRowsOfArticle(db, KAGAME_ARTICLE)).toEqual([ceasefire]);
    expect(await annotationRowsOfArticle(db, RUTO_ARTICLE)).toEqual([moved]);
    expect(await getAnnotation(db, goma.id)).toEqual(moved);
    expect(await storedAnnotationRows(db)).toEqual([ceasefire, moved]);
  });

  it('deletes then puts in one pass, as undo and redo of entity changes write', async () => {
    await putAnnotations(db, [president, m23, kagameInNairobi]);
    const renamed = { ...m23, entityId: KAGAME, updatedAt: 2 };
    await writeAnnotationChanges(db, { delete: [president.id, kagameInNairobi.id], put: [renamed] });
    expect(await storedAnnotationRows(db)).toEqual([renamed]);
    await writeAnnotationChanges(db, {});
    expect(await storedAnnotationRows(db)).toEqual([renamed]);
  });
});

describe('adding annotations', () => {
  it('refuses an id already stored, or given twice, and writes nothing', async () => {
    await putAnnotations(db, [goma]);
    const again = { ...goma, comment: 'a second highlight with the same id' };
    await expect(addAnnotations(db, [ruto, again])).rejects.toThrow(new DuplicateAnnotationError('An annotation with id “goma” already exists'));
    await expect(addAnnotations(db, [ruto, { ...ruto, articleId: KAGAME_ARTICLE }])).rejects.toThrow(DuplicateAnnotationError);
    expect(await storedAnnotationRows(db)).toEqual([goma]);
  });

  it('appends to the packs already stored, keeping them in id order', async () => {
    await putAnnotations(db, [goma]);
    await addAnnotations(db, [president, ruto, ceasefire]);
    expect(await annotationRowsOfArticle(db, KAGAME_ARTICLE)).toEqual([ceasefire, goma, president]);
    expect(await annotationRowsOfArticle(db, RUTO_ARTICLE)).toEqual([ruto]);
  });
});

describe('mentions of an entity', () => {
  it('are found in every article that names the entity, and follow retagging and deletion', async () => {
    await putAnnotations(db, [goma, president, m23, ruto, kagameInNairobi]);
    expect(await mentionRowsOfEntity(db, KAGAME)).toEqual([kagameInNairobi, president]);
    expect(await mentionRowsOfEntity(db, M23)).toEqual([m23]);

    await putAnnotations(db, [{ ...m23, entityId: KAGAME }]);
    expect(await mentionRowsOfEntity(db, M23)).toEqual([]);
    expect(await db.annotationPacks.where('entityIds').equals(M23).count()).toBe(0);

    await deleteAnnotations(db, [kagameInNairobi.id]);
    expect((await mentionRowsOfEntity(db, KAGAME)).map(idOfRow)).toEqual(['m23', 'president']);
    expect(await db.annotationPacks.where('entityIds').equals(KAGAME).primaryKeys()).toEqual([[KAGAME_ARTICLE, 0]]);
  });
});

describe('articles with more annotations than a pack holds', () => {
  /** Highlights numbered so that their ids sort as their numbers do. */
  const many = (count: number, from = 0) => Array.from({ length: count }, (_, i) => highlight(`h${String(from + i).padStart(4, '0')}`, KAGAME_ARTICLE, 'Goma', 200 + i));
  const chunksOf = async () => (await db.annotationPacks.toArray()).map((pack) => [pack.chunk, pack.annotations.length]);

  it('fill the article’s last pack, then open a new one, and still read as one article in id order', async () => {
    const first = many(PACK_SIZE + 20);
    await addAnnotations(db, first);
    expect(await chunksOf()).toEqual([[0, PACK_SIZE], [1, 20]]);

    const created = highlight('a-created-later', KAGAME_ARTICLE, 'ceasefire', 140);
    await putAnnotations(db, [created]);
    expect(await chunksOf()).toEqual([[0, PACK_SIZE], [1, 21]]);
    expect(await annotationRowsOfArticle(db, KAGAME_ARTICLE)).toEqual([created, ...first]);

    await putAnnotations(db, many(PACK_SIZE - 21, PACK_SIZE + 20));
    await putAnnotations(db, [highlight('z-one-too-many', KAGAME_ARTICLE, 'Goma', 177)]);
    expect(await chunksOf()).toEqual([[0, PACK_SIZE], [1, PACK_SIZE], [2, 1]]);
  });

  it('edit and delete an annotation in the pack that holds it, whichever it is', async () => {
    const rows = many(PACK_SIZE + 5);
    await addAnnotations(db, rows);
    const early = rows[3]!;
    await putAnnotations(db, [{ ...early, comment: 'edited' }]);
    expect((await db.annotationPacks.get([KAGAME_ARTICLE, 0]))?.annotations[3]).toEqual({ ...early, comment: 'edited' });
    await deleteAnnotations(db, rows.slice(0, PACK_SIZE).map((row) => row.id));
    expect(await chunksOf()).toEqual([[1, 5]]);
    // The emptied first pack is gone; new annotations still go after the last one.
    await putAnnotations(db, [ceasefire]);
    expect(await chunksOf()).toEqual([[1, 6]]);
    expect(await getAnnotation(db, ceasefire.id)).toEqual(ceasefire);
  });
});

describe('derived ids', () => {
  it('stay those of the annotations through every kind of write', async () => {
    await addAnnotations(db, [goma, ceasefire, president, m23, ruto, kagameInNairobi]);
    await putAnnotations(db, [{ ...president, entityId: M23 }, { ...ruto, articleId: KAGAME_ARTICLE }]);
    await deleteAnnotations(db, [m23.id]);
    await rewriteAnnotations(db, 'all', (row) => ({ ...(row as AnnotationRecord), comment: 'seen' }));
    await writeAnnotationChanges(db, { delete: [goma.id], put: [{ ...m23, articleId: RUTO_ARTICLE }] });

    const { stored, derived } = await packsAndTheirDerivedIds();
    expect(stored).toEqual(derived);
    expect(stored).toEqual([
      { articleId: KAGAME_ARTICLE, chunk: 0, annotationIds: ['ceasefire', 'president', 'ruto'], entityIds: [M23] },
      { articleId: RUTO_ARTICLE, chunk: 0, annotationIds: ['kagame-in-nairobi', 'm23'], entityIds: [KAGAME, M23] },
    ]);
  });
});

describe('rewriting annotations in place', () => {
  it('rewrites the rows asked for, returns their ids, and refuses to change an id or an article', async () => {
    await putAnnotations(db, [goma, ceasefire, ruto]);
    const rewritten = await rewriteAnnotations(db, [goma.id, ruto.id, AnnotationId.parse('missing')], (row) => ({ ...(row as HighlightRecord), legendId: EVIDENCE }));
    expect(rewritten.sort()).toEqual(['goma', 'ruto']);
    expect(await storedAnnotationRows(db)).toEqual([ceasefire, { ...goma, legendId: EVIDENCE }, { ...ruto, legendId: EVIDENCE }]);
    expect(await rewriteAnnotations(db, 'all', () => undefined)).toEqual([]);

    await expect(rewriteAnnotations(db, [goma.id], (row) => ({ ...(row as HighlightRecord), articleId: RUTO_ARTICLE }))).rejects.toThrow('may not change the id or the article of annotation “goma”');
    expect(await getAnnotation(db, goma.id)).toEqual({ ...goma, legendId: EVIDENCE });
  });
});

describe('key order of stored rows', () => {
  it('stores put, added and rewritten rows with their keys in the archive’s order, so exporting needs no sorted copy', async () => {
    const inOrder = (value: unknown): boolean => {
      if (value === null || typeof value !== 'object') return true;
      if (Array.isArray(value)) return value.every(inOrder);
      const keys = Object.keys(value);
      return keys.every((key, i) => i === 0 || (keys[i - 1] as string) < key) && Object.values(value).every(inOrder);
    };
    expect(inOrder(goma)).toBe(false);
    await putAnnotations(db, [goma]);
    await addAnnotations(db, [ruto]);
    // A rewrite that gives its keys in another order still stores them in the archive's.
    await rewriteAnnotations(db, [ceasefire.id, goma.id], (row) => Object.fromEntries(Object.entries(row as HighlightRecord).reverse()));
    const rows = await storedAnnotationRows(db);
    expect(rows).toEqual([goma, ruto]);
    expect(rows.every(inOrder)).toBe(true);
  });
});

describe('damaged rows', () => {
  it('keeps a damaged annotation in its pack without hiding the others, and reports it', async () => {
    await putAnnotations(db, [goma]);
    const damaged = { ...ceasefire, comment: 42 };
    const withoutId = { articleId: KAGAME_ARTICLE, note: 'a row from some other tool' };
    await writeRawAnnotationRows(db, [damaged, withoutId]);

    expect(await loadAnnotations(db, KAGAME_ARTICLE)).toEqual({
      annotations: [goma],
      skipped: [
        { id: 'ceasefire', reason: 'comment: Invalid input: expected string, received number' },
        { id: '(not a highlight: object)', reason: expect.stringContaining('kind') },
      ],
    });
    expect(await getAnnotation(db, ceasefire.id)).toBeUndefined();
    expect(await annotationRowById(db, ceasefire.id)).toEqual(damaged);

    // Writing beside them, rewriting everything and deleting a neighbour leave them as they were.
    await putAnnotations(db, [president]);
    await rewriteAnnotations(db, 'all', (row) => (idOfRow(row) === 'goma' ? { ...goma, comment: 'checked' } : undefined));
    await deleteAnnotations(db, [president.id]);
    expect(await annotationRowsOfArticle(db, KAGAME_ARTICLE)).toEqual([damaged, { ...goma, comment: 'checked' }, withoutId]);
    expect((await db.annotationPacks.get([KAGAME_ARTICLE, 0]))?.annotationIds).toEqual(['ceasefire', 'goma']);
  });
});

describe('transactions', () => {
  it('joins the caller’s transaction, so a failure after the write undoes it', async () => {
    await putAnnotations(db, [goma]);
    const failed = db.transaction('rw', db.annotationPacks, async () => {
      await putAnnotations(db, [ceasefire]);
      await deleteAnnotations(db, [goma.id]);
      throw new Error('something later in the same write failed');
    });
    await expect(failed).rejects.toThrow('something later');
    expect(await storedAnnotationRows(db)).toEqual([goma]);
  });
});
