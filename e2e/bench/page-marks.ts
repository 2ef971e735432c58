import type { Page } from '@playwright/test';

/** Which mark to wait for: any, one whose detail equals a string, or one whose numeric detail is at least a number. */
export type MarkDetail = { equals: string } | { atLeast: number } | undefined;

/** The page time (ms) of the first `performance.mark(name)` whose detail matches, waiting for it. */
export async function waitForMark(page: Page, name: string, detail?: MarkDetail, timeoutMs = 60_000): Promise<number> {
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
    { timeout: timeoutMs, polling: 16 },
  );
  return (await handle.jsonValue()) as number;
}

/** How long main said opening the corpus took, from browser mode's start-up log line. */
export function openedCorpusMs(serverOutput: string): number {
  return Number(/Opened corpus .*: (\d+) articles in (\d+) ms/.exec(serverOutput)?.[2] ?? Number.NaN);
}

/** Waits until the server has printed a line matching `pattern`, and returns the match. */
export async function waitForOutput(server: { output(): string }, pattern: RegExp, timeoutMs = 120_000): Promise<RegExpExecArray> {
  const started = Date.now();
  for (;;) {
    const match = pattern.exec(server.output());
    if (match) return match;
    if (Date.now() - started > timeoutMs) throw new Error(`the server did not print ${pattern} within ${timeoutMs} ms:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** When (ms since the epoch) browser mode started opening its corpus, from its start-up log line. */
export function openingStartedAt(serverOutput: string): number {
  return Number(/Opening corpus .* at (\d+) ms since the epoch/.exec(serverOutput)?.[1] ?? Number.NaN);
}
