/**
 * Paints entity mentions with the CSS Custom Highlight API, apart from highlights: one `Highlight`
 * per entity type (its colour), plus three overlays: the mentions of the entity chosen in the
 * Entities tab, the mention selected by a click, and the mention each pane stepped to last. Ranges
 * of one mention may overlap or nest inside another's; the API paints both.
 */
export interface MentionPainter {
  /** Adds or replaces the painted range for `key` (pane id + annotation id). */
  paint(key: string, paint: { typeId: string; entityId: string }, range: Range): void;
  erase(key: string): void;
  /** Paints every mention of `entityId` more strongly (or none). */
  choose(entityId: string | null): void;
  /** Marks one mention as selected (or none). */
  select(key: string | null): void;
  /** Marks the mentions that next/previous stepped to, one per pane. */
  markCurrent(keys: readonly string[]): void;
  rangeOf(key: string): Range | undefined;
  /** The registry name of a type's highlight, for the matching `::highlight()` rule. */
  registryName(typeId: string): string;
  dispose(): void;
}

export const CHOSEN_MENTIONS = 'wbm-chosen';
export const SELECTED_MENTION = 'wbm-selected';
export const CURRENT_MENTIONS = 'wbm-current';

interface Painted {
  typeId: string;
  entityId: string;
  range: Range;
}

export function createMentionPainter(registry: HighlightRegistry = CSS.highlights): MentionPainter {
  const painted = new Map<string, Painted>();
  const byType = new Map<string, Highlight>();
  const overlay = (name: string, priority: number): Highlight => {
    const highlight = new Highlight();
    highlight.priority = priority;
    registry.set(name, highlight);
    return highlight;
  };
  const chosen = overlay(CHOSEN_MENTIONS, 5);
  const selected = overlay(SELECTED_MENTION, 11);
  const current = overlay(CURRENT_MENTIONS, 12);
  let chosenEntity: string | null = null;
  let selectedKey: string | null = null;
  let currentKeys = new Set<string>();
  const registryName = (typeId: string) => `wbm-type-${typeId}`;

  function highlightFor(typeId: string): Highlight {
    let highlight = byType.get(typeId);
    if (!highlight) {
      highlight = new Highlight();
      highlight.priority = 1;
      byType.set(typeId, highlight);
      registry.set(registryName(typeId), highlight);
    }
    return highlight;
  }

  function erase(key: string): void {
    const previous = painted.get(key);
    if (!previous) return;
    byType.get(previous.typeId)?.delete(previous.range);
    chosen.delete(previous.range);
    selected.delete(previous.range);
    current.delete(previous.range);
    painted.delete(key);
  }

  return {
    paint(key, { typeId, entityId }, range) {
      erase(key);
      painted.set(key, { typeId, entityId, range });
      highlightFor(typeId).add(range);
      if (entityId === chosenEntity) chosen.add(range);
      if (key === selectedKey) selected.add(range);
      if (currentKeys.has(key)) current.add(range);
    },
    erase,
    choose(entityId) {
      chosenEntity = entityId;
      chosen.clear();
      if (entityId === null) return;
      for (const item of painted.values()) if (item.entityId === entityId) chosen.add(item.range);
    },
    select(key) {
      selectedKey = key;
      selected.clear();
      const range = key ? painted.get(key)?.range : undefined;
      if (range) selected.add(range);
    },
    markCurrent(keys) {
      currentKeys = new Set(keys);
      current.clear();
      for (const key of keys) {
        const range = painted.get(key)?.range;
        if (range) current.add(range);
      }
    },
    rangeOf: (key) => painted.get(key)?.range,
    registryName,
    dispose() {
      for (const typeId of byType.keys()) registry.delete(registryName(typeId));
      for (const name of [CHOSEN_MENTIONS, SELECTED_MENTION, CURRENT_MENTIONS]) registry.delete(name);
      byType.clear();
      painted.clear();
    },
  };
}
