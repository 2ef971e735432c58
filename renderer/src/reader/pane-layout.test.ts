import { describe, expect, it } from 'vitest';
import { initialLayout, reducePaneLayout, sanitiseLayout, type PaneLayout } from './pane-layout';

function paths(layout: PaneLayout): (string | null)[] {
  return layout.panes.map((pane) => pane.path);
}

describe('reducePaneLayout', () => {
  it('opens in the focused pane, then beside it, up to four panes', () => {
    let layout = reducePaneLayout(initialLayout(), { type: 'open', path: 'a.txt', where: 'focused' });
    layout = reducePaneLayout(layout, { type: 'open', path: 'b.txt', where: 'beside' });
    expect(paths(layout)).toEqual(['a.txt', 'b.txt']);
    expect(layout.focusedId).toBe(layout.panes[1]?.id);
    for (const path of ['c.txt', 'd.txt', 'e.txt']) layout = reducePaneLayout(layout, { type: 'open', path, where: 'beside' });
    expect(paths(layout)).toEqual(['a.txt', 'b.txt', 'c.txt', 'e.txt']);
  });

  it('closes, swaps and moves focus around the panes', () => {
    let layout = reducePaneLayout(initialLayout(), { type: 'open', path: 'a.txt', where: 'focused' });
    layout = reducePaneLayout(layout, { type: 'open', path: 'b.txt', where: 'beside' });
    const [first, second] = layout.panes;
    layout = reducePaneLayout(layout, { type: 'swap', id: second?.id ?? '', direction: -1 });
    expect(paths(layout)).toEqual(['b.txt', 'a.txt']);
    layout = reducePaneLayout(layout, { type: 'focus-step', step: 1 });
    expect(layout.focusedId).toBe(first?.id);
    layout = reducePaneLayout(layout, { type: 'close', id: first?.id ?? '' });
    expect(paths(layout)).toEqual(['b.txt']);
    expect(layout.focusedId).toBe(second?.id);
    layout = reducePaneLayout(layout, { type: 'close', id: second?.id ?? '' });
    expect(paths(layout)).toEqual([null]);
  });

  it('resizes neighbours within bounds and keeps their total', () => {
    let layout = reducePaneLayout(initialLayout(), { type: 'add-pane' });
    layout = reducePaneLayout(layout, { type: 'resize', id: layout.panes[0]?.id ?? '', delta: 0.25 });
    expect(layout.panes.map((pane) => pane.width)).toEqual([1.5, 0.5]);
    layout = reducePaneLayout(layout, { type: 'resize', id: layout.panes[0]?.id ?? '', delta: 5 });
    expect(layout.panes.map((pane) => Number(pane.width.toFixed(2)))).toEqual([1.8, 0.2]);
  });
});

describe('sanitiseLayout', () => {
  it('accepts a stored layout and rejects foreign data', () => {
    const stored = { panes: [{ id: 'p1', path: 'a.txt', scroll: 0.4, width: 1 }], focusedId: 'p1', syncScroll: true };
    expect(sanitiseLayout(stored)).toEqual(stored);
    expect(sanitiseLayout({ panes: [] })).toBeNull();
    expect(sanitiseLayout('nonsense')).toBeNull();
    expect(sanitiseLayout({ panes: [{ id: 'p1', scroll: 7 }], focusedId: 'gone' })).toEqual({ panes: [{ id: 'p1', path: null, scroll: 1, width: 1 }], focusedId: 'p1', syncScroll: false });
  });
});
