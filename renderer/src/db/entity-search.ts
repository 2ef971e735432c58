import { Entity, type EntityType } from '../../../shared/model/annotation';
import { foldForSearch } from '../../../shared/text/fold-for-search';
import type { SkippedRow } from './annotation-store';
import { describeIssues, describeRowId } from './describe-invalid-row';
import { loadEntityTypes } from './entity-type-store';
import type { WorkbenchDb } from './workbench-db';
import { collapseWhiteSpace } from '../../../shared/text/white-space';

/* Reading entities: all of them, and the type-ahead's search over names and aliases. */

/** The result of {@link loadEntities}. */
export interface LoadedEntities {
  /** Valid entities, by name. */
  entities: Entity[];
  skipped: SkippedRow[];
}

/** A type-ahead suggestion: the entity, its type, and the alias that matched (`null`: the name did). */
export interface EntityMatch {
  entity: Entity;
  type: EntityType;
  matchedAlias: string | null;
}

/** All entities, validated and sorted by name; unusable rows are described in `skipped` and left stored. */
export async function loadEntities(db: WorkbenchDb): Promise<LoadedEntities> {
  const rows: unknown[] = await db.entities.toArray();
  const entities: Entity[] = [];
  const skipped: SkippedRow[] = [];
  for (const row of rows) {
    const parsed = Entity.safeParse(row);
    if (parsed.success) entities.push(parsed.data);
    else skipped.push({ id: describeRowId(row, 'an entity'), reason: describeIssues(parsed.error) });
  }
  return { entities: entities.sort((a, b) => byName.compare(a.name, b.name)), skipped };
}

/**
 * Entities whose name or an alias starts with `text`, or has a word that does, ignoring case and
 * diacritics ("kagame" finds "President Paul Kagame"; "felix" finds "Félix Tshisekedi"). Whole
 * matches come first, then prefix matches, then word matches, each by name. An entity found by its
 * name and an alias is listed once, as found by its name. At most `limit` matches.
 *
 * Scans every entity: matching inside words, aliases and without diacritics would need an index of
 * its own, and a corpus's entities (thousands at most) are scanned in well under a keystroke.
 */
export async function findEntitiesByName(db: WorkbenchDb, text: string, limit = 20): Promise<EntityMatch[]> {
  const query = searchKey(text);
  if (query === '') return [];
  const [{ entities }, types] = await Promise.all([loadEntities(db), loadEntityTypes(db)]);
  const typeById = new Map(types.map((type) => [type.id, type]));
  const ranked: Array<EntityMatch & { rank: number }> = [];
  for (const entity of entities) {
    const type = typeById.get(entity.typeId);
    if (!type) continue;
    let best: { rank: number; alias: string | null } | null = null;
    for (const [candidate, alias] of [[entity.name, null] as const, ...entity.aliases.map((a) => [a, a] as const)]) {
      const rank = matchRank(searchKey(candidate), query);
      if (rank !== null && (best === null || rank < best.rank)) best = { rank, alias };
    }
    if (best) ranked.push({ entity, type, matchedAlias: best.alias, rank: best.rank });
  }
  // `entities` is sorted by name and the sort is stable, so equal ranks stay in name order.
  return ranked
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map(({ entity, type, matchedAlias }) => ({ entity, type, matchedAlias }));
}

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Lower case without diacritics or repeated spaces: "Félix  TSHISEKEDI" → "felix tshisekedi". */
function searchKey(text: string): string {
  return collapseWhiteSpace(foldForSearch(text));
}

/** 0: the whole candidate; 1: its start; 2: the start of one of its words; null: no match. */
function matchRank(candidate: string, query: string): number | null {
  if (candidate === query) return 0;
  if (candidate.startsWith(query)) return 1;
  for (let at = candidate.indexOf(query, 1); at !== -1; at = candidate.indexOf(query, at + 1)) {
    if (!/[\p{L}\p{N}]/u.test(candidate[at - 1] ?? '')) return 2;
  }
  return null;
}


