import { useState } from 'react';
import type { EntityType } from '../../../shared/model/annotation';
import { newEntityTypeId, type EntityTypeId } from '../../../shared/model/ids';
import { useAppServices } from '../app/app-services';
import { deleteEntityType, EntityTypeError, saveEntityType } from '../db/entity-type-store';
import { ModalDialog } from '../dialogs/ModalDialog';

/**
 * Edits the entity types: add, rename, recolour, change the Alt+Shift shortcut, remove. Removing
 * a type some entities have asks first, offering to move them to another type; a duplicate name or
 * shortcut is refused with the store's message.
 */
export function EntityTypesDialog({ types, onClose }: { types: readonly EntityType[]; onClose(): void }) {
  const { db } = useAppServices();
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<{ type: EntityType; inUse: string } | null>(null);
  const [blankId, setBlankId] = useState<EntityTypeId>(newEntityTypeId);
  const blank: EntityType = { id: blankId, name: '', color: '#6e56cf', shortcut: '', order: types.length + 1 };
  const attempt = (work: Promise<unknown>, onDone?: () => void) =>
    void work
      .then(() => {
        setError(null);
        onDone?.();
      })
      .catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));

  function remove(type: EntityType) {
    deleteEntityType(db, type.id).then(
      () => setError(null),
      (failure: unknown) => {
        if (failure instanceof EntityTypeError && failure.code === 'in-use') setRemoving({ type, inUse: failure.message });
        else setError(failure instanceof Error ? failure.message : String(failure));
      },
    );
  }

  return (
    <ModalDialog title="Entity types" onClose={onClose}>
      <div className="legend-editor">
        {[...types, blank].map((type) => (
          <TypeRow
            key={type.id}
            type={type}
            isNew={type === blank}
            onSave={(updated) => attempt(saveEntityType(db, { id: updated.id, name: updated.name, color: updated.color, shortcut: updated.shortcut }), type === blank ? () => setBlankId(newEntityTypeId()) : undefined)}
            onRemove={() => remove(type)}
          />
        ))}
        {removing && (
          <MoveConfirmation
            removing={removing}
            others={types.filter((type) => type.id !== removing.type.id)}
            onConfirm={(moveTo) => {
              attempt(deleteEntityType(db, removing.type.id, { moveTo }));
              setRemoving(null);
            }}
            onCancel={() => setRemoving(null)}
          />
        )}
        {error && (
          <p className="warning" role="alert">
            {error}
          </p>
        )}
        <div className="form-buttons">
          <button type="button" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}

function TypeRow({ type, isNew, onSave, onRemove }: { type: EntityType; isNew: boolean; onSave(type: EntityType): void; onRemove(): void }) {
  const [draft, setDraft] = useState(type);
  const label = isNew ? 'new type' : type.name;
  return (
    <form
      className="legend-row"
      aria-label={isNew ? 'Add a type' : `Type ${type.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        onSave(draft);
      }}
    >
      <input aria-label={`Name of ${label}`} value={draft.name} placeholder="Name" onChange={(event) => setDraft({ ...draft, name: event.target.value })} />
      <input aria-label={`Colour of ${label}`} type="color" value={draft.color} onChange={(event) => setDraft({ ...draft, color: event.target.value })} />
      <label className="shortcut-field">
        Alt+Shift+
        <input aria-label={`Shortcut of ${label}`} value={draft.shortcut} maxLength={1} size={2} onChange={(event) => setDraft({ ...draft, shortcut: event.target.value })} />
      </label>
      <button type="submit">{isNew ? 'Add type' : 'Save'}</button>
      {!isNew && (
        <button type="button" aria-label={`Remove ${type.name}`} onClick={onRemove}>
          Remove
        </button>
      )}
    </form>
  );
}

interface MoveConfirmationProps {
  removing: { type: EntityType; inUse: string };
  others: readonly EntityType[];
  onConfirm(moveTo: EntityTypeId): void;
  onCancel(): void;
}

function MoveConfirmation({ removing, others, onConfirm, onCancel }: MoveConfirmationProps) {
  const [target, setTarget] = useState<EntityTypeId | ''>(others[0]?.id ?? '');
  const { type } = removing;
  return (
    <div className="remove-confirmation" role="group" aria-label={`Remove ${type.name}`}>
      <p>{removing.inUse}.</p>
      <select aria-label="Move its entities to" value={target} onChange={(event) => setTarget(event.target.value as EntityTypeId)}>
        {others.map((other) => (
          <option key={other.id} value={other.id}>
            {other.name}
          </option>
        ))}
      </select>
      <button type="button" disabled={target === ''} onClick={() => target !== '' && onConfirm(target)}>
        {`Move them and remove “${type.name}”`}
      </button>
      <button type="button" onClick={onCancel}>
        Keep it
      </button>
    </div>
  );
}
