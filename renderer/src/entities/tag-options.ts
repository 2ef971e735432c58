import { sameNameIgnoringCase } from '../../../shared/text/same-name';
import type { EntityMatch } from '../db/entity-search';
import { collapseWhiteSpace } from '../../../shared/text/white-space';

/** One row of the tagging type-ahead: an existing entity, or creating one from the typed name. */
export type TagOption =
  | { kind: 'entity'; id: string; match: EntityMatch; label: string }
  | { kind: 'create'; id: string; name: string; label: string };

/**
 * The type-ahead's rows for what the user typed: the matching entities (an alias two entities
 * share lists both, each with its type), then "Create “name”" unless an entity of the chosen type
 * already has exactly that name. An empty query offers nothing: an entity needs a name.
 */
export function tagOptions(query: string, matches: readonly EntityMatch[], typeId: string): TagOption[] {
  const name = collapseWhiteSpace(query);
  if (name === '') return [];
  const options: TagOption[] = matches.map((match) => ({
    kind: 'entity',
    id: `entity-${match.entity.id}`,
    match,
    label: `${match.entity.name} (${match.type.name})${match.matchedAlias ? `, also called “${match.matchedAlias}”` : ''}`,
  }));
  const sameName = matches.some((match) => match.entity.typeId === typeId && sameNameIgnoringCase(match.entity.name, name));
  if (!sameName) options.push({ kind: 'create', id: 'create', name, label: `Create “${name}”` });
  return options;
}
