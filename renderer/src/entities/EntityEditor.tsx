import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Entity, EntityType } from '../../../shared/model/annotation';
import type { EntityTypeId } from '../../../shared/model/ids';
import { useAppServices } from '../app/app-services';

interface EntityEditorProps {
  entity: Entity;
  types: readonly EntityType[];
  /** Runs an edit, showing its refusal (a bad QID, an empty name) where the user is looking. */
  run(what: Promise<void>, done?: string): void;
}

/**
 * The chosen entity's registry record: canonical name, type, aliases, description and Wikidata
 * id. Text fields save when they lose focus or on Enter; each save is one undo step.
 */
export function EntityEditor({ entity, types, run }: EntityEditorProps) {
  const { entities } = useAppServices();
  const { actions } = entities;
  const [alias, setAlias] = useState('');

  function addAlias(event: FormEvent) {
    event.preventDefault();
    if (alias.trim() === '') return run(Promise.reject(new Error('Type the alias to add')));
    run(actions.setAliases(entity.id, [...entity.aliases, alias]), `Added the alias “${alias.trim()}”`);
    setAlias('');
  }

  return (
    <div className="entity-form">
      <label htmlFor="entity-name">Name</label>
      <SavedInput id="entity-name" value={entity.name} onSave={(name) => run(actions.rename(entity.id, name), `Renamed to “${name.trim()}”`)} />
      <label htmlFor="entity-type">Type</label>
      <select id="entity-type" value={entity.typeId} onChange={(event) => run(actions.setType(entity.id, event.target.value as EntityTypeId), 'Type changed')}>
        {types.map((type) => (
          <option key={type.id} value={type.id}>
            {type.name}
          </option>
        ))}
      </select>
      <span>Aliases</span>
      <div>
        <ul className="alias-list" aria-label="Aliases">
          {entity.aliases.map((name) => (
            <li key={name}>
              {name}
              <button
                type="button"
                aria-label={`Remove alias ${name}`}
                onClick={() => run(actions.setAliases(entity.id, entity.aliases.filter((other) => other !== name)), `Removed the alias “${name}”`)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <form onSubmit={addAlias} className="alias-form">
          <input aria-label="New alias" placeholder="Another name" value={alias} onChange={(event) => setAlias(event.target.value)} />
          <button type="submit">Add alias</button>
        </form>
      </div>
      <label htmlFor="entity-description">Description</label>
      <SavedInput id="entity-description" multiline value={entity.description} onSave={(description) => run(actions.update(entity.id, { description }), 'Description saved')} />
      <label htmlFor="entity-qid">Wikidata</label>
      <SavedInput id="entity-qid" placeholder="Q57421" value={entity.externalId} onSave={(externalId) => run(actions.update(entity.id, { externalId }), externalId.trim() ? 'Wikidata id saved' : 'Wikidata id removed')} />
    </div>
  );
}

interface SavedInputProps {
  id: string;
  value: string;
  placeholder?: string;
  multiline?: boolean;
  onSave(value: string): void;
}

/** A text field that saves on blur or Enter when its text differs from the stored value; Escape puts the stored value back. */
function SavedInput({ id, value, placeholder, multiline = false, onSave }: SavedInputProps) {
  const [draft, setDraft] = useState(value);
  const [stored, setStored] = useState(value);
  if (stored !== value) {
    // The record changed (undo, another edit): show what is stored now.
    setStored(value);
    setDraft(value);
  }
  const save = () => {
    if (draft !== value) onSave(draft);
  };
  const props = {
    id,
    value: draft,
    placeholder,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onBlur: save,
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === 'Enter' && !(multiline && event.shiftKey)) {
        event.preventDefault();
        save();
      } else if (event.key === 'Escape') setDraft(value);
    },
  };
  return multiline ? <textarea rows={2} {...props} /> : <input {...props} />;
}
