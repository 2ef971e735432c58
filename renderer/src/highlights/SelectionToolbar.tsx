import { useEffect, useState } from 'react';
import type { EntityType, LegendEntry } from '../../../shared/model/annotation';
import { useAppServices } from '../app/app-services';
import { resolveSelection, type SelectionTarget } from './resolve-selection';

interface SelectionToolbarProps {
  legend: readonly LegendEntry[];
  onHighlight(target: Extract<SelectionTarget, { surface: unknown }>, legend: LegendEntry): void;
  /** Entity types to tag the selection with (each opens the tagging type-ahead). */
  entityTypes?: readonly EntityType[];
  onTag?(target: Extract<SelectionTarget, { surface: unknown }>, type: EntityType): void;
}

/**
 * The small toolbar that appears under a selection in a pane: one button per legend colour and one
 * per entity type, or a message saying why the selection cannot be highlighted or tagged.
 */
export function SelectionToolbar({ legend, onHighlight, entityTypes = [], onTag }: SelectionToolbarProps) {
  const { highlights } = useAppServices();
  const [state, setState] = useState<{ target: SelectionTarget; top: number; left: number } | null>(null);

  useEffect(() => {
    const update = () => {
      const selection = document.getSelection();
      const target = resolveSelection(selection, highlights.surfaces);
      if (!target || !selection || selection.rangeCount === 0) {
        setState(null);
        return;
      }
      const rect = selection.getRangeAt(selection.rangeCount - 1).getBoundingClientRect();
      setState({ target, top: Math.min(window.innerHeight - 60, rect.bottom + 8), left: Math.max(8, Math.min(window.innerWidth - 570, rect.left)) });
    };
    document.addEventListener('selectionchange', update);
    // A pane may become ready (its highlights loaded) after the user selected text in it.
    const unsubscribe = highlights.surfaces.subscribe(update);
    return () => {
      document.removeEventListener('selectionchange', update);
      unsubscribe();
    };
  }, [highlights.surfaces]);

  if (!state) return null;
  const { target } = state;
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Highlight the selection" style={{ top: state.top, left: state.left }} onMouseDown={(event) => event.preventDefault()}>
      {'error' in target ? (
        <span className="selection-error" role="status">
          {target.error}
        </span>
      ) : (
        legend.map((entry) => (
          <button key={entry.id} type="button" title={`Alt+${entry.shortcut}`} onClick={() => onHighlight(target, entry)}>
            <span className="swatch" style={{ backgroundColor: entry.color }} aria-hidden="true" />
            {`Highlight as ${entry.name}`}
          </button>
        ))
      )}
      {!('error' in target) && onTag && entityTypes.length > 0 && (
        <span className="selection-tags" role="group" aria-label="Tag as entity">
          {entityTypes.map((type) => (
            <button key={type.id} type="button" className="tag-button" title={`Alt+Shift+${type.shortcut.toUpperCase()}`} onClick={() => onTag(target, type)}>
              <span className="swatch underline" style={{ borderColor: type.color }} aria-hidden="true" />
              {`Tag as ${type.name}`}
            </button>
          ))}
        </span>
      )}
    </div>
  );
}
