import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '../../../shared/model/annotation';
import { AnnotationId, LegendId, newArticleId, newLegendId } from '../../../shared/model/ids';
import { annotationsByIds, putAnnotation } from './annotation-store';
import { deleteLegendEntry, LegendError, loadLegend, saveLegendEntry } from './legend-store';
import { DEFAULT_LEGEND, WorkbenchDb } from './workbench-db';

const KEY_CLAIM = LegendId.parse('default-key-claim');
const EVIDENCE = LegendId.parse('default-evidence');
const DISPUTED = LegendId.parse('default-disputed');

let db: WorkbenchDb;

beforeEach(() => {
  db = new WorkbenchDb('legend-store-test', { indexedDB, IDBKeyRange });
});

afterEach(async () => {
  await db.delete();
});

/** A highlight of "Rwanda denies allegations" (corpus/001_49124f787c8de1cf.txt) in the given colour. */
function denial(id: string, legendId: LegendId): AnnotationRecord {
  return {
    id: AnnotationId.parse(id),
    articleId: newArticleId(),
    kind: 'highlight',
    legendId,
    comment: '',
    target: {
      quote: { type: 'TextQuoteSelector', exact: 'Rwanda denies allegations', prefix: 'ns between Kinshasa and Kigali. ', suffix: ' from Congo, the United Nations,' },
      position: { type: 'TextPositionSelector', start: 933, end: 958 },
    },
    anchor: { status: 'exact', start: 933, end: 958, confidence: 1 },
    createdAt: 1,
    updatedAt: 1,
  };
}

async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof LegendError)) throw new Error(`expected a LegendError, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

describe('loadLegend', () => {
  it('returns the legend in order and skips corrupt rows', async () => {
    await db.table('legend').bulkPut([
      { id: 'broken-colour', name: 'Broken', color: 'yellow', shortcut: '8', order: 0 },
      { id: 'no-name', color: '#000000', shortcut: '9', order: 2.5 },
    ]);
    expect(await loadLegend(db)).toEqual(DEFAULT_LEGEND);
  });
});

describe('saveLegendEntry', () => {
  it('adds a new colour at the end, normalising name, colour and shortcut', async () => {
    const id = newLegendId();
    const saved = await saveLegendEntry(db, { id, name: '  Official   statement ', color: '#FFA057', shortcut: 'S' });
    expect(saved).toEqual({ id, name: 'Official statement', color: '#ffa057', shortcut: 's', order: 6 });
    expect((await loadLegend(db)).at(-1)).toEqual(saved);
  });

  it('renames a colour in place, keeping its order', async () => {
    const saved = await saveLegendEntry(db, { id: EVIDENCE, name: 'Sourced evidence', color: '#30a46c', shortcut: '2' });
    expect(saved.order).toBe(2);
    expect((await loadLegend(db)).map((entry) => entry.name)).toEqual(['Key claim', 'Sourced evidence', 'Question', 'Disputed', 'Background']);
  });

  it('lets an entry keep its own name and shortcut', async () => {
    await expect(saveLegendEntry(db, { id: EVIDENCE, name: 'EVIDENCE', color: '#2f9e44', shortcut: '2' })).resolves.toMatchObject({ name: 'EVIDENCE' });
  });

  it('refuses a name another colour has, ignoring case', async () => {
    expect(await rejection(saveLegendEntry(db, { id: newLegendId(), name: 'evidence', color: '#123456', shortcut: '7' }))).toEqual({
      code: 'duplicate-name',
      message: 'Another colour is already called “Evidence”',
    });
  });

  it('refuses a shortcut another colour has', async () => {
    expect(await rejection(saveLegendEntry(db, { id: newLegendId(), name: 'Casualties', color: '#123456', shortcut: '3' }))).toEqual({
      code: 'duplicate-shortcut',
      message: 'Alt+3 is already the shortcut for “Question”',
    });
  });

  it('refuses an empty name, an invalid colour and an invalid shortcut', async () => {
    const id = newLegendId();
    expect(await rejection(saveLegendEntry(db, { id, name: '   ', color: '#123456', shortcut: '7' }))).toEqual({ code: 'empty-name', message: 'A colour needs a name' });
    expect(await rejection(saveLegendEntry(db, { id, name: 'Casualties', color: 'red', shortcut: '7' }))).toEqual({
      code: 'invalid-colour',
      message: '“red” is not a colour: write it as #rrggbb, for example #f5d90a',
    });
    expect((await rejection(saveLegendEntry(db, { id, name: 'Casualties', color: '#123456', shortcut: '0' }))).code).toBe('invalid-shortcut');
    expect((await rejection(saveLegendEntry(db, { id, name: 'Casualties', color: '#123456', shortcut: 'Alt' }))).code).toBe('invalid-shortcut');
    expect(await db.legend.count()).toBe(DEFAULT_LEGEND.length);
  });
});

describe('deleteLegendEntry', () => {
  it('deletes an unused colour', async () => {
    expect(await deleteLegendEntry(db, DISPUTED)).toEqual({ deleted: DEFAULT_LEGEND[3], reassigned: [] });
    expect((await loadLegend(db)).map((entry) => entry.id)).not.toContain(DISPUTED);
  });

  it('refuses to delete a colour in use unless its highlights are moved to another', async () => {
    await putAnnotation(db, denial('denial-1', DISPUTED));
    await putAnnotation(db, denial('denial-2', DISPUTED));
    await putAnnotation(db, denial('claim', KEY_CLAIM));

    expect(await rejection(deleteLegendEntry(db, DISPUTED))).toEqual({
      code: 'in-use',
      message: '2 highlights use “Disputed”: choose a colour to move them to before deleting it',
    });
    expect((await rejection(deleteLegendEntry(db, DISPUTED, { reassignTo: DISPUTED }))).code).toBe('invalid-reassignment');

    const result = await deleteLegendEntry(db, DISPUTED, { reassignTo: EVIDENCE });
    expect(result).toEqual({ deleted: DEFAULT_LEGEND[3], reassigned: ['denial-1', 'denial-2'] });
    const moved = await annotationsByIds(db, [AnnotationId.parse('denial-1'), AnnotationId.parse('denial-2'), AnnotationId.parse('claim')]);
    expect(moved.map((record) => record.legendId)).toEqual([EVIDENCE, EVIDENCE, KEY_CLAIM]);
    expect(await db.legend.get(DISPUTED)).toBeUndefined();
  });

  it('keeps at least one colour', async () => {
    for (const entry of DEFAULT_LEGEND.slice(1)) await deleteLegendEntry(db, entry.id);
    expect((await rejection(deleteLegendEntry(db, KEY_CLAIM))).code).toBe('last-entry');
    expect((await rejection(deleteLegendEntry(db, DISPUTED))).code).toBe('not-found');
  });
});
