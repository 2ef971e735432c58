import { describe, expect, it } from 'vitest';
import { DEFAULT_BOUNDS, restoreBounds } from './window-bounds';

const laptop = { x: 0, y: 0, width: 1920, height: 1080 };

describe('restoreBounds', () => {
  it('keeps a saved position that is on a connected display', () => {
    expect(restoreBounds({ x: 100, y: 50, width: 1200, height: 800 }, [laptop])).toEqual({ x: 100, y: 50, width: 1200, height: 800 });
  });
  it('keeps the size but drops the position of a window left on an unplugged monitor', () => {
    expect(restoreBounds({ x: 3000, y: 50, width: 1200, height: 800 }, [laptop])).toEqual({ width: 1200, height: 800 });
  });
  it('falls back to the default size for missing or corrupt saved state', () => {
    expect(restoreBounds(undefined, [laptop])).toEqual(DEFAULT_BOUNDS);
    expect(restoreBounds({ x: 'a', y: 0, width: 10, height: 10 }, [laptop])).toEqual(DEFAULT_BOUNDS);
  });
});
