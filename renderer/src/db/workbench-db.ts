import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie';
import { packsFromRows, type AnnotationPack, type PackKey } from './annotation-pack';
import type { Entity, EntityType, LegendEntry, RejectedHit } from '../../../shared/model/annotation';
import { EntityTypeId, LegendId, newArticleId, type ArticleId } from '../../../shared/model/ids';
import type { EntityIndexSnapshotRow } from './entity-index-snapshot';
import type { MentionCountRow } from './mention-count-store';
import type { NoteRecord } from '../../../shared/model/note';

/** The reader's pane layout, one row per window (only "main" for now). */
export interface LayoutRecord {
  id: string;
  layout: unknown;
  updatedAt: number;
}

/** The user's corrections to an article's metadata; absent fields fall back to derived ones. */
export interface ArticleMetaRecord {
  path: string;
  /**
   * The registry's id for the article at `path` (since version 2). Optional because a row can be
   * written before the article is registered; the registry stamps it when it resolves the path.
   */
  articleId?: ArticleId;
  title?: string;
  source?: string;
  author?: string;
  date?: string;
  url?: string;
  updatedAt: number;
}

/**
 * One article as the registry knows it. Highlights hang off `id`, not off the path, so that they
 * follow a file that is renamed or edited (see `article-registry.ts`).
 */
export interface ArticleRecord {
  id: ArticleId;
  /** Where the article is now, relative to the corpus root; `''` once another file took its place. */
  path: string;
  /** SHA-256 of the canonical text when last seen; `''` when not known yet. */
  sha256: string;
  createdAt: number;
  updatedAt: number;
}

/**
 * Where an article's highlights were last painted (code points), for the article's text with
 * `sha256`. A cache: losing or ignoring it costs speed, never data.
 */
export interface PaintSnapshot {
  articleId: ArticleId;
  /** The article's path when the snapshot was taken (since version 3). */
  path?: string;
  sha256: string;
  items: Array<[annotationId: string, legendId: string, start: number, end: number]>;
}

/**
 * The legend a new user starts with, chosen for news research. The colours are saturated enough to
 * tell apart when painted at the translucency the reader uses behind text, and far enough apart in
 * hue that no two are confused.
 */
export const DEFAULT_LEGEND: readonly LegendEntry[] = [
  { id: LegendId.parse('default-key-claim'), name: 'Key claim', color: '#f5d90a', shortcut: '1', order: 1 },
  { id: LegendId.parse('default-evidence'), name: 'Evidence', color: '#30a46c', shortcut: '2', order: 2 },
  { id: LegendId.parse('default-question'), name: 'Question', color: '#0090ff', shortcut: '3', order: 3 },
  { id: LegendId.parse('default-disputed'), name: 'Disputed', color: '#e5484d', shortcut: '4', order: 4 },
  { id: LegendId.parse('default-background'), name: 'Background', color: '#8e4ec6', shortcut: '5', order: 5 },
];

/**
 * Dexie runs `populate` only for a brand-new database and the version 2 upgrade only for one that
 * existed at version 1, so each database is seeded by exactly one of them. The emptiness check is
 * a second guard, so that a future version calling this again cannot add a second set.
 */
async function seedDefaultLegend(legend: Table<LegendEntry, LegendId>): Promise<void> {
  if ((await legend.count()) > 0) return;
  await legend.bulkAdd(DEFAULT_LEGEND.map((entry) => ({ ...entry })));
}

/**
 * The entity types a new user starts with: the classic named-entity classes (MUC/CoNLL) plus
 * dates and events, which news research tags as often. Radix step-9 colours from hues the
 * highlight legend leaves free (pink, teal, orange, brown, indigo), so that a mention is never
 * mistaken for a highlight. Alt+Shift+initial tags the selection.
 */
export const DEFAULT_ENTITY_TYPES: readonly EntityType[] = [
  { id: EntityTypeId.parse('default-person'), name: 'Person', color: '#d6409f', shortcut: 'p', order: 1 },
  { id: EntityTypeId.parse('default-organisation'), name: 'Organisation', color: '#12a594', shortcut: 'o', order: 2 },
  { id: EntityTypeId.parse('default-location'), name: 'Location', color: '#f76b15', shortcut: 'l', order: 3 },
  { id: EntityTypeId.parse('default-date'), name: 'Date', color: '#ad7f58', shortcut: 'd', order: 4 },
  { id: EntityTypeId.parse('default-event'), name: 'Event', color: '#3e63dd', shortcut: 'e', order: 5 },
];

/** Seeded once, like the legend (see {@link seedDefaultLegend}): by `populate` or by the version 3 upgrade. */
async function seedDefaultEntityTypes(entityTypes: Table<EntityType, EntityTypeId>): Promise<void> {
  if ((await entityTypes.count()) > 0) return;
  await entityTypes.bulkAdd(DEFAULT_ENTITY_TYPES.map((type) => ({ ...type })));
}

/**
 * Everything the renderer persists, and where. Schema changes are new `version(n)` blocks with an
 * upgrade function; shipped versions are never edited.
 */
export class WorkbenchDb extends Dexie {
  layouts!: EntityTable<LayoutRecord, 'id'>;
  articleMeta!: EntityTable<ArticleMetaRecord, 'path'>;
  articles!: EntityTable<ArticleRecord, 'id'>;
  /** Every annotation, highlights and mentions, packed by article (since version 6; see `annotation-packs.ts`). */
  annotationPacks!: Table<AnnotationPack, PackKey>;
  legend!: EntityTable<LegendEntry, 'id'>;
  paintSnapshots!: EntityTable<PaintSnapshot, 'articleId'>;
  entityTypes!: EntityTable<EntityType, 'id'>;
  entities!: EntityTable<Entity, 'id'>;
  rejectedHits!: EntityTable<RejectedHit, 'id'>;
  notes!: EntityTable<NoteRecord, 'id'>;
  entityMentionCounts!: EntityTable<MentionCountRow, 'id'>;
  entityIndexSnapshots!: EntityTable<EntityIndexSnapshotRow, 'id'>;

  /** `options` lets tests pass an in-memory IndexedDB (fake-indexeddb) instead of the browser's. */
  constructor(name = 'research-workbench', options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      layouts: 'id',
      articleMeta: 'path',
    });
    // Version 2: stable article ids, highlights and the colour legend.
    this.version(2)
      .stores({
        articles: '&id, path, sha256',
        annotations: '&id, articleId, kind, updatedAt',
        legend: '&id, order',
        articleMeta: 'path, articleId',
        // Derived, rebuildable: where each highlight was last painted, read as one row so a
        // heavily annotated article paints at once instead of after thousands of row reads.
        paintSnapshots: '&articleId',
      })
      .upgrade(async (tx) => {
        await seedDefaultLegend(tx.table<LegendEntry, LegendId>('legend'));
        // Every article the user already corrected gets an identity now, so that highlights made
        // later attach to the same article record the metadata points at.
        const articles = tx.table<ArticleRecord, ArticleId>('articles');
        const now = Date.now();
        const created: ArticleRecord[] = [];
        await tx
          .table<ArticleMetaRecord, string>('articleMeta')
          .toCollection()
          .modify((row) => {
            const record: ArticleRecord = { id: newArticleId(), path: row.path, sha256: '', createdAt: now, updatedAt: now };
            created.push(record);
            row.articleId = record.id;
          });
        await articles.bulkAdd(created);
      });
    // Version 3: named entities. Mentions are annotations of kind "mention", so they share the
    // highlights' table and anchoring; the entityId index finds an entity's mentions for merge,
    // split and delete without a scan.
    this.version(3)
      .stores({
        annotations: '&id, articleId, kind, updatedAt, entityId',
        entityTypes: '&id, order',
        entities: '&id, typeId, name',
        rejectedHits: '&id, entityId, articleId',
        // By path too, so a pane can find it before the article's registry id is known.
        paintSnapshots: '&articleId, path',
      })
      .upgrade((tx) => seedDefaultEntityTypes(tx.table<EntityType, EntityTypeId>('entityTypes')));
    // Version 4: notes (comments, article notes, notebook pages). The multi-entry indexes find the
    // notes that cite a highlight, an entity or an article (back-links) without a scan.
    this.version(4).stores({
      notes: '&id, kind, targetId, order, updatedAt, *citedAnnotationIds, *citedEntityIds, *citedArticleIds',
    });
    // Version 5: every entity's mention total in one row, kept beside the mentions so the entity
    // index reads one row instead of counting every mention (see `mention-count-store.ts`), and
    // the index as last shown (derived, rebuildable; see `entity-index-snapshot.ts`).
    this.version(5)
      .stores({ entityMentionCounts: '&id', entityIndexSnapshots: '&id' })
      .upgrade(async (tx) => {
        const totals = new Map<string, number>();
        await tx
          .table('annotations')
          .where('kind')
          .equals('mention')
          .each((row: { entityId?: unknown }) => {
            if (typeof row.entityId === 'string') totals.set(row.entityId, (totals.get(row.entityId) ?? 0) + 1);
          });
        await tx.table('entityMentionCounts').put({ id: 'totals', totals: Object.fromEntries(totals) });
      });
    // Version 6: annotations packed by article, up to 50 per row (`annotation-pack.ts`): IndexedDB's
    // cost is per record, and an import of 50,000 annotations spent ~4.9 s writing them one row each.
    // Every row of the old table moves into its article's packs, in id order, damaged rows included;
    // Dexie lets the upgrade read a table its version deletes, and deletes it after. The mention
    // totals of version 5 stay right: the mentions are the same. The pack size is not part of the
    // schema: it only decides how full new packs get, and packs of any size read the same.
    this.version(6)
      .stores({ annotations: null, annotationPacks: '[articleId+chunk], *annotationIds, *entityIds' })
      .upgrade(async (tx) => {
        const rows: unknown[] = await tx.table('annotations').toArray();
        await tx.table('annotationPacks').bulkAdd(packsFromRows(rows));
      });
    this.on('populate', async (tx) => {
      await seedDefaultLegend(tx.table<LegendEntry, LegendId>('legend'));
      await seedDefaultEntityTypes(tx.table<EntityType, EntityTypeId>('entityTypes'));
    });
  }
}
