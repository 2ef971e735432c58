import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type KeyboardEvent } from 'react';
import type { EntityType } from '../../../shared/model/annotation';
import { useAppServices } from '../app/app-services';
import { findEntitiesByName } from '../db/entity-search';
import { tagOptions, type TagOption } from './tag-options';

interface TagPickerProps {
  type: EntityType;
  /** The selected words: what the type-ahead starts with and a new entity is named by default. */
  selectedText: string;
  position: { top: number; left: number };
  onChoose(option: TagOption): void;
  onClose(): void;
}

/**
 * The type-ahead that tags the selection (WAI-ARIA combobox with a listbox popup): arrows move
 * through entities whose name or alias matches, Enter tags with the active one or creates a new
 * entity, Escape closes.
 */
export function TagPicker({ type, selectedText, position, onChoose, onClose }: TagPickerProps) {
  const { db } = useAppServices();
  const [query, setQuery] = useState(selectedText.trim());
  const [active, setActive] = useState(0);
  const matches = useLiveQuery(() => findEntitiesByName(db, query, 12), [db, query]);
  const options = tagOptions(query, matches ?? [], type.id);
  const listId = useId();
  const activeIndex = Math.min(active, options.length - 1);
  const activeOption = options[activeIndex];

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (options.length > 0) setActive((activeIndex + (event.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (activeOption) onChoose(activeOption);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  }

  return (
    <div className="tag-picker" role="dialog" aria-label={`Tag as ${type.name}`} style={{ top: position.top, left: position.left }}>
      <label>
        <span className="swatch" style={{ backgroundColor: type.color }} aria-hidden="true" />
        {`Tag as ${type.name}`}
        <input
          role="combobox"
          aria-expanded={options.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeOption ? `${listId}-${activeOption.id}` : undefined}
          // The picker opens on purpose, from a button or shortcut: typing goes straight to it.
          autoFocus
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onBlur={(event) => {
            if (!event.currentTarget.closest('.tag-picker')?.contains(event.relatedTarget)) onClose();
          }}
        />
      </label>
      {options.length === 0 ? (
        <p className="tag-picker-hint" role="alert">
          Type the entity’s name
        </p>
      ) : (
        <ul id={listId} role="listbox" aria-label="Entities">
          {options.map((option, i) => (
            <li
              key={option.id}
              id={`${listId}-${option.id}`}
              role="option"
              aria-selected={i === activeIndex}
              className={option.kind === 'create' ? 'create' : undefined}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onChoose(option)}
            >
              {option.kind === 'entity' && <span className="swatch" style={{ backgroundColor: option.match.type.color }} aria-hidden="true" />}
              {option.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
