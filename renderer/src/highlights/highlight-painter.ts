/**
 * Paints highlights with the CSS Custom Highlight API: one `Highlight` per legend colour in the
 * global registry, holding the ranges of every pane. The article's DOM is never touched, so
 * adding, removing or recolouring a highlight never re-renders the text.
 */
export interface HighlightPainter {
  /** Adds or replaces the painted range for `key` (pane id + annotation id). */
  paint(key: string, colourKey: string, range: Range): void;
  erase(key: string): void;
  /** Underlines one highlight as selected (or none). */
  select(key: string | null): void;
  /** The painted range of a highlight, to scroll to it. */
  rangeOf(key: string): Range | undefined;
  /** The registry name used for a colour, for the matching `::highlight()` rule. */
  registryName(colourKey: string): string;
  dispose(): void;
}

interface Painted {
  colourKey: string;
  range: Range;
}

export const SELECTED_HIGHLIGHT = 'wb-selected';

export function createHighlightPainter(registry: HighlightRegistry = CSS.highlights): HighlightPainter {
  const painted = new Map<string, Painted>();
  const byColour = new Map<string, Highlight>();
  const selected = new Highlight();
  selected.priority = 10;
  registry.set(SELECTED_HIGHLIGHT, selected);
  let selectedKey: string | null = null;

  const registryName = (colourKey: string) => `wb-${colourKey}`;

  function highlightFor(colourKey: string): Highlight {
    let highlight = byColour.get(colourKey);
    if (!highlight) {
      highlight = new Highlight();
      byColour.set(colourKey, highlight);
      registry.set(registryName(colourKey), highlight);
    }
    return highlight;
  }

  function erase(key: string): void {
    const previous = painted.get(key);
    if (!previous) return;
    byColour.get(previous.colourKey)?.delete(previous.range);
    if (selectedKey === key) selected.clear();
    painted.delete(key);
  }

  return {
    paint(key, colourKey, range) {
      erase(key);
      painted.set(key, { colourKey, range });
      highlightFor(colourKey).add(range);
      if (selectedKey === key) selected.add(range);
    },
    erase,
    select(key) {
      selected.clear();
      selectedKey = key;
      const range = key ? painted.get(key)?.range : undefined;
      if (range) selected.add(range);
    },
    rangeOf: (key) => painted.get(key)?.range,
    registryName,
    dispose() {
      for (const colourKey of byColour.keys()) registry.delete(registryName(colourKey));
      registry.delete(SELECTED_HIGHLIGHT);
      byColour.clear();
      painted.clear();
    },
  };
}
