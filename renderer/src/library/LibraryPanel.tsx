import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CorpusListing } from '../../../shared/model/article';
import type { ArticleMetaRecord } from '../db/workbench-db';
import { libraryRows, type LibrarySort } from './library-rows';

interface LibraryPanelProps {
  listing: CorpusListing | null;
  corrections: ReadonlyMap<string, ArticleMetaRecord>;
  onOpen(path: string, where: 'focused' | 'beside'): void;
}

const ROW_HEIGHT = 58;

/**
 * The corpus as a filterable, sortable, virtualised list box. Arrow keys move, Enter opens in the
 * focused pane, Shift+Enter opens in a new pane beside it.
 */
export function LibraryPanel({ listing, corrections, onOpen }: LibraryPanelProps) {
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<LibrarySort>('title');
  const [activePath, setActivePath] = useState<string | null>(null);
  const rows = useMemo(() => libraryRows(listing?.articles ?? [], corrections, filter, sort), [listing, corrections, filter, sort]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const activeIndex = rows.findIndex((row) => row.summary.path === activePath);
  const active = rows[activeIndex];

  function moveTo(index: number) {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (!row) return;
    setActivePath(row.summary.path);
    virtualizer.scrollToIndex(rows.indexOf(row), { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT));
    const moves: Record<string, number> = { ArrowDown: activeIndex + 1, ArrowUp: activeIndex - 1, PageDown: activeIndex + page, PageUp: activeIndex - page, Home: 0, End: rows.length - 1 };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(activeIndex < 0 && event.key === 'ArrowDown' ? 0 : target);
    } else if (event.key === 'Enter' && active?.summary.readable) {
      event.preventDefault();
      onOpen(active.summary.path, event.shiftKey || event.ctrlKey || event.metaKey ? 'beside' : 'focused');
    }
  }

  const total = listing?.articles.length ?? 0;
  useEffect(() => {
    // A mark for `npm run bench`: the frame after the library's rows were committed.
    if (total > 0) requestAnimationFrame(() => performance.mark('library-rendered', { detail: total }));
  }, [total]);
  return (
    <aside className="library" aria-labelledby="library-heading">
      <div className="library-header">
        <h2 id="library-heading">Library</h2>
        <span className="library-count" aria-live="polite">
          {rows.length === total ? `${total.toLocaleString()} articles` : `${rows.length.toLocaleString()} of ${total.toLocaleString()}`}
        </span>
      </div>
      {listing?.warnings.map((warning) => (
        <p key={warning.message} className="warning library-warning" role="alert">
          {warning.message}
        </p>
      ))}
      <div className="library-controls">
        <input type="search" aria-label="Filter articles" placeholder="Filter by title, source or path" value={filter} onChange={(event) => setFilter(event.target.value)} />
        <label>
          Sort by{' '}
          <select aria-label="Sort by" value={sort} onChange={(event) => setSort(event.target.value as LibrarySort)}>
            <option value="title">Title</option>
            <option value="date">Date</option>
            <option value="path">Path</option>
          </select>
        </label>
      </div>
      <div
        ref={scrollRef}
        className="library-list"
        role="listbox"
        aria-label="Articles"
        tabIndex={0}
        aria-activedescendant={active ? rowId(activeIndex) : undefined}
        onKeyDown={onKeyDown}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const { summary } = row;
            const selected = summary.path === activePath;
            return (
              <div
                key={summary.path}
                id={rowId(item.index)}
                role="option"
                aria-selected={selected}
                aria-disabled={!summary.readable}
                className={`library-row${selected ? ' selected' : ''}${summary.readable ? '' : ' unreadable'}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => setActivePath(summary.path)}
                onDoubleClick={() => summary.readable && onOpen(summary.path, 'focused')}
              >
                <span className="row-title">{row.title}</span>
                <span className="row-meta">
                  {summary.readable ? `${summary.wordCount.toLocaleString()} words · ` : ''}
                  {summary.path}
                </span>
                {summary.warnings.length > 0 && (
                  <span className="row-warning" title={summary.warnings.map((warning) => warning.message).join("; ")}>⚠ {summary.warnings.map((warning) => warning.message).join("; ")}</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div className="library-actions">
        <button type="button" disabled={!active?.summary.readable} onClick={() => active && onOpen(active.summary.path, 'focused')}>
          Open
        </button>
        <button type="button" disabled={!active?.summary.readable} onClick={() => active && onOpen(active.summary.path, 'beside')}>
          Open beside
        </button>
      </div>
    </aside>
  );
}

function rowId(index: number): string {
  return `library-row-${index}`;
}
