import { codePointToUtf16 } from '../../../shared/anchoring/code-points';
import type { ArticleId } from '../../../shared/model/ids';
import type { WorkbenchDb } from '../db/workbench-db';
import type { PaneSurface, PaneSurfaces } from '../highlights/pane-surfaces';
import { textRangeToDomRange } from '../highlights/text-geometry';
import type { PaneAction, PaneLayout } from './pane-layout';

/** A passage of one article, in code points of its canonical text (as annotations store it). */
export interface PassageToReveal {
  articleId: ArticleId;
  start: number;
  end: number;
}

export interface RevealDependencies {
  db: WorkbenchDb;
  surfaces: PaneSurfaces;
  /** The layout as it is now (read at call time, so a stale closure cannot mislead). */
  layout(): PaneLayout;
  dispatch(action: PaneAction): void;
}

/** The CSS Custom Highlight name that marks a revealed passage for a moment. */
export const REVEAL_HIGHLIGHT = 'workbench-reveal';
const REVEAL_MILLISECONDS = 2500;
const WAIT_FOR_PANE_MILLISECONDS = 8000;

/**
 * Shows a passage: in the pane already showing its article (the focused one first), or else by
 * opening the article in the focused pane (or beside it, when `where` says so); then scrolls the
 * passage to the upper third of the pane, focuses that pane and marks the passage for a moment.
 * Resolves to `null` when shown, or to a sentence saying why it could not be.
 */
export async function revealPassage(deps: RevealDependencies, passage: PassageToReveal, where: 'focused' | 'beside' = 'focused'): Promise<string | null> {
  let surface = findSurface(deps, passage.articleId);
  if (!surface) {
    const record = await deps.db.articles.get(passage.articleId);
    if (!record || !record.path) return 'That article is no longer in the corpus';
    const ready = waitForSurface(deps.surfaces, passage.articleId);
    deps.dispatch({ type: 'open', path: record.path, where });
    surface = await ready;
    if (!surface) return `Could not open ${record.path}`;
  }
  deps.dispatch({ type: 'focus', id: surface.paneId });
  return scrollToPassage(surface, passage) ? null : 'That passage is no longer in the article';
}

function findSurface(deps: RevealDependencies, articleId: ArticleId): PaneSurface | undefined {
  const layout = deps.layout();
  const panes = [...layout.panes].sort((a, b) => Number(b.id === layout.focusedId) - Number(a.id === layout.focusedId));
  for (const pane of panes) {
    const surface = deps.surfaces.get(pane.id);
    if (surface?.articleId === articleId) return surface;
  }
  return undefined;
}

function waitForSurface(surfaces: PaneSurfaces, articleId: ArticleId): Promise<PaneSurface | undefined> {
  return new Promise((resolve) => {
    const check = (surface: PaneSurface | undefined) => {
      if (surface?.articleId !== articleId) return;
      unsubscribe();
      clearTimeout(timer);
      resolve(surface);
    };
    const unsubscribe = surfaces.subscribe(() => {
      for (const pane of document.querySelectorAll<HTMLElement>('[data-pane-id]')) check(surfaces.get(pane.dataset.paneId ?? ''));
    });
    const timer = setTimeout(() => {
      unsubscribe();
      resolve(undefined);
    }, WAIT_FOR_PANE_MILLISECONDS);
  });
}

let clearTimer: ReturnType<typeof setTimeout> | undefined;

function scrollToPassage(surface: PaneSurface, passage: PassageToReveal): boolean {
  const text = surface.content.text;
  const range = textRangeToDomRange(surface.root, surface.lineIndex, codePointToUtf16(text, passage.start), codePointToUtf16(text, passage.end));
  const scroller = surface.root.closest<HTMLElement>('.pane-body');
  if (!range || !scroller) return false;
  const offset = range.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  scroller.scrollTop += offset - scroller.clientHeight / 3;
  scroller.focus({ preventScroll: true });
  if (typeof CSS !== 'undefined' && 'highlights' in CSS) {
    CSS.highlights.set(REVEAL_HIGHLIGHT, new Highlight(range));
    clearTimeout(clearTimer);
    clearTimer = setTimeout(() => CSS.highlights.delete(REVEAL_HIGHLIGHT), REVEAL_MILLISECONDS);
  }
  return true;
}
