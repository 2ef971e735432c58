import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent, type UIEvent } from 'react';
import type { ArticleSummary } from '../../../shared/model/article';
import type { ArticleId } from '../../../shared/model/ids';
import { useAppServices } from '../app/app-services';
import type { SelectedHighlight } from '../highlights/AnnotationsPanel';
import { domPointToOffset } from '../highlights/text-geometry';
import { useArticleId } from '../highlights/use-article-id';
import { usePaneHighlights } from '../highlights/use-pane-highlights';
import { usePaneMentions } from '../entities/use-pane-mentions';
import type { CorpusChange } from '../../../shared/model/article';
import type { ArticleMetaRecord } from '../db/workbench-db';
import { effectiveMetadata } from '../../../shared/export/export-selection';
import { ArticleText } from './ArticleText';
import type { PaneState } from './pane-layout';
import { useArticleContent } from './use-article-content';

interface ReaderPaneProps {
  pane: PaneState;
  position: number;
  paneCount: number;
  focused: boolean;
  correction: ArticleMetaRecord | undefined;
  lastChange: CorpusChange | null;
  registerScroller(id: string, element: HTMLElement | null): void;
  onScroll(id: string, fraction: number): void;
  onFocus(id: string): void;
  onClose(id: string): void;
  onSwap(id: string, direction: 1 | -1): void;
  onEditDetails(path: string): void;
  livePaths: ReadonlySet<string>;
  onArticle(paneId: string, article: { articleId: ArticleId; title: string } | null): void;
  onSelectHighlight(selection: SelectedHighlight | null): void;
  /** The article's summary from the library listing, known before its text arrives. */
  listed: ArticleSummary | undefined;
}

/** One reading pane: the article's title and metadata on top, its text below. */
export function ReaderPane(props: ReaderPaneProps) {
  const { pane, position, paneCount, focused, correction } = props;
  const load = useArticleContent(pane.path, props.lastChange);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const restoredFor = useRef<string | null>(null);
  const content = load.state === 'loaded' ? load.content : null;
  const meta = content ? effectiveMetadata(content.summary.meta, correction) : null;
  const label = `Pane ${position}${meta ? `: ${meta.title}` : ''}`;
  const { highlights, entities } = useAppServices();
  const [articleRoot, setArticleRoot] = useState<HTMLDivElement | null>(null);
  // The geometry works on the element whose children are the text's lines.
  const captureArticleRoot = useCallback((wrapper: HTMLDivElement | null) => setArticleRoot(wrapper?.querySelector<HTMLDivElement>('.article-text') ?? null), []);
  // Resolved from the listing, so stored highlights load while the text is still on its way.
  const articleId = useArticleId(content?.summary ?? props.listed ?? null, props.livePaths);
  const hintSummary = content?.summary ?? props.listed ?? null;
  const hint = useMemo(() => (hintSummary?.readable ? { path: hintSummary.path, sha256: hintSummary.sha256 } : null), [hintSummary?.readable, hintSummary?.path, hintSummary?.sha256]);
  const { notice, skipped } = usePaneHighlights(pane.id, content, articleId, articleRoot, hint);
  usePaneMentions(pane.id, content, articleId, articleRoot);
  const [dismissedNotice, setDismissedNotice] = useState<string | null>(null);
  const title = meta?.title ?? '';

  useEffect(() => {
    props.onArticle(pane.id, articleId ? { articleId, title } : null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- report only when the article changes
  }, [pane.id, articleId, title]);

  function onArticleClick(event: MouseEvent<HTMLDivElement>) {
    // Clicking (not selecting) inside a highlight selects the innermost one under the pointer.
    const selection = document.getSelection();
    if (selection && !selection.isCollapsed) return;
    const surface = highlights.surfaces.get(pane.id);
    const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY);
    if (!surface || !caret) return;
    const offset = domPointToOffset(surface.root, surface.lineIndex, caret.offsetNode, caret.offset);
    const hits = offset === null ? [] : surface.hitTest(offset);
    const first = hits[0];
    props.onSelectHighlight(first ? { paneId: pane.id, id: first, candidates: hits } : null);
    // Mentions are hit-tested apart: a click inside a highlighted mention selects both.
    const mentionHits = offset === null ? [] : (entities.panes.get(pane.id)?.hitTest(offset) ?? []);
    const mention = entities.panes.get(pane.id)?.mentions.find((candidate) => candidate.id === mentionHits[0]);
    const chosen = entities.selection.get();
    if (mention) entities.selection.set({ entityId: mention.entityId, mention: { paneId: pane.id, id: mention.id, candidates: mentionHits } });
    else if (chosen.mention) entities.selection.set({ ...chosen, mention: null });
  }

  useEffect(() => {
    props.registerScroller(pane.id, scrollerRef.current);
    return () => props.registerScroller(pane.id, null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- registration is per pane id
  }, [pane.id]);

  useEffect(() => {
    // Restore the stored scroll position once per article, after its text is laid out.
    const element = scrollerRef.current;
    if (!content || !element || restoredFor.current === content.summary.path) return;
    restoredFor.current = content.summary.path;
    element.scrollTop = pane.scroll * (element.scrollHeight - element.clientHeight);
  }, [content, pane.scroll]);

  useEffect(() => {
    // A mark for `npm run bench`: the frame after the article's text was committed.
    if (content) requestAnimationFrame(() => performance.mark('article-painted', { detail: content.summary.path }));
  }, [content]);

  function onScroll(event: UIEvent<HTMLDivElement>) {
    const element = event.currentTarget;
    const range = element.scrollHeight - element.clientHeight;
    props.onScroll(pane.id, range > 0 ? element.scrollTop / range : 0);
  }

  return (
    <section className={`pane${focused ? ' focused' : ''}`} data-pane-id={pane.id} aria-label={label} onFocusCapture={() => props.onFocus(pane.id)} onMouseDown={() => props.onFocus(pane.id)}>
      <header className="pane-header">
        <div className="pane-title">
          <h2>{meta?.title ?? (pane.path ? 'Loading…' : 'Empty pane')}</h2>
          {content && meta && (
            <p className="pane-meta">
              {[meta.source, meta.author && `by ${meta.author}`, meta.date, `${content.summary.wordCount.toLocaleString()} words`, content.summary.path].filter(Boolean).join(' · ')}
            </p>
          )}
          {content?.summary.warnings.map((warning) => (
            <p key={warning.message} className="warning" role="note">
              ⚠ {warning.message}
            </p>
          ))}
        </div>
        <div className="pane-buttons">
          {content && (
            <button type="button" onClick={() => props.onEditDetails(content.summary.path)}>
              Edit details
            </button>
          )}
          <button type="button" aria-label={`Move pane ${position} left`} disabled={position === 1} onClick={() => props.onSwap(pane.id, -1)}>
            ←
          </button>
          <button type="button" aria-label={`Move pane ${position} right`} disabled={position === paneCount} onClick={() => props.onSwap(pane.id, 1)}>
            →
          </button>
          <button type="button" aria-label={`Close pane ${position}`} onClick={() => props.onClose(pane.id)}>
            ×
          </button>
        </div>
      </header>
      <div ref={scrollerRef} className="pane-body" tabIndex={0} aria-label={`${label} text`} onScroll={onScroll}>
        {load.state === 'empty' && <p className="pane-hint">Choose an article in the library: Enter opens it here, Shift+Enter in a new pane beside.</p>}
        {load.state === 'loading' && <p className="pane-hint">Loading…</p>}
        {load.state === 'error' && (
          <p className="warning" role="alert">
            {load.message}
          </p>
        )}
        {notice && notice !== dismissedNotice && (
          <div className="notice" role="status">
            {notice}{' '}
            <button type="button" onClick={() => setDismissedNotice(notice)}>
              Dismiss
            </button>
          </div>
        )}
        {skipped.map((reason) => (
          <p key={reason} className="warning" role="note">
            A stored highlight was skipped: {reason}
          </p>
        ))}
        {content && (
          <div ref={captureArticleRoot} onClick={onArticleClick}>
            <ArticleText content={content} />
          </div>
        )}
      </div>
    </section>
  );
}
