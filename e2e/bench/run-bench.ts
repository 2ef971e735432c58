import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserModeServer } from '../support/browser-mode-server';
import { CHROMIUM_ARGS } from '../support/chromium-args';
import { formatBenchTable, median, type BenchRow } from './bench-stats';
import { benchEntityIndex } from './entity-bench';
import { benchInAppExport } from './export-app-bench';
import { benchArchiveFile, benchArchiveImport, benchExportSerialisers } from './export-bench';
import { benchHighlights } from './highlight-bench';
import { benchMentionSearch } from './mention-bench';
import { openedCorpusMs, openingStartedAt, waitForMark, waitForOutput } from './page-marks';

/**
 * `npm run bench`: drives the built app in browser mode against a generated 10,000-article
 * corpus and prints medians of several runs. A benchmark, not a test: it never fails on a budget.
 */
const projectRoot = path.resolve(import.meta.dirname, '..', '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const COUNT = 10_000;
const corpusDir = path.join(projectRoot, '.bench', `corpus-${COUNT}`);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** `BENCH_ONLY=listing|highlights|mentions|entities|export` runs one group of rows; unset, all of them. */
const only = process.env.BENCH_ONLY;
const runs = (group: 'listing' | 'highlights' | 'mentions' | 'entities' | 'export'): boolean => !only || only === group;

function ensureCorpus(): void {
  const marker = path.join(corpusDir, '.complete');
  if (existsSync(marker)) return;
  console.log(`Generating a ${COUNT}-article benchmark corpus in ${corpusDir}…`);
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'run-ts.mjs'), path.join(projectRoot, 'scripts', 'bench-corpus.ts'), '--count', String(COUNT), '--out', corpusDir, '--seed', '1'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('corpus generation failed');
  writeFileSync(marker, new Date().toISOString());
}

/** Waits until `dir` holds a file (the listing cache is written just after the listing is answered). */
async function waitForFile(dir: string): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    if (existsSync(dir) && readdirSync(dir).some((name) => name.endsWith('.json'))) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no listing cache was written in ${dir}`);
}

function residentMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** The machine's 1-minute load average, printed with the table: on a shared machine it explains a lot. */
function load(): string {
  return `${os.loadavg()[0]?.toFixed(2) ?? '?'} on ${os.availableParallelism()} cores`;
}

/** Export and import (`BENCH_ONLY=export`): needs no generated corpus. */
async function exportBench(browser: Awaited<ReturnType<typeof chromium.launch>>): Promise<BenchRow[]> {
  const { rows, archive, input } = benchExportSerialisers(projectRoot, RUNS);
  const file = benchArchiveFile(projectRoot, archive);
  // The in-app row is the budget's: the Node rows above say what the serialisers alone cost.
  const inApp = await benchInAppExport(browser, projectRoot, input, file, RUNS);
  return [...rows, ...inApp, ...(await benchArchiveImport(browser, projectRoot, file, RUNS))];
}

async function main(): Promise<void> {
  if (only === 'entities' || only === 'export') {
    // Neither needs a generated corpus: the entity registry and the archive are made in memory.
    const browser = await chromium.launch({ executablePath: chromiumPath, args: [...CHROMIUM_ARGS] });
    const rows = only === 'entities' ? await benchEntityIndex(browser, projectRoot, RUNS) : await exportBench(browser);
    await browser.close();
    console.log(`\nBenchmark (${RUNS} runs, medians; load average ${load()} at the end)\n${formatBenchTable(rows)}`);
    return;
  }
  ensureCorpus();
  const loadAtStart = load();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'] });
  const samples: Record<string, number[]> = { cold: [], coldEndToEnd: [], coldInApp: [], coldInAppMain: [], scan: [], render: [], total: [], open: [], rendererHeap: [], mainRss: [] };
  const cacheDir = path.join(projectRoot, '.bench', 'listing-cache');
  const listingRuns = runs('listing') ? RUNS : 0;
  for (let run = 0; run < listingRuns; run += 1) {
    // Cold: no listing cache, every file read and parsed (the first time a corpus is opened).
    const server = await startBrowserModeServer(projectRoot, corpusDir, ['--no-cache']);
    await waitForOutput(server, /Opened corpus/);
    samples.cold?.push(openedCorpusMs(server.output()));
    await server.stop();
  }
  for (let run = 0; run < listingRuns; run += 1) {
    // Cold, end to end, as a user meets it: the page loads while main lists (browser mode serves
    // it at once), from the moment main starts opening the folder to the library on screen.
    const server = await startBrowserModeServer(projectRoot, corpusDir, ['--no-cache']);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url);
    const renderedAt = await waitForMark(page, 'library-rendered');
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    samples.coldEndToEnd?.push(timeOrigin + renderedAt - openingStartedAt(server.output()));
    await context.close();
    await server.stop();
  }
  // The app as a returning user starts it: the bundled corpus listed before (from the listing cache,
  // so no worker thread is started), the 10,000-article folder never.
  const bundledCacheDir = path.join(projectRoot, '.bench', 'listing-cache-bundled');
  rmSync(bundledCacheDir, { recursive: true, force: true });
  if (listingRuns > 0) {
    const server = await startBrowserModeServer(projectRoot, path.join(projectRoot, 'corpus'), ['--cache', bundledCacheDir]);
    await waitForOutput(server, /Opened corpus/);
    await waitForFile(bundledCacheDir);
    await server.stop();
  }
  for (let run = 0; run < listingRuns; run += 1) {
    // Cold, as a user opens a new folder: the app is running (on the bundled corpus), the user
    // chooses Open folder… and names the 10,000-article folder, never listed before; from the
    // click on "Open folder" to the library of 10,000 on screen (worker threads started meanwhile).
    const runCacheDir = `${bundledCacheDir}-run`;
    rmSync(runCacheDir, { recursive: true, force: true });
    cpSync(bundledCacheDir, runCacheDir, { recursive: true });
    const server = await startBrowserModeServer(projectRoot, path.join(projectRoot, 'corpus'), ['--cache', runCacheDir]);
    // Every article of the bundled corpus from the cache, whatever their number.
    await waitForOutput(server, /Opened corpus .*: (\d+) articles in \d+ ms \(\1 from cache\)/);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await waitForMark(page, 'library-rendered');
    // A person takes longer than this to press Ctrl+O and choose a folder; the app has settled.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await page.keyboard.press('Control+O');
    await page.getByRole('textbox', { name: 'Folder path' }).fill(corpusDir);
    const clickedAt = await page.getByRole('button', { name: 'Open folder', exact: true }).evaluate((button: HTMLButtonElement) => {
      const now = performance.now();
      button.click();
      return now;
    });
    const renderedAt = await waitForMark(page, 'library-rendered', { atLeast: COUNT });
    samples.coldInApp?.push(renderedAt - clickedAt);
    const mainLine = server.output().split('\n').find((line) => line.includes(`Opened corpus ${corpusDir}:`)) ?? '';
    samples.coldInAppMain?.push(openedCorpusMs(mainLine));
    if (!mainLine.includes('(0 from cache)')) throw new Error(`the 10,000-article folder was not listed cold: ${mainLine}`);
    await context.close();
    await server.stop();
  }
  rmSync(cacheDir, { recursive: true, force: true });
  if (listingRuns > 0) {
    const server = await startBrowserModeServer(projectRoot, corpusDir, ['--cache', cacheDir]);
    await waitForOutput(server, /Opened corpus/);
    await new Promise((resolve) => setTimeout(resolve, 2000)); // let it write the cache
    await server.stop();
  }
  let longest = '';
  for (let run = 0; run < listingRuns; run += 1) {
    const server = await startBrowserModeServer(projectRoot, corpusDir, ['--cache', cacheDir]);
    // The page is loaded once main has listed, so that this measures the page alone.
    await waitForOutput(server, /Opened corpus/);
    const scanMs = openedCorpusMs(server.output());
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url);
    const renderMs = await waitForMark(page, 'library-rendered');
    if (!longest) {
      longest = await page.evaluate(async () => {
        const response = await fetch('/rpc/corpus.list', { method: 'POST', headers: { 'content-type': 'application/json', 'x-workbench-token': sessionStorage.getItem('workbench.token') ?? '' }, body: '{}' });
        const body = (await response.json()) as { value: { articles: Array<{ path: string; wordCount: number }> } };
        return body.value.articles.filter((article) => article.wordCount <= 5000).sort((a, b) => b.wordCount - a.wordCount)[0]?.path ?? '';
      });
    }
    await page.getByRole('searchbox', { name: 'Filter articles' }).fill(longest);
    await page.getByRole('listbox', { name: 'Articles' }).focus();
    await page.keyboard.press('ArrowDown');
    const started = await page.evaluate(() => {
      const now = performance.now();
      document.querySelector('[role="listbox"]')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      return now;
    });
    const paintedAt = await waitForMark(page, 'article-painted', { equals: longest });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
    const heap = metrics.metrics.find((metric) => metric.name === 'JSHeapTotalSize')?.value ?? Number.NaN;
    samples.scan?.push(scanMs);
    samples.render?.push(renderMs);
    samples.total?.push(scanMs + renderMs);
    samples.open?.push(paintedAt - started);
    samples.rendererHeap?.push(heap / 1024 / 1024);
    samples.mainRss?.push(residentMegabytes(server.pid));
    await context.close();
    await server.stop();
    process.stdout.write(`run ${run + 1}/${RUNS} done\n`);
  }
  const highlightRows = runs('highlights') ? await benchHighlights(browser, projectRoot, corpusDir, RUNS) : [];
  const entityRows = runs('entities') ? await benchEntityIndex(browser, projectRoot, RUNS) : [];
  const exportRows = runs('export') ? await exportBench(browser) : [];
  await browser.close();
  const mentionRows = runs('mentions') ? await benchMentionSearch(projectRoot, corpusDir, RUNS) : [];
  const listingRows: BenchRow[] = [
    { name: `main: list ${COUNT.toLocaleString()} articles, cold (read and parse every file)`, value: median(samples.cold ?? []), unit: 'ms' },
    { name: `main: list ${COUNT.toLocaleString()} articles, warm (listing cache, stat only)`, value: median(samples.scan ?? []), unit: 'ms' },
    { name: 'renderer: page load to library rendered', value: median(samples.render ?? []), unit: 'ms' },
    { name: `listing (warm) + first render of ${COUNT.toLocaleString()} articles`, value: median(samples.total ?? []), unit: 'ms', budget: 1500 },
    { name: `listing (cold) + first render of ${COUNT.toLocaleString()} articles`, value: median(samples.cold ?? []) + median(samples.render ?? []), unit: 'ms', budget: 1500 },
    { name: `cold end to end: open starts → library rendered (page loads meanwhile)`, value: median(samples.coldEndToEnd ?? []), unit: 'ms', budget: 1500 },
    { name: `open a new folder in the running app, cold: "Open folder" → library of ${COUNT.toLocaleString()} rendered`, value: median(samples.coldInApp ?? []), unit: 'ms', budget: 1500 },
    { name: 'of which main lists the folder (cold)', value: median(samples.coldInAppMain ?? []), unit: 'ms' },
    { name: `open and paint a ${longest ? 'longest (≤5,000-word)' : ''} article`, value: median(samples.open ?? []), unit: 'ms', budget: 100 },
    { name: 'renderer JS heap (total) after opening it', value: median(samples.rendererHeap ?? []), unit: 'MB', budget: 300 },
    { name: 'main (browser-mode host) resident memory', value: median(samples.mainRss ?? []), unit: 'MB' },
  ];
  const rows: BenchRow[] = [
    ...(listingRuns > 0 ? listingRows : []),
    ...highlightRows,
    ...mentionRows,
    ...entityRows,
    ...exportRows,
  ];
  console.log(`\nBenchmark (${RUNS} runs, medians; corpus ${corpusDir}; load average ${loadAtStart} at the start, ${load()} at the end)\n${formatBenchTable(rows)}`);
}

await main();
