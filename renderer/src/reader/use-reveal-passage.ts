import { useCallback, useRef } from 'react';
import { useAppServices } from '../app/app-services';
import type { PaneAction, PaneLayout } from './pane-layout';
import { revealPassage, type PassageToReveal } from './reveal-passage';

/**
 * `reveal(passage, where)`: opens the passage's article (unless a pane already shows it), scrolls
 * to the passage and marks it for a moment; resolves to `null`, or to why it could not.
 */
export function useRevealPassage(layout: PaneLayout, dispatch: (action: PaneAction) => void) {
  const { db, highlights } = useAppServices();
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  return useCallback(
    (passage: PassageToReveal, where: 'focused' | 'beside' = 'focused') => revealPassage({ db, surfaces: highlights.surfaces, layout: () => layoutRef.current, dispatch }, passage, where),
    [db, highlights, dispatch],
  );
}
