import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { ArchiveProblem, toProjectArchive } from '../../../shared/export/project-archive';
import type { AnnotationRecord, Entity } from '../../../shared/model/annotation';
import { AnnotationId, ArticleId, EntityId, EntityTypeId, LegendId } from '../../../shared/model/ids';
import { countMentions, loadMentionTotals } from '../db/mention-count-store';
import { WorkbenchDb } from '../db/workbench-db';
import { importProjectArchive } from './import-archive';
import { readProjectData } from './project-data';
import { addAnnotations } from '../db/annotation-packs';
import { storedAnnotationRows } from '../db/annotation-rows-for-tests';

/* Offsets and quotes from corpus/000_f9a0009864046443.txt (no Node here to read it). */
const ARTICLE = ArticleId.parse('7d1b1f6e-0d5c-4d0e-9a0f-1b2c3d4e5f60');
const KAGAME: Entity = { id: EntityId.parse('e-kagame'), typeId: EntityTypeId.parse('default-person'), name: 'Paul Kagame', aliases: ['Kagame'], description: '', externalId: 'Q57421', createdAt: 1, updatedAt: 1 };
const HIGHLIGHT: AnnotationRecord = {
  id: AnnotationId.parse('a-goma'), articleId: ARTICLE, kind: 'highlight', legendId: LegendId.parse('default-key-claim'), comment: 'check 👍🏽',
  target: { quote: { type: 'TextQuoteSelector', exact: 'M23 rebels captured Goma city on Sunday', prefix: 'ire" in eastern DR Congo, where ', suffix: ', escalating conflict that has b' }, position: { type: 'TextPositionSelector', start: 177, end: 216 } },
  anchor: { status: 'exact', start: 177, end: 216, confidence: 1 }, createdAt: 2, updatedAt: 3,
};
const MENTION: AnnotationRecord = {
  id: AnnotationId.parse('a-kagame'), articleId: ARTICLE, kind: 'mention', entityId: KAGAME.id, comment: '',
  target: { quote: { type: 'TextQuoteSelector', exact: 'President Paul Kagame', prefix: '', suffix: ' on Wednesday, January 29, said ' }, position: { type: 'TextPositionSelector', start: 0, end: 21 } },
  anchor: { status: 'exact', start: 0, end: 21, confidence: 1 }, createdAt: 4, updatedAt: 4,
};

let dbs: WorkbenchDb[] = [];
async function freshDb(): Promise<WorkbenchDb> {
  const db = new WorkbenchDb(`transfer-${Math.random()}`, { indexedDB, IDBKeyRange });
  dbs.push(db);
  await db.open();
  return db;
}
afterEach(async () => {
  await Promise.all(dbs.map((db) => db.delete()));
  dbs = [];
});

async function seededDb(): Promise<WorkbenchDb> {
  const db = await freshDb();
  await db.articles.add({ id: ARTICLE, path: '000_f9a0009864046443.txt', sha256: 'abc', createdAt: 1, updatedAt: 1 });
  await db.articleMeta.add({ path: '000_f9a0009864046443.txt', articleId: ARTICLE, title: 'Kagame and Rubio', updatedAt: 5 });
  await db.entities.add(KAGAME);
  await addAnnotations(db, [HIGHLIGHT, MENTION]);
  await db.notes.add({ id: 'n1' as never, kind: 'page', targetId: '', title: 'Findings', order: 1, content: '{"root":{"type":"root","children":[]}}', text: '', citedAnnotationIds: [], citedEntityIds: [KAGAME.id], citedArticleIds: [], createdAt: 1, updatedAt: 1 });
  return db;
}

describe('importing a project archive into Dexie', () => {
  it('export, wipe, import, export gives the same bytes', async () => {
    const first = toProjectArchive(await readProjectData(await seededDb()));
    const fresh = await freshDb();
    const report = await importProjectArchive(fresh, first, 'replace');
    expect(report.plan.added.annotations).toBe(2);
    expect(toProjectArchive(await readProjectData(fresh))).toBe(first);
    // The entity index's stored totals follow the imported mentions.
    expect(await loadMentionTotals(fresh)).toEqual(await countMentions(fresh));
    expect((await loadMentionTotals(fresh)).get(KAGAME.id)).toBe(1);
  });

  it('merges into a project, reporting what was added, skipped and in conflict', async () => {
    const archive = toProjectArchive(await readProjectData(await seededDb()));
    const db = await freshDb();
    await db.legend.update(LegendId.parse('default-evidence'), { color: '#000000' });
    const report = await importProjectArchive(db, archive, 'merge');
    expect(report.summary).toBe("Archive merged: 2 annotations, 1 entities, 1 notes added (6 rows in all); 9 already present; 1 conflicting (kept this project's version)");
    expect((await db.legend.get(LegendId.parse('default-evidence')))?.color).toBe('#000000');
    expect(await storedAnnotationRows(db)).toHaveLength(2);
    expect((await loadMentionTotals(db)).get(KAGAME.id)).toBe(1);
  });

  it('changes nothing when a write fails part-way: one transaction over every table', async () => {
    const archive = toProjectArchive(await readProjectData(await seededDb()));
    const db = await freshDb();
    const before = toProjectArchive(await readProjectData(db));
    db.notes.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(importProjectArchive(db, archive, 'replace')).rejects.toThrow('disk full');
    expect(toProjectArchive(await readProjectData(db))).toBe(before);
    expect(await db.legend.count()).toBe(5);
  });

  it('refuses an archive from a newer version before touching anything', async () => {
    const archive = toProjectArchive(await readProjectData(await seededDb())).replace('"formatVersion":1', '"formatVersion":2');
    const db = await freshDb();
    await expect(importProjectArchive(db, archive, 'replace')).rejects.toBeInstanceOf(ArchiveProblem);
    expect(await db.legend.count()).toBe(5);
    expect(await storedAnnotationRows(db)).toHaveLength(0);
  });
});
