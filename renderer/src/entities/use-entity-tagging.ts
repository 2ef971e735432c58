import { useCallback, useState } from 'react';
import type { EntityType } from '../../../shared/model/annotation';
import { useAppServices } from '../app/app-services';
import { resolveSelection, type SelectionTarget } from '../highlights/resolve-selection';
import { paintKey } from '../highlights/use-pane-highlights';
import type { TagOption } from './tag-options';
import { errorMessage } from '../../../shared/text/error-message';

export type SelectionInPane = Extract<SelectionTarget, { surface: unknown }>;

/** The type-ahead while it is open: what it will tag, with which type, and where it shows. */
export interface OpenTagPicker {
  target: SelectionInPane;
  type: EntityType;
  selectedText: string;
  position: { top: number; left: number };
}

export interface EntityTagging {
  picker: OpenTagPicker | null;
  /** Opens the type-ahead for the selection (from the selection toolbar). */
  openPicker(target: SelectionInPane, type: EntityType): void;
  closePicker(): void;
  /** Alt+Shift+<type's letter> on a selection: returns whether the key was a type's shortcut. */
  tagWithShortcut(event: KeyboardEvent): boolean;
  /** Tags the picker's selection with the chosen entity, or a new one. */
  choose(option: TagOption): Promise<void>;
}

/** Tagging the selection as a mention of an entity: the type-ahead's state and the tagging itself. */
export function useEntityTagging(types: readonly EntityType[], announce: (message: string) => void): EntityTagging {
  const { highlights, entities } = useAppServices();
  const [picker, setPicker] = useState<OpenTagPicker | null>(null);

  const openPicker = useCallback((target: SelectionInPane, type: EntityType) => {
    const { surface, span } = target;
    const selectedText = surface.content.text.slice(span.start, span.end);
    const selection = document.getSelection();
    const rect = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).getBoundingClientRect() : null;
    const top = Math.min(window.innerHeight - 280, (rect?.bottom ?? 120) + 8);
    const left = Math.max(8, Math.min(window.innerWidth - 380, rect?.left ?? 120));
    setPicker({ target, type, selectedText, position: { top, left } });
  }, []);

  const closePicker = useCallback(() => setPicker(null), []);

  const tagWithShortcut = useCallback(
    (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return false;
      const key = event.code.replace(/^Key/, '').toLowerCase();
      const type = types.find((candidate) => candidate.shortcut.toLowerCase() === key);
      if (!type) return false;
      const target = resolveSelection(document.getSelection(), highlights.surfaces);
      if (!target) return false;
      event.preventDefault();
      if ('error' in target) announce(target.error);
      else openPicker(target, type);
      return true;
    },
    [types, highlights, announce, openPicker],
  );

  const choose = useCallback(
    async (option: TagOption) => {
      if (!picker) return;
      const { target, type } = picker;
      const { surface, span } = target;
      setPicker(null);
      // Now, not after the write: by then the user may have selected the next words.
      document.getSelection()?.removeAllRanges();
      // What was chosen when the tagging started: if the user chooses something else while it is
      // written (another entity in the index, a mention in a pane), their choice stands.
      const chosenBefore = entities.selection.get();
      try {
        const { entity, mention } =
          option.kind === 'create'
            ? await entities.actions.createEntityAndTag(surface.articleId, surface.content.text, span, { typeId: type.id, name: option.name })
            : { entity: option.match.entity, mention: await entities.actions.tagMention(surface.articleId, surface.content.text, span, option.match.entity.id) };
        if (entities.selection.get() === chosenBefore) {
          entities.selection.set({ entityId: entity.id, mention: { paneId: surface.paneId, id: mention.id, candidates: [mention.id] } });
          entities.painter.select(paintKey(surface.paneId, mention.id));
        }
        const typeName = option.kind === 'entity' ? option.match.type.name : type.name;
        announce(`Tagged “${picker.selectedText}” as ${typeName} “${entity.name}”${target.trimmed ? ' (site boilerplate left out)' : ''}`);
      } catch (error) {
        announce(errorMessage(error));
      }
    },
    [picker, entities, announce],
  );

  return { picker, openPicker, closePicker, tagWithShortcut, choose };
}
