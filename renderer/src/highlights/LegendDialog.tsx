import { useState } from 'react';
import type { LegendEntry } from '../../../shared/model/annotation';
import { newLegendId, type LegendId } from '../../../shared/model/ids';
import { useAppServices } from '../app/app-services';
import { deleteLegendEntry, saveLegendEntry } from '../db/legend-store';
import { ModalDialog } from '../dialogs/ModalDialog';

/** Edits what each highlight colour means: its name, colour and Alt shortcut. */
export function LegendDialog({ legend, onClose }: { legend: readonly LegendEntry[]; onClose(): void }) {
  const { db } = useAppServices();
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<LegendId | null>(null);
  // The "add" row keeps one id until it is saved, so typing in it is not reset by re-renders.
  const [blankId, setBlankId] = useState<LegendId>(newLegendId);
  const blank: LegendEntry = { id: blankId, name: '', color: '#7dd3fc', shortcut: '', order: legend.length };
  const attempt = (work: Promise<unknown>, onDone?: () => void) =>
    void work
      .then(() => {
        setError(null);
        onDone?.();
      })
      .catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));

  return (
    <ModalDialog title="Highlight colours" onClose={onClose}>
      <div className="legend-editor">
        {[...legend, blank].map((entry) => (
          <LegendRow
            key={entry.id}
            entry={entry}
            isNew={entry === blank}
            onSave={(updated) => attempt(saveLegendEntry(db, updated), entry === blank ? () => setBlankId(newLegendId()) : undefined)}
            onRemove={() => setRemoving(entry.id)}
          />
        ))}
        {removing && (
          <RemoveConfirmation
            entry={legend.find((entry) => entry.id === removing)}
            others={legend.filter((entry) => entry.id !== removing)}
            onConfirm={(reassignTo) => {
              attempt(deleteLegendEntry(db, removing, reassignTo ? { reassignTo } : {}));
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

function LegendRow({ entry, isNew, onSave, onRemove }: { entry: LegendEntry; isNew: boolean; onSave(entry: LegendEntry): void; onRemove(): void }) {
  const [draft, setDraft] = useState(entry);
  const label = isNew ? 'new colour' : entry.name;
  return (
    <form
      className="legend-row"
      aria-label={isNew ? 'Add a colour' : `Colour ${entry.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        onSave(draft);
      }}
    >
      <input aria-label={`Name of ${label}`} value={draft.name} placeholder="Name" onChange={(event) => setDraft({ ...draft, name: event.target.value })} />
      <input aria-label={`Colour of ${label}`} type="color" value={draft.color} onChange={(event) => setDraft({ ...draft, color: event.target.value })} />
      <input aria-label={`Shortcut of ${label}`} value={draft.shortcut} maxLength={1} size={2} onChange={(event) => setDraft({ ...draft, shortcut: event.target.value })} />
      <button type="submit">{isNew ? 'Add colour' : 'Save'}</button>
      {!isNew && (
        <button type="button" aria-label={`Remove ${entry.name}`} onClick={onRemove}>
          Remove
        </button>
      )}
    </form>
  );
}

function RemoveConfirmation({ entry, others, onConfirm, onCancel }: { entry: LegendEntry | undefined; others: readonly LegendEntry[]; onConfirm(reassignTo: LegendId | null): void; onCancel(): void }) {
  const [target, setTarget] = useState<LegendId | ''>(others[0]?.id ?? '');
  if (!entry) return null;
  return (
    <div className="remove-confirmation" role="group" aria-label={`Remove ${entry.name}`}>
      <p>Highlights coloured “{entry.name}” will take another colour:</p>
      <select aria-label="Move its highlights to" value={target} onChange={(event) => setTarget(event.target.value as LegendId)}>
        {others.map((other) => (
          <option key={other.id} value={other.id}>
            {other.name}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => onConfirm(target || null)}>
        Remove “{entry.name}”
      </button>
      <button type="button" onClick={onCancel}>
        Keep it
      </button>
    </div>
  );
}
