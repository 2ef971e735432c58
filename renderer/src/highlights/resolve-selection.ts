import type { PaneSurface, PaneSurfaces } from './pane-surfaces';
import { boilerplateOverlap, rangeToTextRange, trimToNonBoilerplate } from './text-geometry';
import type { TextSpan } from './highlight-actions';

export type SelectionTarget = { surface: PaneSurface; span: TextSpan; trimmed: boolean } | { error: string };

/**
 * Turns the user's selection into a span of one pane's article text, or says why it cannot be
 * highlighted. Null when nothing in a pane is selected (a selection in the library, say).
 */
export function resolveSelection(selection: Selection | null, surfaces: PaneSurfaces): SelectionTarget | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const startPane = surfaces.paneOf(range.startContainer);
  const endPane = surfaces.paneOf(range.endContainer);
  if (!startPane && !endPane) return null;
  if (startPane !== endPane) return { error: 'A highlight must stay within one pane: this selection spans two' };
  const surface = surfaces.get(startPane ?? '');
  if (!surface) return { error: 'Open an article in this pane first' };
  const clipped = rangeToTextRange(surface.root, surface.lineIndex, range, surface.content.text);
  if ('error' in clipped) return { error: clipped.error };
  const { lines } = surface.content;
  const overlap = boilerplateOverlap(lines, surface.lineIndex, clipped.start, clipped.end);
  if (overlap === 'all') return { error: 'That passage is site boilerplate (shown dimmed): select words of the article itself' };
  if (overlap === 'partial') {
    const trimmed = trimToNonBoilerplate(lines, surface.lineIndex, clipped.start, clipped.end);
    if (!trimmed) return { error: 'That passage is site boilerplate (shown dimmed): select words of the article itself' };
    return { surface, span: trimmed, trimmed: true };
  }
  return { surface, span: clipped, trimmed: false };
}
