import Dexie, { type EntityTable } from 'dexie';

/** The reader's pane layout, one row per window (only "main" for now). */
export interface LayoutRecord {
  id: string;
  layout: unknown;
  updatedAt: number;
}

/** The user's corrections to an article's metadata; absent fields fall back to derived ones. */
export interface ArticleMetaRecord {
  path: string;
  title?: string;
  source?: string;
  author?: string;
  date?: string;
  url?: string;
  updatedAt: number;
}

/**
 * Everything the renderer persists, and where. Schema changes are new `version(n)` blocks with an
 * upgrade function; shipped versions are never edited.
 */
export class WorkbenchDb extends Dexie {
  layouts!: EntityTable<LayoutRecord, 'id'>;
  articleMeta!: EntityTable<ArticleMetaRecord, 'path'>;

  constructor(name = 'research-workbench') {
    super(name);
    this.version(1).stores({
      layouts: 'id',
      articleMeta: 'path',
    });
  }
}
