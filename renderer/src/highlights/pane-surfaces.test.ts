// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { createPaneSurfaces, type PaneSurface } from './pane-surfaces';

describe('pane surfaces', () => {
  it('finds a pane by any node inside it and tells listeners when panes come and go', () => {
    document.body.innerHTML = '<section data-pane-id="p1"><h2>Title</h2><div class="article-text"><p data-line="0">Goma fell.</p></div></section>';
    const surfaces = createPaneSurfaces();
    const listener = vi.fn();
    const dispose = surfaces.subscribe(listener);
    const root = document.querySelector<HTMLElement>('.article-text');
    const surface = { paneId: 'p1', root } as unknown as PaneSurface;
    surfaces.set('p1', surface);
    const text = document.querySelector('p')?.firstChild ?? null;
    expect(surfaces.containing(text)).toBe(surface);
    expect(surfaces.paneOf(document.querySelector('h2'))).toBe('p1');
    surfaces.set('p1', null);
    surfaces.set('p1', null);
    dispose();
    surfaces.set('p1', surface);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(surfaces.containing(document.body)).toBeUndefined();
  });
});
