import { useState } from 'react';
import type { LegendEntry } from '../../../shared/model/annotation';
import { newLegendId, type LegendId } from '../../../shared/model/ids';
import { useAppServices } from '../app/app-services';
import { deleteLegendEntry, saveLegendEntry } from '../db/legend-store';
import { ColourKeyRow } from '../dialogs/ColourKeyRow';
import { ModalDialog } from '../dialogs/ModalDialog';
import { MoveBeforeRemoving } from '../dialogs/MoveBeforeRemoving';
import { errorMessage } from '../../../shared/text/error-message';
import { ErrorAlert } from '../dialogs/ErrorAlert';

/** Edits what each highlight colour means: its name, colour and Alt shortcut. */
export function LegendDialog({ legend, onClose }: { legend: readonly LegendEntry[]; onClose(): void }) {
  const { db } = useAppServices();
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<LegendId | null>(null);
  // The "add" row keeps one id until it is saved, so typing in it is not reset by re-renders.
  const [blankId, setBlankId] = useState<LegendId>(newLegendId);
  const removingEntry = legend.find((entry) => entry.id === removing);
  const blank: LegendEntry = { id: blankId, name: '', color: '#7dd3fc', shortcut: '', order: legend.length };
  const attempt = (work: Promise<unknown>, onDone?: () => void) =>
    void work
      .then(() => {
        setError(null);
        onDone?.();
      })
      .catch((failure: unknown) => setError(errorMessage(failure)));

  return (
    <ModalDialog title="Highlight colours" onClose={onClose}>
      <div className="legend-editor">
        {[...legend, blank].map((entry) => (
          <ColourKeyRow
            key={entry.id}
            item={entry}
            noun="colour"
            isNew={entry === blank}
            onSave={(updated) => attempt(saveLegendEntry(db, updated), entry === blank ? () => setBlankId(newLegendId()) : undefined)}
            onRemove={() => setRemoving(entry.id)}
          />
        ))}
        {removingEntry && (
          <MoveBeforeRemoving
            name={removingEntry.name}
            message={`Highlights coloured “${removingEntry.name}” will take another colour:`}
            moveLabel="Move its highlights to"
            confirmLabel={`Remove “${removingEntry.name}”`}
            others={legend.filter((entry) => entry.id !== removingEntry.id)}
            onConfirm={(reassignTo) => {
              attempt(deleteLegendEntry(db, removingEntry.id, reassignTo ? { reassignTo } : {}));
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
