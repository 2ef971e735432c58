import { describe, expect, it } from 'vitest';
import { describeSteps, stepCursor } from './mention-cursor';

describe('stepCursor', () => {
  it('starts at the first mention going forward and the last going back', () => {
    expect(stepCursor(undefined, 5, 1)).toBe(0);
    expect(stepCursor(undefined, 5, -1)).toBe(4);
  });

  it('wraps round at either end', () => {
    expect(stepCursor(4, 5, 1)).toBe(0);
    expect(stepCursor(0, 5, -1)).toBe(4);
    expect(stepCursor(1, 5, 1)).toBe(2);
  });

  it('has nowhere to go without mentions, and restarts when mentions were removed under the cursor', () => {
    expect(stepCursor(2, 0, 1)).toBeNull();
    expect(stepCursor(7, 3, 1)).toBe(0);
  });
});

describe('describeSteps', () => {
  it('says where each pane stands', () => {
    expect(
      describeSteps([
        { position: 1, index: 1, count: 5 },
        { position: 2, index: 0, count: 3 },
        { position: 3, index: null, count: 0 },
      ]),
    ).toBe('Pane 1: mention 2 of 5 · Pane 2: mention 1 of 3 · Pane 3: no mentions');
  });
});
