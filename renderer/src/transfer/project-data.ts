import type { ProjectData } from '../../../shared/export/archive-schema';
import { addAnnotations, allStoredAnnotations } from '../db/annotation-packs';
import { countImportedMentions } from '../db/mention-count-store';
import { WorkbenchDb } from '../db/workbench-db';

/*
 * The research tables of the database as the archive sees them, read and replaced in one
 * transaction each. Paint snapshots and layouts are caches and window state, not research: they
 * are not exported, and an import clears the snapshots it could make stale.
 */

/** The tables of the research an export reads and an import writes (not caches, not window state). */
export const RESEARCH_TABLES = ['articles', 'articleMeta', 'legend', 'entityTypes', 'entities', 'annotationPacks', 'rejectedHits', 'notes'] as const;

/** Every research row of the project, read in one consistent transaction. */
export async function readProjectData(db: WorkbenchDb): Promise<ProjectData> {
  return db.transaction('r', RESEARCH_TABLES.map((table) => db.table(table)), async () => {
    const [articles, articleMeta, legend, entityTypes, entities, annotations, rejectedHits, notes] = await Promise.all([
      db.articles.toArray(),
      db.articleMeta.toArray(),
      db.legend.toArray(),
      db.entityTypes.toArray(),
      db.entities.toArray(),
      allStoredAnnotations(db),
      db.rejectedHits.toArray(),
      db.notes.toArray(),
    ]);
    return { articles, articleMeta, legend, entityTypes, entities, annotations, rejectedHits, notes };
  });
}

/** Every research row of the database `name`, read on a connection of its own (an export's rows worker). */
export async function readProjectDataNamed(name: string): Promise<ProjectData> {
  const db = new WorkbenchDb(name);
  try {
    return await readProjectData(db);
  } finally {
    db.close();
  }
}

/**
 * Writes `rows` in ONE transaction over every research table (and the paint snapshots), so an
 * import either lands whole or not at all. `replace` clears the tables first.
 *
 * Its time is IndexedDB's own, and IndexedDB's cost is per record (issue 7, 50,000 annotations;
 * `e2e/bench/idb-floor.ts` measures raw IndexedDB on the same rows in the same headless Chromium).
 * Written one row per annotation, this transaction took 4.9–8 s depending on the machine's load,
 * and neither `durability: 'relaxed'` nor dropping indexes helped; since schema version 6 the
 * annotations are written as ~1,000 packs (`annotation-packs.ts`): 1.1 s at load ~6 on 2 cores,
 * where the one-row-each build took 8.0 s back to back with it.
 */
export async function writeProjectData(db: WorkbenchDb, rows: ProjectData, replace: boolean): Promise<void> {
  await db.transaction('rw', [db.articles, db.articleMeta, db.legend, db.entityTypes, db.entities, db.annotationPacks, db.rejectedHits, db.notes, db.paintSnapshots, db.entityMentionCounts, db.entityIndexSnapshots], async () => {
    if (replace) {
      await Promise.all([db.articles.clear(), db.articleMeta.clear(), db.legend.clear(), db.entityTypes.clear(), db.entities.clear(), db.annotationPacks.clear(), db.rejectedHits.clear(), db.notes.clear()]);
    }
    // Snapshots of articles whose highlights change would paint the old set: drop them (a cache).
    if (replace) await db.paintSnapshots.clear();
    else await db.paintSnapshots.bulkDelete([...new Set(rows.annotations.map((row) => row.articleId))]);
    await db.articles.bulkAdd(rows.articles);
    await db.articleMeta.bulkAdd(rows.articleMeta);
    await db.legend.bulkAdd(rows.legend);
    await db.entityTypes.bulkAdd(rows.entityTypes);
    await db.entities.bulkAdd(rows.entities);
    // Into their articles' packs: whole new packs when replacing, appended to the stored ones when merging.
    await addAnnotations(db, rows.annotations);
    await db.rejectedHits.bulkAdd(rows.rejectedHits);
    await db.notes.bulkAdd(rows.notes);
    await countImportedMentions(db, rows.annotations, replace);
  });
}
