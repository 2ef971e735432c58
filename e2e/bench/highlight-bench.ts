import type { Browser, Page } from '@playwright/test';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { anchorAll } from '../../shared/anchoring/anchor-selectors';
import { codePointLength } from '../../shared/anchoring/code-points';
import { describeRange } from '../../shared/anchoring/describe-range';
import { startBrowserModeServer } from '../support/browser-mode-server';
import { createRandom } from '../../scripts/bench-corpus/seeded-random';
import { PACK_SIZE, packsFromRows } from '../../renderer/src/db/annotation-pack';
import { median, type BenchRow } from './bench-stats';
import { waitForMark } from './page-marks';

const HIGHLIGHTS = 2000;
const REANCHORED = 300;
const ARTICLE_BYTES = 50 * 1024;

/** A 50 KB article made of the generated corpus's paragraphs. */
function longArticle(corpusDir: string): string {
  const batch = path.join(corpusDir, 'batch-00');
  const paragraphs: string[] = [];
  let size = 0;
  for (const file of readdirSync(batch).sort()) {
    for (const line of readFileSync(path.join(batch, file), 'utf8').split('\n')) {
      if (line.length < 80 || line.startsWith('ALSO READ')) continue;
      paragraphs.push(line);
      size += Buffer.byteLength(line) + 1;
      if (size >= ARTICLE_BYTES) return `${paragraphs.join('\n')}\n`;
    }
  }
  return `${paragraphs.join('\n')}\n`;
}

function randomRanges(text: string, count: number, random: () => number): Array<{ start: number; end: number }> {
  const length = codePointLength(text);
  return Array.from({ length: count }, () => {
    const start = Math.floor(random() * (length - 200));
    return { start, end: start + 5 + Math.floor(random() * 120) };
  });
}

/** Stores highlights straight into the page's IndexedDB, as if made over weeks of reading (packed as the app packs them). */
async function seedHighlights(page: Page, articlePath: string, text: string): Promise<void> {
  // Plain-script strings: tsx's name-keeping helpers do not exist inside the page.
  const openDb = `new Promise((resolve, reject) => { const r = indexedDB.open('research-workbench'); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); })`;
  const { articleId, legendId } = (await page.evaluate(`(async () => {
    const db = await ${openDb};
    const read = (store) => new Promise((resolve) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => resolve(r.result); });
    const articles = await read('articles');
    const legend = await read('legend');
    db.close();
    return { articleId: (articles.find((a) => a.path === ${JSON.stringify(articlePath)}) || {}).id || '', legendId: (legend.sort((a, b) => a.order - b.order)[0] || {}).id || '' };
  })()`)) as { articleId: string; legendId: string };
  const random = createRandom(42).next;
  const now = Date.now();
  const records = randomRanges(text, HIGHLIGHTS, random).map((range, i) => ({
    id: `bench-${i}`,
    articleId,
    kind: 'highlight',
    legendId,
    comment: '',
    target: describeRange(text, range),
    anchor: { status: 'exact', start: range.start, end: range.end, confidence: 1 },
    createdAt: now,
    updatedAt: now,
  }));
  await page.evaluate(`(async () => {
    const packs = ${JSON.stringify(packsFromRows(records))};
    const db = await ${openDb};
    await new Promise((resolve, reject) => {
      const transaction = db.transaction('annotationPacks', 'readwrite');
      for (const pack of packs) transaction.objectStore('annotationPacks').put(pack);
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    db.close();
  })()`);
}

/** Highlight figures: painting 2,000 highlights, creating one, and re-anchoring 300 after an edit. */
export async function benchHighlights(browser: Browser, projectRoot: string, corpusDir: string, runs: number): Promise<BenchRow[]> {
  const dir = path.join(projectRoot, '.bench', 'highlights');
  mkdirSync(dir, { recursive: true });
  const text = longArticle(corpusDir);
  writeFileSync(path.join(dir, 'long-article.txt'), text);
  const paint: number[] = [];
  const create: number[] = [];
  const rawRead: number[] = [];
  const server = await startBrowserModeServer(projectRoot, dir, ['--no-cache']);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('option', { name: /long-article\.txt/ }).click();
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await waitForMark(page, 'article-painted');
  await page.waitForFunction(() => performance.getEntriesByName('highlights-painted').length > 0);
  await seedHighlights(page, 'long-article.txt', text);
  // The first opening after the highlights were stored has no paint snapshot yet: measured on its
  // own, so the reopened figure below is every run's, not a mix of both.
  await page.reload();
  const firstOpen = (await waitForMark(page, 'highlights-painted', { atLeast: HIGHLIGHTS })) - (await waitForMark(page, 'article-painted'));
  await page.waitForTimeout(500); // the snapshot is saved after anchoring
  for (let run = 0; run < runs; run += 1) {
    await page.reload();
    const textAt = await waitForMark(page, 'article-painted');
    const paintedAt = await waitForMark(page, 'highlights-painted', { atLeast: HIGHLIGHTS });
    // Painted in the same frame as the text shows as 0 (the text's mark is taken a frame later).
    paint.push(Math.max(0, paintedAt - textAt));
    // For scale: how long Chromium's IndexedDB alone takes to hand over those rows.
    rawRead.push(
      (await page.evaluate(`(async () => {
        const db = await new Promise((resolve) => { const r = indexedDB.open('research-workbench'); r.onsuccess = () => resolve(r.result); });
        const started = performance.now();
        await new Promise((resolve) => { const r = db.transaction('annotationPacks').objectStore('annotationPacks').getAll(); r.onsuccess = () => resolve(r.result); });
        const elapsed = performance.now() - started;
        db.close();
        return elapsed;
      })()`)) as number,
    );
    await page.evaluate(() => {
      const line = document.querySelector('[data-line="3"]')?.firstChild;
      if (!line) throw new Error('no text');
      const range = document.createRange();
      range.setStart(line, 10);
      range.setEnd(line, 60);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
    });
    const button = page.getByRole('toolbar', { name: 'Highlight the selection' }).getByRole('button').first();
    await button.waitFor();
    const started = await button.evaluate((element) => {
      performance.clearMarks('highlight-created');
      const now = performance.now();
      (element as HTMLButtonElement).click();
      return now;
    });
    create.push((await waitForMark(page, 'highlight-created')) - started);
  }
  await context.close();
  await server.stop();

  // Re-anchoring after an edit: a paragraph inserted near the top, so every highlight has moved.
  const random = createRandom(7).next;
  const selectors = randomRanges(text, REANCHORED, random).map((range) => describeRange(text, range));
  const edited = text.replace('\n', '\nAn editor’s note inserted above the rest of the article moves every highlight below it.\n');
  const reanchor: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    anchorAll(edited, selectors);
    reanchor.push(performance.now() - started);
  }
  return [
    { name: `paint ${HIGHLIGHTS.toLocaleString()} highlights on a 50 KB article, after its text (reopened)`, value: median(paint), unit: 'ms', budget: 50 },
    { name: `paint ${HIGHLIGHTS.toLocaleString()} highlights, first opening after they were stored`, value: Math.max(0, firstOpen), unit: 'ms' },
    { name: `  of which IndexedDB alone reads the ${HIGHLIGHTS.toLocaleString()} highlights (raw getAll of their ${Math.ceil(HIGHLIGHTS / PACK_SIZE)} packs)`, value: median(rawRead), unit: 'ms' },
    { name: 'create a highlight: toolbar click to painted', value: median(create), unit: 'ms', budget: 16 },
    { name: `re-anchor ${REANCHORED} highlights after an edit (anchoring, same V8)`, value: median(reanchor), unit: 'ms', budget: 100 },
  ];
}
