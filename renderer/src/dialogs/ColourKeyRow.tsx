import { useState } from 'react';

/** What the legend's colours and the entity types have in common: a name, a colour and a key. */
export interface ColourKey {
  id: string;
  name: string;
  color: string;
  shortcut: string;
}

interface ColourKeyRowProps<T extends ColourKey> {
  item: T;
  isNew: boolean;
  /** What a row is, in lower case: "colour", "type". */
  noun: string;
  /** Shown before the shortcut field, e.g. "Alt+Shift+". */
  shortcutPrefix?: string;
  onSave(item: T): void;
  onRemove(): void;
}

/**
 * One editable row of a list of named colours with a shortcut key (the highlight legend, the
 * entity types): its own form, so Enter in any field saves that row alone.
 */
export function ColourKeyRow<T extends ColourKey>({ item, isNew, noun, shortcutPrefix, onSave, onRemove }: ColourKeyRowProps<T>) {
  const [draft, setDraft] = useState(item);
  const label = isNew ? `new ${noun}` : item.name;
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  const shortcut = <input aria-label={`Shortcut of ${label}`} value={draft.shortcut} maxLength={1} size={2} onChange={(event) => setDraft({ ...draft, shortcut: event.target.value })} />;
  return (
    <form
      className="legend-row"
      aria-label={isNew ? `Add a ${noun}` : `${Noun} ${item.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        onSave(draft);
      }}
    >
      <input aria-label={`Name of ${label}`} value={draft.name} placeholder="Name" onChange={(event) => setDraft({ ...draft, name: event.target.value })} />
      <input aria-label={`Colour of ${label}`} type="color" value={draft.color} onChange={(event) => setDraft({ ...draft, color: event.target.value })} />
      {shortcutPrefix ? (
        <label className="shortcut-field">
          {shortcutPrefix}
          {shortcut}
        </label>
      ) : (
        shortcut
      )}
      <button type="submit">{isNew ? `Add ${noun}` : 'Save'}</button>
      {!isNew && (
        <button type="button" aria-label={`Remove ${item.name}`} onClick={onRemove}>
          Remove
        </button>
      )}
    </form>
  );
}
