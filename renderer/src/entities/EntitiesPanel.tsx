import { useEffect, useState } from 'react';
import type { EntityType } from '../../../shared/model/annotation';
import { useAppServices } from '../app/app-services';
import type { PassageToReveal } from '../reader/reveal-passage';
import type { EntitySelection } from './entity-selection';
import { EntityDetails } from './EntityDetails';
import { EntityIndex } from './EntityIndex';
import { EntityTypesDialog } from './EntityTypesDialog';
import { SelectedMention } from './SelectedMention';
import { useEntityIndex } from './use-entity-index';
import type { MentionStepping } from './use-mention-stepping';

const COUNT_CHECK_DELAY_MS = 10_000;

interface EntitiesPanelProps {
  types: readonly EntityType[];
  selection: EntitySelection;
  stepping: MentionStepping;
  titleForPath(path: string): string | undefined;
  reveal(passage: PassageToReveal): void;
  onMessage(message: string): void;
}

/** The Entities tab: the clicked mention, the entity index with a filter, and the chosen entity's details. */
export function EntitiesPanel({ types, selection, stepping, titleForPath, reveal, onMessage }: EntitiesPanelProps) {
  const { entities } = useAppServices();
  const { index, live } = useEntityIndex();
  const [filter, setFilter] = useState('');
  const [editingTypes, setEditingTypes] = useState(false);
  const chosen = selection.entityId;
  useEffect(() => {
    // Some seconds after the index shows: a walk of every mention, in case a stored total drifted
    // (a write by an older build, an edit in DevTools). Later, because on a large registry that
    // walk keeps IndexedDB busy for seconds, and the user's first reads should not wait behind it.
    if (!live) return;
    const timer = setTimeout(() => entities.verifyCounts().catch((error: unknown) => console.warn('Could not check the mention counts', error)), COUNT_CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [live, entities]);
  return (
    <aside className={`entities${chosen ? ' has-choice' : ''}`} aria-label="Entities">
      <div className="entities-header">
        <input type="search" aria-label="Filter entities" placeholder="Name or alias" value={filter} onChange={(event) => setFilter(event.target.value)} />
        <button type="button" onClick={() => setEditingTypes(true)}>
          Edit entity types…
        </button>
      </div>
      {selection.mention && <SelectedMention mention={selection.mention} onMessage={onMessage} />}
      <EntityIndex types={types} index={index} filter={filter} chosen={chosen} onChoose={(entityId) => entities.selection.set({ entityId, mention: null })} />
      {chosen && (
        <EntityDetails
          key={chosen}
          entityId={chosen}
          types={types}
          allEntities={index?.entities ?? []}
          mentionCount={index?.counts.get(chosen) ?? 0}
          titleForPath={titleForPath}
          reveal={reveal}
          stepping={stepping}
          onMessage={onMessage}
        />
      )}
      {editingTypes && <EntityTypesDialog types={types} onClose={() => setEditingTypes(false)} />}
    </aside>
  );
}
