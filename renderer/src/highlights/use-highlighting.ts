import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LegendEntry } from '../../../shared/model/annotation';
import type { AnnotationId } from '../../../shared/model/ids';
import { useAppServices } from '../app/app-services';
import { getAnnotation } from '../db/annotation-packs';
import { loadLegend } from '../db/legend-store';
import type { SelectedHighlight } from './AnnotationsPanel';
import { resolveSelection, type SelectionTarget } from './resolve-selection';
import { textRangeToDomRange } from './text-geometry';
import { paintKey } from './use-pane-highlights';

type SelectionInPane = Extract<SelectionTarget, { surface: unknown }>;

export interface Highlighting {
  legend: LegendEntry[];
  selected: SelectedHighlight | null;
  select(selection: SelectedHighlight | null, scroll: boolean): void;
  highlightSelection(target: SelectionInPane, entry: LegendEntry): Promise<void>;
  /** Alt+<shortcut> on a selection: returns whether the key was a legend shortcut. */
  highlightWithShortcut(event: KeyboardEvent): boolean;
  reattach(id: AnnotationId): void;
  undo(): void;
  redo(): void;
}

/**
 * The app-wide highlighting state and commands: the legend and its paint styles, which highlight
 * is selected, creating highlights from the selection, re-attaching orphans, undo and redo.
 */
export function useHighlighting(announce: (message: string) => void): Highlighting {
  const { db, highlights } = useAppServices();
  const legend = useLiveQuery(() => loadLegend(db), [db]);
  const [selected, setSelected] = useState<SelectedHighlight | null>(null);
  /** Counts the user's choices of a highlight, so a highlight being created does not take one back. */
  const choices = useRef(0);

  useEffect(() => {
    highlights.legendStyles.update((legend ?? []).map((entry) => ({ registryName: highlights.painter.registryName(entry.id), color: entry.color })));
  }, [legend, highlights]);

  useEffect(() => {
    highlights.painter.select(selected ? paintKey(selected.paneId, selected.id) : null);
  }, [selected, highlights]);

  const select = useCallback(
    (selection: SelectedHighlight | null, scroll: boolean) => {
      choices.current += 1;
      setSelected(selection);
      if (!selection || !scroll) return;
      const range = highlights.painter.rangeOf(paintKey(selection.paneId, selection.id));
      const scroller = document.querySelector<HTMLElement>(`[data-pane-id="${selection.paneId}"] .pane-body`);
      if (!range || !scroller) return;
      const offset = range.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      scroller.scrollTop += offset - scroller.clientHeight / 3;
    },
    [highlights],
  );

  const highlightSelection = useCallback(
    async (target: SelectionInPane, entry: LegendEntry) => {
      const { surface, span } = target;
      const choicesBefore = choices.current;
      const record = await highlights.actions.create(surface.articleId, surface.content.text, span, entry.id);
      // Paint at once rather than waiting for the database round trip to reach the pane.
      const range = textRangeToDomRange(surface.root, surface.lineIndex, span.start, span.end);
      if (range) highlights.painter.paint(paintKey(surface.paneId, record.id), entry.id, range);
      performance.mark('highlight-created');
      document.getSelection()?.removeAllRanges();
      // Chosen unless the user chose another highlight while it was written.
      if (choices.current === choicesBefore) setSelected({ paneId: surface.paneId, id: record.id, candidates: [record.id] });
      announce(`Highlighted as ${entry.name}${target.trimmed ? ' (site boilerplate left out)' : ''}`);
    },
    [highlights, announce],
  );

  const highlightWithShortcut = useCallback(
    (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return false;
      const key = event.code.replace(/^(?:Digit|Key|Numpad)/, '').toLowerCase();
      const entry = legend?.find((candidate) => candidate.shortcut.toLowerCase() === key);
      if (!entry) return false;
      const target = resolveSelection(document.getSelection(), highlights.surfaces);
      if (!target) return false;
      event.preventDefault();
      if ('error' in target) announce(target.error);
      else void highlightSelection(target, entry).catch((error: unknown) => announce(String(error)));
      return true;
    },
    [legend, highlights, highlightSelection, announce],
  );

  const reattach = useCallback(
    (id: AnnotationId) => {
      const target = resolveSelection(document.getSelection(), highlights.surfaces);
      if (!target) return announce('First select, in the article, the passage this highlight belongs to');
      if ('error' in target) return announce(target.error);
      void getAnnotation(db, id).then(async (record) => {
        if (!record || record.articleId !== target.surface.articleId) return announce('Select the passage in the same article as the orphaned highlight');
        await highlights.actions.reattach(id, target.surface.content.text, target.span);
        document.getSelection()?.removeAllRanges();
        announce('Highlight re-attached');
      });
    },
    [db, highlights, announce],
  );

  const undo = useCallback(() => {
    void highlights.undo.undo().then((label) => announce(label ? `Undid ${label}` : 'Nothing to undo'));
  }, [highlights, announce]);
  const redo = useCallback(() => {
    void highlights.undo.redo().then((label) => announce(label ? `Redid ${label}` : 'Nothing to redo'));
  }, [highlights, announce]);

  return { legend: legend ?? [], selected, select, highlightSelection, highlightWithShortcut, reattach, undo, redo };
}
