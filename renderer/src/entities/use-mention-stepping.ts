import { useCallback, useEffect, useRef } from 'react';
import type { EntityId } from '../../../shared/model/ids';
import { useAppServices } from '../app/app-services';
import { paintKey } from '../highlights/use-pane-highlights';
import { describeSteps, stepCursor } from './mention-cursor';

export interface MentionStepping {
  /** Moves every open pane to its own next (+1) or previous (-1) mention of the chosen entity. */
  step(direction: 1 | -1): void;
}

/**
 * Next/previous mention across panes: each pane keeps its own cursor among the chosen entity's
 * mentions in its article, scrolls to it and marks it, so the user can compare how each source
 * names the same actor. The cursors restart when another entity is chosen.
 */
export function useMentionStepping(entityId: EntityId | null, announce: (message: string) => void): MentionStepping {
  const { entities } = useAppServices();
  const cursors = useRef(new Map<string, number>());

  useEffect(() => {
    cursors.current = new Map();
    entities.painter.markCurrent([]);
  }, [entityId, entities]);

  const step = useCallback(
    (direction: 1 | -1) => {
      if (!entityId) return announce('Choose an entity first');
      const paneIds = [...document.querySelectorAll<HTMLElement>('[data-pane-id]')].map((element) => element.dataset.paneId ?? '');
      const marked: string[] = [];
      const report = paneIds.map((paneId, i) => {
        const mentions = entities.panes.ofEntity(paneId, entityId);
        const index = stepCursor(cursors.current.get(paneId), mentions.length, direction);
        const mention = index === null ? undefined : mentions[index];
        if (index === null || !mention) {
          cursors.current.delete(paneId);
          return { position: i + 1, index: null, count: 0 };
        }
        cursors.current.set(paneId, index);
        const key = paintKey(paneId, mention.id);
        marked.push(key);
        scrollIntoPane(paneId, entities.painter.rangeOf(key));
        return { position: i + 1, index, count: mentions.length };
      });
      entities.painter.markCurrent(marked);
      announce(paneIds.length === 0 ? 'Open an article to step through its mentions' : describeSteps(report));
    },
    [entityId, entities, announce],
  );

  return { step };
}

function scrollIntoPane(paneId: string, range: Range | undefined): void {
  const scroller = document.querySelector<HTMLElement>(`[data-pane-id="${paneId}"] .pane-body`);
  if (!range || !scroller) return;
  const offset = range.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  scroller.scrollTop += offset - scroller.clientHeight / 3;
}
