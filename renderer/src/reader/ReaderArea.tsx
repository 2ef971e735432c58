import { Fragment, useCallback, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { ArticleSummary, CorpusChange } from '../../../shared/model/article';
import type { ArticleId } from '../../../shared/model/ids';
import type { ArticleMetaRecord } from '../db/workbench-db';
import type { SelectedHighlight } from '../highlights/AnnotationsPanel';
import type { PaneAction, PaneLayout } from './pane-layout';
import { ReaderPane } from './ReaderPane';

interface ReaderAreaProps {
  layout: PaneLayout;
  dispatch(action: PaneAction): void;
  corrections: ReadonlyMap<string, ArticleMetaRecord>;
  lastChange: CorpusChange | null;
  onEditDetails(path: string): void;
  livePaths: ReadonlySet<string>;
  summaries: ReadonlyMap<string, ArticleSummary>;
  onArticle(paneId: string, article: { articleId: ArticleId; title: string } | null): void;
  onSelectHighlight(selection: SelectedHighlight | null): void;
}

/** Stored scroll positions are written at most this often while the user scrolls. */
const SCROLL_SAVE_INTERVAL_MS = 250;

/** The row of 1–4 panes with draggable separators and optional synchronised scrolling. */
export function ReaderArea({ layout, dispatch, corrections, lastChange, onEditDetails, livePaths, summaries, onArticle, onSelectHighlight }: ReaderAreaProps) {
  const scrollers = useRef(new Map<string, HTMLElement>());
  const programmatic = useRef(new Set<string>());
  const pendingScroll = useRef(new Map<string, number>());
  const scrollTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const rowRef = useRef<HTMLDivElement>(null);

  const registerScroller = useCallback((id: string, element: HTMLElement | null) => {
    if (element) scrollers.current.set(id, element);
    else scrollers.current.delete(id);
  }, []);

  const onScroll = useCallback(
    (id: string, fraction: number) => {
      if (programmatic.current.delete(id)) return;
      if (layout.syncScroll) {
        for (const [otherId, element] of scrollers.current) {
          if (otherId === id) continue;
          const target = Math.round(fraction * (element.scrollHeight - element.clientHeight));
          if (Math.abs(element.scrollTop - target) < 1) continue;
          programmatic.current.add(otherId);
          element.scrollTop = target;
          pendingScroll.current.set(otherId, fraction);
        }
      }
      pendingScroll.current.set(id, fraction);
      scrollTimer.current ??= setTimeout(() => {
        scrollTimer.current = null;
        for (const [paneId, value] of pendingScroll.current) dispatch({ type: 'scroll', id: paneId, scroll: value });
        pendingScroll.current.clear();
      }, SCROLL_SAVE_INTERVAL_MS);
    },
    [dispatch, layout.syncScroll],
  );

  function startDrag(event: PointerEvent<HTMLDivElement>, paneId: string) {
    const row = rowRef.current;
    if (!row) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    let lastX = event.clientX;
    const onMove = (move: globalThis.PointerEvent) => {
      dispatch({ type: 'resize', id: paneId, delta: (move.clientX - lastX) / row.clientWidth });
      lastX = move.clientX;
    };
    const target = event.currentTarget;
    target.addEventListener('pointermove', onMove);
    target.addEventListener('pointerup', () => target.removeEventListener('pointermove', onMove), { once: true });
  }

  function onSeparatorKey(event: KeyboardEvent<HTMLDivElement>, paneId: string) {
    const step = event.key === 'ArrowLeft' ? -0.05 : event.key === 'ArrowRight' ? 0.05 : 0;
    if (step === 0) return;
    event.preventDefault();
    dispatch({ type: 'resize', id: paneId, delta: step });
  }

  const totalWidth = layout.panes.reduce((sum, pane) => sum + pane.width, 0);
  return (
    <main className="reader" ref={rowRef} aria-label="Reader">
      {layout.panes.map((pane, index) => (
        <Fragment key={pane.id}>
          <div className="pane-slot" style={{ flexGrow: pane.width, flexBasis: 0 }}>
            <ReaderPane
              pane={pane}
              position={index + 1}
              paneCount={layout.panes.length}
              focused={pane.id === layout.focusedId}
              correction={pane.path ? corrections.get(pane.path) : undefined}
              lastChange={lastChange}
              registerScroller={registerScroller}
              onScroll={onScroll}
              onFocus={(id) => id !== layout.focusedId && dispatch({ type: 'focus', id })}
              onClose={(id) => dispatch({ type: 'close', id })}
              onSwap={(id, direction) => dispatch({ type: 'swap', id, direction })}
              onEditDetails={onEditDetails}
              livePaths={livePaths}
              listed={pane.path ? summaries.get(pane.path) : undefined}
              onArticle={onArticle}
              onSelectHighlight={onSelectHighlight}
            />
          </div>
          {index < layout.panes.length - 1 && (
            <div
              className="pane-separator"
              role="separator"
              aria-orientation="vertical"
              aria-label={`Resize panes ${index + 1} and ${index + 2}`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round((layout.panes.slice(0, index + 1).reduce((sum, p) => sum + p.width, 0) / totalWidth) * 100)}
              tabIndex={0}
              onPointerDown={(event) => startDrag(event, pane.id)}
              onKeyDown={(event) => onSeparatorKey(event, pane.id)}
            />
          )}
        </Fragment>
      ))}
    </main>
  );
}
