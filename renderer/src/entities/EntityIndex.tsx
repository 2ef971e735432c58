import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { EntityType } from '../../../shared/model/annotation';
import type { EntityId } from '../../../shared/model/ids';
import type { EntityIndex as LoadedIndex } from '../db/entity-index';
import { entityIndexRows } from './entity-index-rows';

const ROW_HEIGHT = 28;

interface EntityIndexProps {
  types: readonly EntityType[];
  index: LoadedIndex | undefined;
  filter: string;
  chosen: EntityId | null;
  onChoose(id: EntityId): void;
}

/**
 * Every entity, grouped by type, with its mention count: a virtualised list box (thousands of
 * entities render as the few rows in view). Arrow keys move the choice, Home/End jump.
 */
export function EntityIndex({ types, index, filter, chosen, onChoose }: EntityIndexProps) {
  const rows = useMemo(() => (index ? entityIndexRows(types, index.entities, index.counts, filter) : []), [types, index, filter]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const chosenIndex = rows.findIndex((row) => row.kind === 'entity' && row.entity.id === chosen);

  useEffect(() => {
    // A mark for `npm run bench`: the frame after the index's rows were committed.
    if (index) requestAnimationFrame(() => performance.mark('entity-index-rendered', { detail: index.entities.length }));
  }, [index]);

  function move(from: number, step: 1 | -1) {
    for (let i = from + step; i >= 0 && i < rows.length; i += step) {
      const row = rows[i];
      if (row?.kind === 'entity') {
        onChoose(row.entity.id);
        virtualizer.scrollToIndex(i, { align: 'auto' });
        return;
      }
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const moves: Record<string, [number, 1 | -1]> = { ArrowDown: [chosenIndex, 1], ArrowUp: [chosenIndex < 0 ? rows.length : chosenIndex, -1], Home: [-1, 1], End: [rows.length, -1] };
    const target = moves[event.key];
    if (!target) return;
    event.preventDefault();
    move(...target);
  }

  if (!index) return <p className="entity-hint">Loading entities…</p>;
  if (index.entities.length === 0) return <p className="entity-hint">No entities yet: select words in an article and choose “Tag as…”, or press Alt+Shift and a type’s letter.</p>;
  return (
    <div
      ref={scrollRef}
      className="entity-index"
      role="listbox"
      aria-label="Entity index"
      tabIndex={0}
      aria-activedescendant={chosenIndex >= 0 ? `entity-row-${chosenIndex}` : undefined}
      onKeyDown={onKeyDown}
    >
      {rows.length === 0 && <p className="entity-hint">No entity matches “{filter}”.</p>}
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT };
          if (row.kind === 'type') {
            return (
              <div key={row.key} role="presentation" className="entity-index-row type-heading" style={style}>
                <span className="swatch underline" style={{ borderColor: row.type.color }} aria-hidden="true" />
                <span className="entity-name">{row.type.name}</span>
                <span className="count" title={`${plural(row.entities, 'entity', 'entities')}, ${plural(row.mentions, 'mention', 'mentions')}`}>{`${row.entities} · ${plural(row.mentions, 'mention', 'mentions')}`}</span>
              </div>
            );
          }
          const mentions = plural(row.mentions, 'mention', 'mentions');
          return (
            <div
              key={row.key}
              id={`entity-row-${item.index}`}
              role="option"
              aria-selected={row.entity.id === chosen}
              aria-label={`${row.entity.name}, ${row.type.name}, ${mentions}`}
              className="entity-index-row"
              style={style}
              onClick={() => onChoose(row.entity.id)}
            >
              <span className="entity-name">{row.entity.name}</span>
              <span className="count">{row.mentions}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}
