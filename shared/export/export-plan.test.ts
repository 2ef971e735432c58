import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT_IDS } from './export-formats';
import { BUILD_ORDER, exportWorkerCount, laneCost, planExport } from './export-plan';

describe('exportWorkerCount', () => {
  it('uses the cores there are, at least one and at most three', () => {
    expect(exportWorkerCount(2)).toBe(2);
    expect(exportWorkerCount(16)).toBe(3);
    expect(exportWorkerCount(1)).toBe(1);
    expect(exportWorkerCount(0)).toBe(1);
    expect(exportWorkerCount(undefined)).toBe(1);
  });
});

describe('planExport', () => {
  it('splits every format between two threads so that both finish together, each building first what is slowest to write', () => {
    const plan = planExport(EXPORT_FORMAT_IDS, 2);
    expect(plan).toEqual([
      ['brat', 'archive', 'markdown', 'csv'],
      ['w3c', 'conll'],
    ]);
    const [a, b] = plan.map(laneCost);
    expect(Math.abs((a ?? 0) - (b ?? 0))).toBeLessThan(50);
  });

  it('gives every format to some thread exactly once, in the build order within a thread', () => {
    for (const workers of [1, 2, 3]) {
      const plan = planExport(['archive', 'csv', 'markdown', 'w3c', 'conll', 'brat', 'csv'], workers);
      expect(plan.flat().sort()).toEqual([...EXPORT_FORMAT_IDS].sort());
      expect(plan.length).toBeLessThanOrEqual(workers);
      for (const share of plan) expect(share).toEqual(BUILD_ORDER.filter((id) => share.includes(id)));
    }
  });

  it('uses no more threads than there are formats, and one when told to', () => {
    expect(planExport(['markdown'], 3)).toEqual([['markdown']]);
    expect(planExport(['csv', 'markdown'], 2)).toEqual([['markdown'], ['csv']]);
    expect(planExport(EXPORT_FORMAT_IDS, 1)).toEqual([[...BUILD_ORDER]]);
  });

  it('uses a third thread on a machine with more cores when it shortens the export', () => {
    const plan = planExport(EXPORT_FORMAT_IDS, 3);
    expect(plan).toHaveLength(3);
    expect(Math.max(...plan.map(laneCost))).toBeLessThan(Math.max(...planExport(EXPORT_FORMAT_IDS, 2).map(laneCost)));
  });

  it('plans nothing for no formats', () => {
    expect(planExport([], 2)).toEqual([]);
  });
});
