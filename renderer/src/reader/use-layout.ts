import { useCallback, useEffect, useReducer, useState } from 'react';
import { loadLayout, saveLayout } from '../db/layout-store';
import { useAppServices } from '../app/app-services';
import { initialLayout, reducePaneLayout, type PaneAction, type PaneLayout } from './pane-layout';

type LayoutAction = PaneAction | { type: 'restore'; layout: PaneLayout };

function reduce(layout: PaneLayout, action: LayoutAction): PaneLayout {
  return action.type === 'restore' ? action.layout : reducePaneLayout(layout, action);
}

/**
 * The pane layout, restored from Dexie on start and saved after every change.
 */
export function useLayout(): { layout: PaneLayout; restored: boolean; dispatch: (action: PaneAction) => void } {
  const { db } = useAppServices();
  const [layout, dispatchLayout] = useReducer(reduce, undefined, initialLayout);
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void loadLayout(db).then((stored) => {
      if (cancelled) return;
      if (stored) dispatchLayout({ type: 'restore', layout: stored });
      setRestored(true);
    });
    return () => {
      cancelled = true;
    };
  }, [db]);

  useEffect(() => {
    if (!restored) return;
    // Saved at once (a put is cheap, and scroll updates are already throttled by the reader), so
    // a reload right after opening an article never loses it.
    saveLayout(db, layout).catch((error: unknown) => console.error('Could not save the pane layout', error));
  }, [db, layout, restored]);

  const dispatch = useCallback((action: PaneAction) => dispatchLayout(action), []);
  return { layout, restored, dispatch };
}
