import { useState } from 'react';

interface MoveBeforeRemovingProps<Id extends string> {
  /** The name of what is being removed. */
  name: string;
  /** Why it cannot simply go, e.g. "Highlights coloured “Evidence” will take another colour:". */
  message: string;
  /** The select's accessible name, e.g. "Move its highlights to". */
  moveLabel: string;
  confirmLabel: string;
  others: ReadonlyArray<{ id: Id; name: string }>;
  /** `null` when there is nothing else to move to (the store then decides whether it may go). */
  onConfirm(moveTo: Id | null): void;
  onCancel(): void;
}

/** Asks where the things using a colour or type should go before it is removed. */
export function MoveBeforeRemoving<Id extends string>({ name, message, moveLabel, confirmLabel, others, onConfirm, onCancel }: MoveBeforeRemovingProps<Id>) {
  const [target, setTarget] = useState<Id | ''>(others[0]?.id ?? '');
  return (
    <div className="remove-confirmation" role="group" aria-label={`Remove ${name}`}>
      <p>{message}</p>
      <select aria-label={moveLabel} value={target} onChange={(event) => setTarget(event.target.value as Id)}>
        {others.map((other) => (
          <option key={other.id} value={other.id}>
            {other.name}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => onConfirm(target === '' ? null : target)}>
        {confirmLabel}
      </button>
      <button type="button" onClick={onCancel}>
        Keep it
      </button>
    </div>
  );
}
