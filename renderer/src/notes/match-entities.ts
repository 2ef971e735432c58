import type { Entity } from '../../../shared/model/annotation';
import { foldForSearch } from '../../../shared/text/fold-for-search';

/** An entity offered after `@`, and the alias that matched when not its name. */
export interface EntityMatch {
  entity: Entity;
  viaAlias: string | null;
}



/** 0: a name starts with the query; 1: a word in it does; 2: it contains the query; -1: no match. */
function rank(name: string, query: string): number {
  const folded = foldForSearch(name);
  if (folded.startsWith(query)) return 0;
  if (folded.split(/[\s\-'’.]+/).some((word) => word.startsWith(query))) return 1;
  return folded.includes(query) ? 2 : -1;
}

/**
 * The entities whose name or an alias matches `query` (ignoring case and accents), best first:
 * names before aliases at equal rank, then alphabetically. An empty query offers all, by name.
 */
export function matchEntities(entities: readonly Entity[], query: string, limit = 8): EntityMatch[] {
  const needle = foldForSearch(query.trim());
  const scored: Array<EntityMatch & { score: number }> = [];
  for (const entity of entities) {
    const byName = rank(entity.name, needle);
    if (byName >= 0) {
      scored.push({ entity, viaAlias: null, score: byName * 2 });
      continue;
    }
    const alias = entity.aliases.map((candidate) => ({ candidate, score: rank(candidate, needle) })).filter((match) => match.score >= 0).sort((a, b) => a.score - b.score)[0];
    if (alias) scored.push({ entity, viaAlias: alias.candidate, score: alias.score * 2 + 1 });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.entity.name.localeCompare(b.entity.name))
    .slice(0, limit)
    .map(({ entity, viaAlias }) => ({ entity, viaAlias }));
}
