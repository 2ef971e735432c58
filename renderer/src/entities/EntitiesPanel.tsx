import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { EntityType } from '../../../shared/model/annotation';
import { useAppServices } from '../app/app-services';
import { loadEntityIndex } from '../db/entity-index';
import type { PassageToReveal } from '../reader/reveal-passage';
import type { EntitySelection } from './entity-selection';
import { EntityDetails } from './EntityDetails';
import { EntityIndex } from './EntityIndex';
import { EntityTypesDialog } from './EntityTypesDialog';
import { SelectedMention } from './SelectedMention';
import type { MentionStepping } from './use-mention-stepping';

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
  const { db, entities } = useAppServices();
  const index = useLiveQuery(() => loadEntityIndex(db), [db]);
  const [filter, setFilter] = useState('');
  const [editingTypes, setEditingTypes] = useState(false);
  const chosen = selection.entityId;
  return (
    <aside className={`entities${chosen ? ' has-choice' : ''}`} aria-label="Entities">
      <div className="entities-header">
        <input type="search" aria-label="Filter entities" placeholder="Filter by name or alias" value={filter} onChange={(event) => setFilter(event.target.value)} />
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
