import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { LexicalTypeaheadMenuPlugin, MenuOption, useBasicTypeaheadTriggerMatch } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { useLiveQuery } from 'dexie-react-hooks';
import { $createTextNode, type TextNode } from 'lexical';
import { useCallback, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { Entity } from '../../../../shared/model/annotation';
import { useAppServices } from '../../app/app-services';
import { matchEntities, type EntityMatch } from '../match-entities';
import { $createEntityMentionNode } from '../nodes/EntityMentionNode';

class EntityOption extends MenuOption {
  constructor(readonly match: EntityMatch) {
    super(match.entity.id);
  }
}

/** `@` offers the registry's entities by name and alias; choosing one inserts a mention. */
export function MentionsPlugin() {
  const [editor] = useLexicalComposerContext();
  const { db } = useAppServices();
  const [query, setQuery] = useState<string | null>(null);
  const rows = useLiveQuery(() => db.entities.toArray(), [db]);
  const entities = useMemo(() => (rows ?? []).flatMap((row) => (Entity.safeParse(row).success ? [row] : [])), [rows]);
  const options = useMemo(() => (query === null ? [] : matchEntities(entities, query).map((match) => new EntityOption(match))), [entities, query]);
  const trigger = useBasicTypeaheadTriggerMatch('@', { minLength: 0, maxLength: 60, allowWhitespace: true });
  const onSelect = useCallback(
    (option: EntityOption, nodeWithQuery: TextNode | null, closeMenu: () => void) => {
      editor.update(() => {
        const mention = $createEntityMentionNode(option.match.entity.id, option.match.entity.name);
        if (nodeWithQuery) nodeWithQuery.replace(mention);
        const space = $createTextNode(' ');
        mention.insertAfter(space);
        space.select();
      });
      closeMenu();
    },
    [editor],
  );
  return (
    <LexicalTypeaheadMenuPlugin<EntityOption>
      onQueryChange={setQuery}
      onSelectOption={onSelect}
      triggerFn={trigger}
      options={options}
      menuRenderFn={(anchor, { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex }) =>
        anchor.current
          ? createPortal(
              <div className="mention-menu">
                {options.length === 0 ? (
                  <p className="mention-empty">{entities.length === 0 ? 'No entities yet: tag one in an article first.' : 'No entity by that name.'}</p>
                ) : (
                  <ul role="listbox" aria-label="Entities">
                    {options.map((option, index) => (
                      <li
                        key={option.key}
                        ref={(element) => option.setRefElement(element)}
                        role="option"
                        aria-selected={selectedIndex === index}
                        className={selectedIndex === index ? 'selected' : undefined}
                        onMouseEnter={() => setHighlightedIndex(index)}
                        onMouseDown={(event) => {
                          event.preventDefault();
                          selectOptionAndCleanUp(option);
                        }}
                      >
                        {option.match.entity.name}
                        {option.match.viaAlias && <span className="mention-alias"> ({option.match.viaAlias})</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </div>,
              anchor.current,
            )
          : null
      }
    />
  );
}
