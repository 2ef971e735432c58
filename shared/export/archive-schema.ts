import { z } from 'zod';
import { AnnotationRecord, Entity, EntityType, LegendEntry, RejectedHit } from '../model/annotation';
import { ArticleId } from '../model/ids';
import { NoteRecord } from '../model/note';

/*
 * The project archive: everything the user's research consists of, as JSON, versioned. Caches
 * (paint snapshots) and window state (layouts) are left out: they are rebuilt, and would make two
 * exports of the same research differ.
 */

/** The archive format this build writes; it reads this one and every older one. */
export const ARCHIVE_FORMAT_VERSION = 1;

/** The `format` field: tells an archive apart from any other JSON file. */
export const ARCHIVE_FORMAT_NAME = 'research-workbench-archive';

const Timestamp = z.number().int().nonnegative();

/** A row of the article registry (`renderer/src/db/workbench-db.ts`, `ArticleRecord`). */
export const ArchiveArticle = z.object({
  id: ArticleId,
  path: z.string(),
  sha256: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ArchiveArticle = z.infer<typeof ArchiveArticle>;

/** A row of the user's metadata corrections (`ArticleMetaRecord`). */
export const ArchiveArticleMeta = z.object({
  path: z.string().min(1),
  articleId: ArticleId.optional(),
  title: z.string().optional(),
  source: z.string().optional(),
  author: z.string().optional(),
  date: z.string().optional(),
  url: z.string().optional(),
  updatedAt: Timestamp,
});
export type ArchiveArticleMeta = z.infer<typeof ArchiveArticleMeta>;

/** The tables of an archive, in the order they are written and imported. */
export const ARCHIVE_TABLES = ['articles', 'articleMeta', 'legend', 'entityTypes', 'entities', 'annotations', 'rejectedHits', 'notes'] as const;
export type ArchiveTable = (typeof ARCHIVE_TABLES)[number];

export const ProjectArchive = z.object({
  format: z.literal(ARCHIVE_FORMAT_NAME),
  formatVersion: z.number().int().positive(),
  articles: z.array(ArchiveArticle),
  articleMeta: z.array(ArchiveArticleMeta),
  legend: z.array(LegendEntry),
  entityTypes: z.array(EntityType),
  entities: z.array(Entity),
  annotations: z.array(AnnotationRecord),
  rejectedHits: z.array(RejectedHit),
  notes: z.array(NoteRecord),
});
export type ProjectArchive = z.infer<typeof ProjectArchive>;

/** What a project holds, table by table: the archive without its header. */
export type ProjectData = Omit<ProjectArchive, 'format' | 'formatVersion'>;

/** The key of a row in its table: `path` for metadata corrections, `id` everywhere else. */
export function rowKey(table: ArchiveTable, row: { id?: string; path?: string }): string {
  return (table === 'articleMeta' ? row.path : row.id) ?? '';
}
