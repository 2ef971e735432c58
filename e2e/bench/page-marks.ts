import type { Page } from '@playwright/test';

/** Which mark to wait for: any, one whose detail equals a string, or one whose numeric detail is at least a number. */
export type MarkDetail = { equals: string } | { atLeast: number } | undefined;

/** The page time (ms) of the first `performance.mark(name)` whose detail matches, waiting for it. */
export async function waitForMark(page: Page, name: string, detail?: MarkDetail): Promise<number> {
  const handle = await page.waitForFunction(
    ([markName, wanted]) => {
      const found = performance.getEntriesByName(markName as string, 'mark').find((entry) => {
        const value = (entry as PerformanceMark).detail;
        if (!wanted) return true;
        return 'equals' in wanted ? value === wanted.equals : Number(value) >= wanted.atLeast;
      });
      return found ? found.startTime : null;
    },
    [name, detail ?? null] as const,
    { timeout: 60_000, polling: 16 },
  );
  return (await handle.jsonValue()) as number;
}

/** How long main said opening the corpus took, from browser mode's start-up log line. */
export function openedCorpusMs(serverOutput: string): number {
  return Number(/Opened corpus .*: (\d+) articles in (\d+) ms/.exec(serverOutput)?.[2] ?? Number.NaN);
}
