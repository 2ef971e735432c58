import { useState, type FormEvent } from 'react';
import type { Entity, EntityType } from '../../../shared/model/annotation';
import type { EntityId } from '../../../shared/model/ids';
import { ModalDialog } from '../dialogs/ModalDialog';
import { foldForSearch } from '../../../shared/text/fold-for-search';
import { errorMessage } from '../../../shared/text/error-message';
import { ErrorAlert } from '../dialogs/ErrorAlert';

interface MergeDialogProps {
  entity: Entity;
  entities: readonly Entity[];
  types: readonly EntityType[];
  onMerge(intoId: EntityId): Promise<void>;
  onClose(): void;
}

/**
 * Picks the entity to merge the chosen one into: a filter and a list of every entity with its
 * type. Choosing the entity itself is refused with a message rather than hidden, so the list
 * reads the same as the index.
 */
export function MergeDialog({ entity, entities, types, onMerge, onClose }: MergeDialogProps) {
  const [filter, setFilter] = useState('');
  const [into, setInto] = useState<EntityId | ''>('');
  const [error, setError] = useState('');
  const typeName = new Map(types.map((type) => [type.id as string, type.name]));
  const wanted = foldForSearch(filter.trim());
  const candidates = entities.filter((candidate) => wanted === '' || [candidate.name, ...candidate.aliases].some((name) => foldForSearch(name).includes(wanted))).slice(0, 500);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (into === '') return setError('Choose the entity to merge into');
    if (into === entity.id) return setError(`“${entity.name}” cannot be merged into itself: choose another entity`);
    onMerge(into).then(onClose, (failure: unknown) => setError(errorMessage(failure)));
  }

  return (
    <ModalDialog title={`Merge “${entity.name}” into…`} onClose={onClose}>
      <form onSubmit={submit} className="merge-form">
        <p>Its mentions and aliases move to the entity you choose, and its name becomes an alias there.</p>
        <input type="search" aria-label="Filter entities" placeholder="Filter" value={filter} onChange={(event) => setFilter(event.target.value)} />
        <select aria-label="Merge into" size={8} value={into} onChange={(event) => setInto(event.target.value as EntityId)}>
          {candidates.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {`${candidate.name} (${typeName.get(candidate.typeId) ?? 'no type'})`}
            </option>
          ))}
        </select>
        <ErrorAlert message={error} />
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit">Merge</button>
        </div>
      </form>
    </ModalDialog>
  );
}
