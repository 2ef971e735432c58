import { EXPORT_FORMATS, type ExportFormatId } from './export-formats';

/*
 * Which of main's export threads builds and writes which formats. The formats are split so that the
 * threads finish together: by each format's measured cost (the time each took to build and write
 * in main's export threads for 50,000 annotations over 1,000 articles, ms: `npm run bench`,
 * BENCH_ONLY=export, and main's log), plus what every thread pays once: receiving the texts, and
 * the preparation the input formats share.
 */

/**
 * Milliseconds each format took to build and write in an export thread in the bench; only their
 * ratios matter. The archive is only written: the renderer sent the rows as its text.
 */
export const FORMAT_COST: Readonly<Record<ExportFormatId, number>> = { markdown: 160, w3c: 530, brat: 650, csv: 90, conll: 600, archive: 190 };
/** The selection and preparation (lookups, text order, offsets) a thread makes once if it builds any input format. */
export const PREPARE_COST = 100;

/**
 * The order a thread builds its formats in: brat first (2,002 files, each flushed: the longest to
 * write), then the largest outputs (the bench's 50k export: W3C 34 MB, archive 23 MB, CoNLL 4.8 MB,
 * Markdown 4.5 MB, CSV 3.7 MB), so that a failure to write is met as early as it can be.
 */
export const BUILD_ORDER: readonly ExportFormatId[] = ['brat', 'w3c', 'archive', 'conll', 'markdown', 'csv'];

function inBuildOrder(formats: readonly ExportFormatId[]): ExportFormatId[] {
  return BUILD_ORDER.filter((id) => formats.includes(id));
}
/** Handing a thread its share and the texts: a second thread must save more than this. */
export const WORKER_COST = 20;
/** Most threads an export uses, however many cores: beyond three the formats no longer split evenly. */
export const MAX_EXPORT_WORKERS = 3;

/** How many threads to use on a machine with `cores` logical processors. */
export function exportWorkerCount(cores: number | undefined): number {
  return Math.max(1, Math.min(Number.isFinite(cores) && cores ? Math.floor(cores) : 1, MAX_EXPORT_WORKERS));
}

/** The estimated time of one worker's share. */
export function laneCost(formats: readonly ExportFormatId[]): number {
  if (formats.length === 0) return 0;
  const reads = (id: ExportFormatId) => EXPORT_FORMATS.find((format) => format.id === id)?.reads;
  return WORKER_COST + (formats.some((id) => reads(id) === 'input') ? PREPARE_COST : 0) + formats.reduce((sum, id) => sum + FORMAT_COST[id], 0);
}

/**
 * Splits `formats` among at most `workers` workers so that the slowest finishes first: every
 * assignment is tried (six formats, three workers: 729 of them), the one with the smallest
 * longest share wins, fewer workers on a tie. Each share lists its formats in `BUILD_ORDER`;
 * shares are ordered by their first format; empty shares are left out.
 */
export function planExport(formats: readonly ExportFormatId[], workers: number): ExportFormatId[][] {
  const chosen = inBuildOrder(formats);
  const lanes = Math.max(1, Math.min(Math.floor(workers), chosen.length));
  if (chosen.length === 0) return [];
  let best: ExportFormatId[][] = [chosen];
  let bestCost = laneCost(chosen);
  const assignment = new Array<number>(chosen.length).fill(0);
  const visit = (at: number, used: number): void => {
    if (at === chosen.length) {
      const shares = Array.from({ length: used }, (_, lane) => chosen.filter((_, i) => assignment[i] === lane));
      const cost = Math.max(...shares.map(laneCost));
      if (cost < bestCost || (cost === bestCost && shares.length < best.length)) {
        best = shares;
        bestCost = cost;
      }
      return;
    }
    // A format goes to a worker already used or to the next new one: no split is tried twice.
    for (let lane = 0; lane <= Math.min(used, lanes - 1); lane++) {
      assignment[at] = lane;
      visit(at + 1, Math.max(used, lane + 1));
    }
  };
  visit(0, 0);
  return best;
}
