import { useState } from 'react';
import type { EntityType } from '../../../shared/model/annotation';
import { newEntityTypeId, type EntityTypeId } from '../../../shared/model/ids';
import { useAppServices } from '../app/app-services';
import { deleteEntityType, EntityTypeError, saveEntityType } from '../db/entity-type-store';
import { ColourKeyRow } from '../dialogs/ColourKeyRow';
import { ModalDialog } from '../dialogs/ModalDialog';
import { MoveBeforeRemoving } from '../dialogs/MoveBeforeRemoving';
import { errorMessage } from '../../../shared/text/error-message';
import { ErrorAlert } from '../dialogs/ErrorAlert';

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
      .catch((failure: unknown) => setError(errorMessage(failure)));

  function remove(type: EntityType) {
    deleteEntityType(db, type.id).then(
      () => setError(null),
      (failure: unknown) => {
        if (failure instanceof EntityTypeError && failure.code === 'in-use') setRemoving({ type, inUse: failure.message });
        else setError(errorMessage(failure));
      },
    );
  }

  return (
    <ModalDialog title="Entity types" onClose={onClose}>
      <div className="legend-editor">
        {[...types, blank].map((type) => (
          <ColourKeyRow
            key={type.id}
            item={type}
            noun="type"
            shortcutPrefix="Alt+Shift+"
            isNew={type === blank}
            onSave={(updated) => attempt(saveEntityType(db, { id: updated.id, name: updated.name, color: updated.color, shortcut: updated.shortcut }), type === blank ? () => setBlankId(newEntityTypeId()) : undefined)}
            onRemove={() => remove(type)}
          />
        ))}
        {removing && (
          <MoveBeforeRemoving
            name={removing.type.name}
            message={`${removing.inUse}.`}
            moveLabel="Move its entities to"
            confirmLabel={`Move them and remove “${removing.type.name}”`}
            others={types.filter((type) => type.id !== removing.type.id)}
            onConfirm={(moveTo) => {
              attempt(moveTo ? deleteEntityType(db, removing.type.id, { moveTo }) : deleteEntityType(db, removing.type.id));
              setRemoving(null);
            }}
            onCancel={() => setRemoving(null)}
          />
        )}
        <ErrorAlert message={error} />
        <div className="form-buttons">
          <button type="button" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
