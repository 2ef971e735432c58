import type { AnnotationId, EntityId } from '../../../shared/model/ids';

/** What the user chose: an entity (in the Entities tab, or by clicking one of its mentions) and maybe one mention. */
export interface EntitySelection {
  entityId: EntityId | null;
  /** The mention clicked in a pane, with every mention under the pointer (innermost first). */
  mention: { paneId: string; id: AnnotationId; candidates: readonly AnnotationId[] } | null;
}

/** A small observable store, so a click in a pane and the Entities tab share one selection without threading props. */
export interface EntitySelectionStore {
  get(): EntitySelection;
  set(selection: EntitySelection): void;
  subscribe(listener: () => void): () => void;
}

export const NOTHING_CHOSEN: EntitySelection = { entityId: null, mention: null };

export function createEntitySelectionStore(): EntitySelectionStore {
  let current = NOTHING_CHOSEN;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(selection) {
      if (selection.entityId === current.entityId && selection.mention === current.mention) return;
      current = selection;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
