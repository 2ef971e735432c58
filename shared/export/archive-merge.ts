import { rejectedHitId, type AnnotationRecord, type RejectedHit } from '../model/annotation';
import type { ArticleId } from '../model/ids';
import type { NoteRecord } from '../model/note';
import { ARCHIVE_TABLES, rowKey, type ArchiveTable, type ProjectArchive, type ProjectData } from './archive-schema';
import { canonicalJson } from './project-archive';

/*
 * What importing an archive will do, decided before anything is written, so the caller can apply
 * it in one transaction and report it. Two modes:
 * - `replace`: the project becomes the archive (its tables are cleared first);
 * - `merge`: rows whose key is new are added; rows identical to the current ones are skipped; rows
 *   that differ are conflicts, and the current row is kept (never overwritten without asking).
 * An article the archive knows under another id than this project's registry, at the same path, is
 * the same file: its rows are re-pointed at this project's id ("matched by path").
 */

export type ImportMode = 'replace' | 'merge';

export interface ImportConflict {
  table: ArchiveTable;
  key: string;
}

export interface ImportPlan {
  mode: ImportMode;
  /** The rows to write, table by table. */
  rows: ProjectData;
  added: Record<ArchiveTable, number>;
  skipped: Record<ArchiveTable, number>;
  conflicts: ImportConflict[];
  /** Archive articles re-pointed at this project's article at the same path. */
  matchedByPath: number;
}

function zeroCounts(): Record<ArchiveTable, number> {
  return Object.fromEntries(ARCHIVE_TABLES.map((table) => [table, 0])) as Record<ArchiveTable, number>;
}

function remapNote(note: NoteRecord, remap: ReadonlyMap<string, ArticleId>): NoteRecord {
  const to = (id: string) => remap.get(id) ?? id;
  let content = note.content;
  for (const [from, target] of remap) {
    if (content.includes(from)) content = content.split(`"articleId":${JSON.stringify(from)}`).join(`"articleId":${JSON.stringify(target)}`);
  }
  return {
    ...note,
    targetId: note.kind === 'article' ? to(note.targetId) : note.targetId,
    citedArticleIds: note.citedArticleIds.map((id) => remap.get(id) ?? id),
    content,
  };
}

function remapRows(data: ProjectData, remap: ReadonlyMap<string, ArticleId>): ProjectData {
  if (remap.size === 0) return data;
  const to = (id: ArticleId) => remap.get(id) ?? id;
  return {
    ...data,
    articleMeta: data.articleMeta.map((row) => (row.articleId ? { ...row, articleId: to(row.articleId) } : row)),
    annotations: data.annotations.map((row): AnnotationRecord => ({ ...row, articleId: to(row.articleId) })),
    rejectedHits: data.rejectedHits.map((hit): RejectedHit => {
      const articleId = to(hit.articleId);
      return { ...hit, articleId, id: rejectedHitId(hit.entityId, articleId, hit.start, hit.end) };
    }),
    notes: data.notes.map((note) => remapNote(note, remap)),
  };
}

/** Decides what importing `archive` into a project holding `current` does, in `mode`. */
export function planImport(current: ProjectData, archive: ProjectArchive, mode: ImportMode): ImportPlan {
  const added = zeroCounts();
  const skipped = zeroCounts();
  if (mode === 'replace') {
    const rows: ProjectData = {
      articles: archive.articles,
      articleMeta: archive.articleMeta,
      legend: archive.legend,
      entityTypes: archive.entityTypes,
      entities: archive.entities,
      annotations: archive.annotations,
      rejectedHits: archive.rejectedHits,
      notes: archive.notes,
    };
    for (const table of ARCHIVE_TABLES) added[table] = rows[table].length;
    return { mode, rows, added, skipped, conflicts: [], matchedByPath: 0 };
  }

  const currentArticleIds = new Set(current.articles.map((row) => row.id as string));
  const currentIdByPath = new Map(current.articles.filter((row) => row.path !== '').map((row) => [row.path, row.id]));
  const remap = new Map<string, ArticleId>();
  for (const article of archive.articles) {
    const here = currentIdByPath.get(article.path);
    if (!currentArticleIds.has(article.id) && article.path !== '' && here !== undefined) remap.set(article.id, here);
  }
  const incoming = remapRows(archive, remap);
  const rows = { articles: [], articleMeta: [], legend: [], entityTypes: [], entities: [], annotations: [], rejectedHits: [], notes: [] } as ProjectData;
  const conflicts: ImportConflict[] = [];
  for (const table of ARCHIVE_TABLES) {
    const existing = new Map((current[table] as ReadonlyArray<{ id?: string; path?: string }>).map((row) => [rowKey(table, row), row]));
    const out: unknown[] = [];
    for (const row of incoming[table] as ReadonlyArray<{ id?: string; path?: string }>) {
      if (table === 'articles' && remap.has(row.id ?? '')) {
        skipped[table]++;
        continue;
      }
      const key = rowKey(table, row);
      const mine = existing.get(key);
      if (mine === undefined) {
        out.push(row);
        added[table]++;
      } else if (canonicalJson(mine) === canonicalJson(row)) {
        skipped[table]++;
      } else {
        conflicts.push({ table, key });
      }
    }
    (rows as Record<ArchiveTable, unknown[]>)[table] = out;
  }
  return { mode, rows, added, skipped, conflicts, matchedByPath: remap.size };
}

/** The plan in words: what was (or will be) added, skipped and left in conflict. */
export function describeImportPlan(plan: ImportPlan): string {
  const total = (counts: Record<ArchiveTable, number>) => ARCHIVE_TABLES.reduce((sum, table) => sum + counts[table], 0);
  const parts = [`${plan.added.annotations} annotations, ${plan.added.entities} entities, ${plan.added.notes} notes added (${total(plan.added)} rows in all)`];
  if (plan.mode === 'merge') {
    parts.push(`${total(plan.skipped)} already present`);
    if (plan.conflicts.length > 0) parts.push(`${plan.conflicts.length} conflicting (kept this project's version)`);
    if (plan.matchedByPath > 0) parts.push(`${plan.matchedByPath} articles matched by path`);
  }
  return parts.join('; ');
}
