import { describe, expect, it } from 'vitest';
import { mapLimited } from './map-limited';

describe('mapLimited', () => {
  it('keeps input order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapLimited([30, 5, 20, 1, 10], 2, async (delay) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, delay));
      running -= 1;
      return delay * 2;
    });
    expect(results).toEqual([60, 10, 40, 2, 20]);
    expect(peak).toBe(2);
  });

  it('starts no further item once the signal aborts', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    await mapLimited([1, 2, 3, 4, 5], 1, async (item) => {
      started.push(item);
      if (item === 2) controller.abort();
    }, controller.signal);
    expect(started).toEqual([1, 2]);
  });
});

describe('mapLimited when a task fails', () => {
  it('starts nothing further, lets the started tasks finish, then throws the first failure', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = mapLimited([0, 1, 2, 3, 4, 5], 2, async (item, index) => {
      expect(index).toBe(item);
      started.push(item);
      await new Promise((resolve) => setTimeout(resolve, item === 1 ? 20 : 1));
      if (item === 0 || item === 2) throw new Error(`item ${item} failed`);
      finished.push(item);
    });
    await expect(run).rejects.toThrow('item 0 failed');
    expect(started).toEqual([0, 1]);
    expect(finished).toEqual([1]);
  });
});
