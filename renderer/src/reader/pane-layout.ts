/** One reading pane: which article it shows and where it is scrolled to. */
export interface PaneState {
  id: string;
  path: string | null;
  /** Fraction 0–1 of the pane's scrollable height; survives window resizes better than pixels. */
  scroll: number;
  /** Relative width; panes share the row in proportion. */
  width: number;
}

export interface PaneLayout {
  panes: PaneState[];
  focusedId: string;
  syncScroll: boolean;
}

export const MAX_PANES = 4;

export type PaneAction =
  | { type: 'open'; path: string; where: 'focused' | 'beside' }
  | { type: 'close'; id: string }
  | { type: 'focus'; id: string }
  | { type: 'focus-step'; step: 1 | -1 }
  | { type: 'swap'; id: string; direction: 1 | -1 }
  | { type: 'scroll'; id: string; scroll: number }
  | { type: 'resize'; id: string; delta: number }
  | { type: 'add-pane' }
  | { type: 'toggle-sync' }
  | { type: 'forget-path'; path: string }
  | { type: 'rename-path'; from: string; to: string };

let counter = 0;
/** Pane ids only need to be unique within one layout. */
export function newPaneId(): string {
  counter += 1;
  return `pane-${Date.now().toString(36)}-${counter}`;
}

export function initialLayout(): PaneLayout {
  const id = newPaneId();
  return { panes: [{ id, path: null, scroll: 0, width: 1 }], focusedId: id, syncScroll: false };
}

/**
 * The reader's layout as a pure state machine: 1 to 4 panes, each with its own article and scroll
 * position, one focused. Opening "beside" adds a pane to the right of the focused one (or reuses
 * the focused pane when all four are in use).
 */
export function reducePaneLayout(layout: PaneLayout, action: PaneAction): PaneLayout {
  const index = layout.panes.findIndex((pane) => pane.id === layout.focusedId);
  const focusedIndex = index < 0 ? 0 : index;
  switch (action.type) {
    case 'open': {
      if (action.where === 'beside' && layout.panes.length < MAX_PANES) {
        const pane: PaneState = { id: newPaneId(), path: action.path, scroll: 0, width: 1 };
        const panes = [...layout.panes.slice(0, focusedIndex + 1), pane, ...layout.panes.slice(focusedIndex + 1)];
        return { ...layout, panes, focusedId: pane.id };
      }
      return updatePane(layout, layout.panes[focusedIndex]?.id ?? '', { path: action.path, scroll: 0 });
    }
    case 'add-pane': {
      if (layout.panes.length >= MAX_PANES) return layout;
      const pane: PaneState = { id: newPaneId(), path: null, scroll: 0, width: 1 };
      return { ...layout, panes: [...layout.panes.slice(0, focusedIndex + 1), pane, ...layout.panes.slice(focusedIndex + 1)], focusedId: pane.id };
    }
    case 'close': {
      const closing = layout.panes.findIndex((pane) => pane.id === action.id);
      if (closing < 0) return layout;
      if (layout.panes.length === 1) return updatePane(layout, action.id, { path: null, scroll: 0 });
      const panes = layout.panes.filter((pane) => pane.id !== action.id);
      const focusedId = layout.focusedId === action.id ? (panes[Math.min(closing, panes.length - 1)]?.id ?? '') : layout.focusedId;
      return { ...layout, panes, focusedId };
    }
    case 'focus':
      return layout.panes.some((pane) => pane.id === action.id) ? { ...layout, focusedId: action.id } : layout;
    case 'focus-step': {
      const count = layout.panes.length;
      const next = layout.panes[(focusedIndex + action.step + count) % count];
      return next ? { ...layout, focusedId: next.id } : layout;
    }
    case 'swap': {
      const from = layout.panes.findIndex((pane) => pane.id === action.id);
      const to = from + action.direction;
      if (from < 0 || to < 0 || to >= layout.panes.length) return layout;
      const panes = [...layout.panes];
      [panes[from], panes[to]] = [panes[to] as PaneState, panes[from] as PaneState];
      return { ...layout, panes };
    }
    case 'scroll':
      return updatePane(layout, action.id, { scroll: Math.min(1, Math.max(0, action.scroll)) });
    case 'resize': {
      const at = layout.panes.findIndex((pane) => pane.id === action.id);
      const right = layout.panes[at + 1];
      const left = layout.panes[at];
      if (!left || !right) return layout;
      const total = left.width + right.width;
      const newLeft = Math.min(total - 0.2, Math.max(0.2, left.width + action.delta * total));
      return {
        ...layout,
        panes: layout.panes.map((pane) => (pane.id === left.id ? { ...pane, width: newLeft } : pane.id === right.id ? { ...pane, width: total - newLeft } : pane)),
      };
    }
    case 'toggle-sync':
      return { ...layout, syncScroll: !layout.syncScroll };
    case 'forget-path':
      return { ...layout, panes: layout.panes.map((pane) => (pane.path === action.path ? { ...pane, path: null, scroll: 0 } : pane)) };
    case 'rename-path':
      return { ...layout, panes: layout.panes.map((pane) => (pane.path === action.from ? { ...pane, path: action.to } : pane)) };
  }
}

function updatePane(layout: PaneLayout, id: string, change: Partial<PaneState>): PaneLayout {
  return { ...layout, panes: layout.panes.map((pane) => (pane.id === id ? { ...pane, ...change } : pane)) };
}

/** Accepts a stored layout only if it has the right shape; anything else starts fresh. */
export function sanitiseLayout(stored: unknown): PaneLayout | null {
  if (!stored || typeof stored !== 'object') return null;
  const candidate = stored as Partial<PaneLayout>;
  if (!Array.isArray(candidate.panes) || candidate.panes.length < 1 || candidate.panes.length > MAX_PANES) return null;
  const panes: PaneState[] = [];
  for (const pane of candidate.panes as unknown[]) {
    if (!pane || typeof pane !== 'object') return null;
    const p = pane as Record<string, unknown>;
    if (typeof p.id !== 'string') return null;
    panes.push({
      id: p.id,
      path: typeof p.path === 'string' ? p.path : null,
      scroll: typeof p.scroll === 'number' && Number.isFinite(p.scroll) ? Math.min(1, Math.max(0, p.scroll)) : 0,
      width: typeof p.width === 'number' && p.width > 0 ? p.width : 1,
    });
  }
  const focusedId = panes.some((pane) => pane.id === candidate.focusedId) ? (candidate.focusedId as string) : (panes[0]?.id ?? '');
  return { panes, focusedId, syncScroll: candidate.syncScroll === true };
}
