import { useRef, type KeyboardEvent, type ReactNode } from 'react';

/** One tab of the side panel: a label and what it shows when chosen. */
export interface SidePanelTab {
  id: string;
  label: string;
  render(): ReactNode;
}

interface SidePanelProps {
  tabs: readonly SidePanelTab[];
  active: string;
  onActivate(id: string): void;
}

/**
 * The right-hand side panel: one tab list (WAI-ARIA tabs pattern, arrow keys move between tabs,
 * Home/End jump) and the chosen tab's content. Only the chosen tab is rendered, so a hidden
 * panel costs nothing while the user reads.
 */
export function SidePanel({ tabs, active, onActivate }: SidePanelProps) {
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  const current = tabs.find((tab) => tab.id === active) ?? tabs[0];
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === current?.id);
    const next = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = tabs[(next + tabs.length) % tabs.length];
    if (!target) return;
    onActivate(target.id);
    tabRefs.current.get(target.id)?.focus();
  };
  return (
    <div className="side-panel">
      <div className="side-tabs" role="tablist" aria-label="Side panel" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) tabRefs.current.set(tab.id, element);
              else tabRefs.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`side-tab-${tab.id}`}
            aria-selected={tab.id === current?.id}
            aria-controls={`side-tabpanel-${tab.id}`}
            tabIndex={tab.id === current?.id ? 0 : -1}
            onClick={() => onActivate(tab.id)}
            // Spring-loaded: dragging something over a tab opens it, so a highlight can be dropped on a note.
            onDragEnter={() => onActivate(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {current && (
        <div className="side-tabpanel" role="tabpanel" id={`side-tabpanel-${current.id}`} aria-labelledby={`side-tab-${current.id}`}>
          {current.render()}
        </div>
      )}
    </div>
  );
}
