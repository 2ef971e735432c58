import type { ArticleContent } from '../../../shared/model/article';
import type { AnnotationId, ArticleId } from '../../../shared/model/ids';
import type { LineIndex } from './text-geometry';

/** One pane's rendered article, as the selection toolbar and click hit-testing need it. */
export interface PaneSurface {
  paneId: string;
  root: HTMLElement;
  content: ArticleContent;
  articleId: ArticleId;
  lineIndex: LineIndex;
  /** Highlights under a UTF-16 offset of the canonical text, innermost first. */
  hitTest(offset: number): AnnotationId[];
}

/** The panes currently showing an article, looked up by id or by a DOM node inside them. */
export interface PaneSurfaces {
  set(paneId: string, surface: PaneSurface | null): void;
  get(paneId: string): PaneSurface | undefined;
  containing(node: Node | null): PaneSurface | undefined;
  /** The pane (by id) a node belongs to, even outside its article text (its title, say). */
  paneOf(node: Node | null): string | null;
  /** Calls `listener` whenever a pane becomes ready or goes away; returns the disposer. */
  subscribe(listener: () => void): () => void;
}

export function createPaneSurfaces(): PaneSurfaces {
  const surfaces = new Map<string, PaneSurface>();
  const listeners = new Set<() => void>();
  function paneOf(node: Node | null): string | null {
    const element = node instanceof Element ? node : (node?.parentElement ?? null);
    return element?.closest<HTMLElement>('[data-pane-id]')?.dataset.paneId ?? null;
  }
  return {
    set(paneId, surface) {
      if (surface) surfaces.set(paneId, surface);
      else if (!surfaces.delete(paneId)) return;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: (paneId) => surfaces.get(paneId),
    containing(node) {
      const paneId = paneOf(node);
      return paneId ? surfaces.get(paneId) : undefined;
    },
    paneOf,
  };
}
