import { useCallback, useEffect } from 'react';
import type { EntityType } from '../../../shared/model/annotation';
import { useAppServices } from '../app/app-services';
import { paintKey } from '../highlights/use-pane-highlights';
import type { EntitySelection } from './entity-selection';
import { useEntitySelection } from './use-entity-selection';
import { useEntityTagging, type EntityTagging } from './use-entity-tagging';
import { useEntityTypes } from './use-entity-types';
import { useMentionStepping, type MentionStepping } from './use-mention-stepping';

export interface Entities {
  types: EntityType[];
  selection: EntitySelection;
  tagging: EntityTagging;
  stepping: MentionStepping;
  /** The entity keyboard shortcuts (Alt+Shift+letter tags, Alt+ArrowDown/Up steps); returns whether the key was one. */
  onKey(event: KeyboardEvent): boolean;
}

/**
 * The app-wide entity state: types and their paint, the chosen entity and mention (painted in
 * every pane), tagging the selection and stepping through mentions. `onChosen` is called when a
 * click in a pane chooses a mention, so the Entities tab can come forward.
 */
export function useEntities(announce: (message: string) => void, onMentionClicked: () => void): Entities {
  const { entities } = useAppServices();
  const types = useEntityTypes();
  const selection = useEntitySelection();
  const tagging = useEntityTagging(types, announce);
  const stepping = useMentionStepping(selection.entityId, announce);

  useEffect(() => {
    entities.painter.choose(selection.entityId);
    entities.painter.select(selection.mention ? paintKey(selection.mention.paneId, selection.mention.id) : null);
  }, [selection, entities]);

  const clickedMention = selection.mention;
  useEffect(() => {
    if (clickedMention) onMentionClicked();
  }, [clickedMention, onMentionClicked]);

  const onKey = useCallback(
    (event: KeyboardEvent) => {
      if (tagging.tagWithShortcut(event)) return true;
      const inField = event.target instanceof HTMLElement && event.target.closest('input, select, textarea, [contenteditable="true"]') !== null;
      if (event.altKey && !event.shiftKey && !event.ctrlKey && !event.metaKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp') && selection.entityId && !inField) {
        event.preventDefault();
        stepping.step(event.key === 'ArrowDown' ? 1 : -1);
        return true;
      }
      return false;
    },
    [tagging, stepping, selection.entityId],
  );

  return { types, selection, tagging, stepping, onKey };
}
