/** Median of a few timings; benchmarks report medians so one slow run does not mislead. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export interface BenchRow {
  name: string;
  value: number;
  unit: 'ms' | 'MB';
  budget?: number;
}

/** The table `npm run bench` prints: figure, budget, and whether it is within it. */
export function formatBenchTable(rows: readonly BenchRow[]): string {
  const lines = rows.map((row) => {
    const value = `${row.value.toFixed(row.unit === 'ms' ? 1 : 0)} ${row.unit}`;
    const budget = row.budget === undefined ? '' : `${row.budget} ${row.unit}`;
    const verdict = row.budget === undefined ? '' : row.value <= row.budget ? 'ok' : 'OVER';
    return [row.name.padEnd(58), value.padStart(12), budget.padStart(12), verdict.padStart(6)].join(' ');
  });
  return [['measure'.padEnd(58), 'median'.padStart(12), 'budget'.padStart(12), ''.padStart(6)].join(' '), ...lines].join('\n');
}
