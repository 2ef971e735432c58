import { useState } from 'react';
import type { Entity } from '../../../shared/model/annotation';
import { ModalDialog } from '../dialogs/ModalDialog';
import { errorMessage } from '../../../shared/text/error-message';
import { ErrorAlert } from '../dialogs/ErrorAlert';

/** Asks before deleting an entity, saying how many mentions go with it. */
export function DeleteEntityDialog({ entity, mentions, onDelete, onClose }: { entity: Entity; mentions: number; onDelete(): Promise<void>; onClose(): void }) {
  const [error, setError] = useState('');
  return (
    <ModalDialog title={`Delete “${entity.name}”?`} onClose={onClose}>
      <p>{`“${entity.name}” and its ${mentions} mention${mentions === 1 ? '' : 's'} will be deleted. Undo (Ctrl+Z) brings them back.`}</p>
      <ErrorAlert message={error} />
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" onClick={() => onDelete().then(onClose, (failure: unknown) => setError(errorMessage(failure)))}>
          Delete entity and mentions
        </button>
      </div>
    </ModalDialog>
  );
}
