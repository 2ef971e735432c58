/**
 * Where a pane's cursor goes on "next" (+1) or "previous" (-1) among `count` mentions: from no
 * cursor, to the first or the last; past either end, round to the other. Null when there are none.
 */
export function stepCursor(current: number | undefined, count: number, direction: 1 | -1): number | null {
  if (count === 0) return null;
  if (current === undefined || current >= count) return direction === 1 ? 0 : count - 1;
  return (current + direction + count) % count;
}

/** The announcement after a step: "Pane 1: mention 2 of 5 · Pane 2: no mentions". */
export function describeSteps(panes: ReadonlyArray<{ position: number; index: number | null; count: number }>): string {
  return panes.map(({ position, index, count }) => (index === null ? `Pane ${position}: no mentions` : `Pane ${position}: mention ${index + 1} of ${count}`)).join(' · ');
}
