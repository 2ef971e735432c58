import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HighlightRecord } from '../../../shared/model/annotation';
import { AnnotationId, newArticleId, type LegendId } from '../../../shared/model/ids';
import {
  AnnotationError,
  annotationsByIds,
  deleteAnnotation,
  inTextOrder,
  loadAnnotations,
  putAnnotation,
  saveAnchors,
  updateAnnotation,
} from './annotation-store';
import { DEFAULT_LEGEND, WorkbenchDb } from './workbench-db';
import { storedAnnotationRows, writeRawAnnotationRows } from './annotation-rows-for-tests';

/*
 * Quotes, context and code point offsets are copied from corpus/000_f9a0009864046443.txt (Kagame and
 * Rubio on a ceasefire in eastern DR Congo); the file cannot be read here (no Node in renderer tests).
 */
const GOMA = {
  exact: 'M23 rebels captured Goma city on Sunday',
  prefix: 'ire" in eastern DR Congo, where ',
  suffix: ', escalating conflict that has b',
  start: 177,
  end: 216,
};
const CEASEFIRE = {
  exact: 'need to ensure a ceasefire',
  prefix: 'ry of State Marco Rubio on the "',
  suffix: '" in eastern DR Congo, where M23',
  start: 122,
  end: 148,
};

const articleId = newArticleId();
const [keyClaim, evidence] = DEFAULT_LEGEND.map((entry) => entry.id) as [LegendId, LegendId];

function highlight(id: string, quote: typeof GOMA, overrides: Partial<HighlightRecord> = {}): HighlightRecord {
  const { exact, prefix, suffix, start, end } = quote;
  return {
    id: AnnotationId.parse(id),
    articleId,
    kind: 'highlight',
    legendId: keyClaim,
    comment: '',
    target: { quote: { type: 'TextQuoteSelector', exact, prefix, suffix }, position: { type: 'TextPositionSelector', start, end } },
    anchor: { status: 'exact', start, end, confidence: 1 },
    createdAt: 1_738_140_000_000,
    updatedAt: 1_738_140_000_000,
    ...overrides,
  };
}

const goma = highlight('goma', GOMA);
const ceasefire = highlight('ceasefire', CEASEFIRE, { legendId: evidence, comment: 'Quoted from Kagame’s post on X' });

let db: WorkbenchDb;

beforeEach(() => {
  db = new WorkbenchDb('annotation-store-test', { indexedDB, IDBKeyRange });
});

afterEach(async () => {
  await db.delete();
});

describe('loadAnnotations', () => {
  it('loads valid highlights in text order and skips corrupt rows with a reason, leaving them stored', async () => {
    await putAnnotation(db, goma);
    await putAnnotation(db, ceasefire);
    const withoutTarget: Partial<HighlightRecord> = highlight('no-target', GOMA);
    delete withoutTarget.target;
    // Written around the store, as an older build or a hand edit in DevTools could have.
    await writeRawAnnotationRows(db, [
      { ...highlight('wrong-types', GOMA), comment: 42, createdAt: 'yesterday' },
      withoutTarget,
      { id: 'foreign', articleId, note: 'a row from some other tool' },
      highlight('other-article', GOMA, { articleId: newArticleId() }),
    ]);

    const loaded = await loadAnnotations(db, articleId);

    expect(loaded.annotations).toEqual([ceasefire, goma]);
    expect(loaded.skipped).toEqual([
      {
        id: 'foreign',
        reason:
          'kind: Invalid input: expected "highlight"; legendId: Invalid input: expected string, received undefined; ' +
          'comment: Invalid input: expected string, received undefined; and 4 more',
      },
      { id: 'no-target', reason: 'target: Invalid input: expected object, received undefined' },
      { id: 'wrong-types', reason: 'comment: Invalid input: expected string, received number; createdAt: Invalid input: expected number, received string' },
    ]);
    expect(await storedAnnotationRows(db)).toHaveLength(6);
  });

  it('skips an anchor that claims a place but has the orphan offsets', async () => {
    await writeRawAnnotationRows(db, [
      highlight('bad-anchor', GOMA, { anchor: { status: 'orphan', start: -1, end: -1, confidence: 0 } }),
      { ...highlight('bad-anchor-2', GOMA), anchor: { status: 'exact', start: -1, end: -1, confidence: 1 } },
    ]);
    const loaded = await loadAnnotations(db, articleId);
    expect(loaded.annotations.map((record) => record.id)).toEqual(['bad-anchor']);
    expect(loaded.skipped.map((row) => row.id)).toEqual(['bad-anchor-2']);
  });
});

describe('writing highlights', () => {
  it('refuses to store an invalid highlight or one with an unknown colour', async () => {
    await expect(putAnnotation(db, { ...goma, target: { ...goma.target, quote: { ...goma.target.quote, exact: '' } } })).rejects.toThrow(AnnotationError);
    await expect(putAnnotation(db, { ...goma, legendId: 'gone' as LegendId })).rejects.toThrow('There is no highlight colour with id “gone”');
    expect(await storedAnnotationRows(db)).toHaveLength(0);
  });

  it('updates a highlight and stamps the time of the edit', async () => {
    await putAnnotation(db, goma);
    await updateAnnotation(db, goma.id, { legendId: evidence, comment: 'Confirmed by UN reports' });
    const [updated] = await annotationsByIds(db, [goma.id]);
    expect(updated).toEqual({ ...goma, legendId: evidence, comment: 'Confirmed by UN reports', updatedAt: expect.any(Number) });
    expect(updated!.updatedAt).toBeGreaterThan(goma.updatedAt);
    await expect(updateAnnotation(db, AnnotationId.parse('missing'), { comment: 'x' })).rejects.toThrow(AnnotationError);
    await expect(updateAnnotation(db, goma.id, { legendId: 'gone' as LegendId })).rejects.toThrow(AnnotationError);
  });

  it('deletes a highlight, and deleting it again does nothing', async () => {
    await putAnnotation(db, goma);
    await deleteAnnotation(db, goma.id);
    await deleteAnnotation(db, goma.id);
    expect(await storedAnnotationRows(db)).toHaveLength(0);
  });

  it('returns highlights by id in the order asked, leaving out missing ones', async () => {
    await putAnnotation(db, goma);
    await putAnnotation(db, ceasefire);
    expect(await annotationsByIds(db, [goma.id, AnnotationId.parse('missing'), ceasefire.id])).toEqual([goma, ceasefire]);
  });
});

describe('saveAnchors', () => {
  it('writes only the anchors that changed, leaves updatedAt alone and ignores deleted highlights', async () => {
    await putAnnotation(db, goma);
    await putAnnotation(db, ceasefire);
    // A paragraph of 12 code points was inserted above both quotes; the Goma quote lost its text.
    const written = await saveAnchors(db, [
      { id: ceasefire.id, anchor: { status: 'moved', start: 134, end: 160, confidence: 1 } },
      { id: goma.id, anchor: { status: 'orphan', start: -1, end: -1, confidence: 0.4 } },
      { id: AnnotationId.parse('deleted'), anchor: { status: 'exact', start: 1, end: 2, confidence: 1 } },
    ]);
    expect(written).toBe(2);
    expect(await annotationsByIds(db, [ceasefire.id, goma.id])).toEqual([
      { ...ceasefire, anchor: { status: 'moved', start: 134, end: 160, confidence: 1 } },
      { ...goma, anchor: { status: 'orphan', start: -1, end: -1, confidence: 0.4 } },
    ]);
    expect(await saveAnchors(db, [{ id: ceasefire.id, anchor: { status: 'moved', start: 134, end: 160, confidence: 1 } }])).toBe(0);
  });

  it('writes nothing when one anchor is invalid', async () => {
    await putAnnotation(db, goma);
    await expect(
      saveAnchors(db, [
        { id: goma.id, anchor: { status: 'moved', start: 10, end: 49, confidence: 1 } },
        { id: goma.id, anchor: { status: 'exact', start: 5, end: 5, confidence: 1 } },
      ]),
    ).rejects.toThrow(AnnotationError);
    expect(await annotationsByIds(db, [goma.id])).toEqual([goma]);
  });
});

describe('inTextOrder', () => {
  it('orders by start, the enclosing highlight first, then the oldest; orphans last', () => {
    const sentence = highlight('sentence', GOMA, { anchor: { status: 'exact', start: 177, end: 270, confidence: 1 } });
    const orphanOld = highlight('orphan-old', GOMA, { anchor: { status: 'orphan', start: -1, end: -1, confidence: 0 }, createdAt: 1 });
    const orphanNew = highlight('orphan-new', GOMA, { anchor: { status: 'orphan', start: -1, end: -1, confidence: 0 }, createdAt: 2 });
    const twin = highlight('twin', GOMA, { createdAt: goma.createdAt + 1 });
    const input = [orphanNew, twin, goma, orphanOld, sentence, ceasefire];
    expect(inTextOrder(input).map((record) => record.id)).toEqual(['ceasefire', 'sentence', 'goma', 'twin', 'orphan-old', 'orphan-new']);
    expect(input[0]).toBe(orphanNew);
  });
});
