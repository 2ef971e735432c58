import type { Browser, Page } from '@playwright/test';
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { PACK_SIZE } from '../../renderer/src/db/annotation-pack';
import { startBrowserModeServer } from '../support/browser-mode-server';
import { median, type BenchRow } from './bench-stats';
import { waitForMark } from './page-marks';

const ENTITIES = 5000;
const MENTIONS = 100_000;
const ARTICLES = 2000;
const BUDGET_MS = 200;

/**
 * Stores 5,000 entities and 100,000 mentions straight into the page's IndexedDB, as a large
 * project's registry would hold after months. Generated inside the page (a plain-script string:
 * tsx's helpers do not exist there), so 100,000 rows never cross the DevTools protocol as JSON.
 */
async function seedRegistry(page: Page): Promise<void> {
  await page.evaluate(`(async () => {
    const db = await new Promise((resolve, reject) => { const r = indexedDB.open('research-workbench'); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    const types = await new Promise((resolve) => { const r = db.transaction('entityTypes').objectStore('entityTypes').getAll(); r.onsuccess = () => resolve(r.result); });
    let seed = 7;
    const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    const syllables = ['ka', 'ga', 'me', 'tshi', 'se', 'ke', 'di', 'ru', 'to', 'bi', 'o', 'ma', 'go', 'no', 'ki', 'sha', 'sa', 'la', 'ndu', 'ba'];
    const word = () => { let w = ''; const n = 2 + Math.floor(random() * 3); for (let i = 0; i < n; i++) w += syllables[Math.floor(random() * syllables.length)]; return w[0].toUpperCase() + w.slice(1); };
    const now = Date.now();
    const entities = [];
    for (let i = 0; i < ${ENTITIES}; i++) {
      entities.push({ id: 'bench-entity-' + i, typeId: types[i % types.length].id, name: word() + ' ' + word(), aliases: i % 3 === 0 ? [word()] : [], description: '', externalId: '', createdAt: now, updatedAt: now });
    }
    await new Promise((resolve, reject) => {
      const tx = db.transaction(['entities', 'annotationPacks', 'entityMentionCounts'], 'readwrite');
      const totals = new Map();
      const packs = new Map();
      for (const entity of entities) tx.objectStore('entities').put(entity);
      for (let i = 0; i < ${MENTIONS}; i++) {
        // Skewed like real corpora: a few entities are named everywhere, most a handful of times.
        const entity = entities[Math.floor(Math.pow(random(), 2) * entities.length)];
        const start = Math.floor(random() * 20000);
        const exact = entity.name;
        totals.set(entity.id, (totals.get(entity.id) || 0) + 1);
        const articleId = 'bench-article-' + Math.floor(random() * ${ARTICLES});
        if (!packs.has(articleId)) packs.set(articleId, []);
        packs.get(articleId).push({
          id: 'bench-mention-' + i, articleId, kind: 'mention', entityId: entity.id, comment: '',
          target: { quote: { type: 'TextQuoteSelector', exact, prefix: 'the words that came before the name, ', suffix: ' and the words after it in the text' }, position: { type: 'TextPositionSelector', start, end: start + exact.length } },
          anchor: { status: 'exact', start, end: start + exact.length, confidence: 1 }, createdAt: now, updatedAt: now,
        });
      }
      // Packed as the app packs them (annotation-pack.ts): per article, in id order, ${PACK_SIZE} to a row.
      for (const [articleId, rows] of packs) {
        rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        for (let chunk = 0; chunk * ${PACK_SIZE} < rows.length; chunk++) {
          const annotations = rows.slice(chunk * ${PACK_SIZE}, (chunk + 1) * ${PACK_SIZE});
          const entityIds = [...new Set(annotations.map((row) => row.entityId))];
          tx.objectStore('annotationPacks').put({ articleId, chunk, annotations, annotationIds: annotations.map((row) => row.id), entityIds });
        }
      }
      // The totals the app keeps beside the mentions (mention-count-store.ts), as its writes leave them.
      tx.objectStore('entityMentionCounts').put({ id: 'totals', totals: Object.fromEntries(totals) });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  })()`);
}

/**
 * Time from choosing the Entities tab to its index rendered with every entity's count: first
 * shown (from the snapshot of the index last shown), and replaced by the live read.
 */
async function openEntitiesTab(page: Page): Promise<{ shown: number; live: number }> {
  await page.getByRole('tab', { name: 'Highlights' }).click();
  const tab = page.getByRole('tab', { name: 'Entities' });
  const started = await tab.evaluate((element) => {
    performance.clearMarks('entity-index-rendered');
    performance.clearMarks('entity-index-live');
    const now = performance.now();
    (element as HTMLButtonElement).click();
    return now;
  });
  const shown = (await waitForMark(page, 'entity-index-rendered', { atLeast: ENTITIES })) - started;
  const live = (await waitForMark(page, 'entity-index-live', { atLeast: ENTITIES })) - started;
  return { shown, live };
}

/** The entity index with 5,000 entities and 100,000 mentions: first opening after a reload, and re-opening the tab. */
export async function benchEntityIndex(browser: Browser, projectRoot: string, runs: number): Promise<BenchRow[]> {
  const dir = path.join(projectRoot, '.bench', 'entities');
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(projectRoot, 'corpus'), dir, { recursive: true });
  const server = await startBrowserModeServer(projectRoot, dir, ['--no-cache']);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    await waitForMark(page, 'library-rendered');
    await seedRegistry(page);
    // The first opening reads everything live and leaves the snapshot the later ones start from.
    await openEntitiesTab(page);
    const afterReload: Array<{ shown: number; live: number }> = [];
    const reopened: Array<{ shown: number; live: number }> = [];
    for (let run = 0; run < runs; run += 1) {
      await page.reload();
      await waitForMark(page, 'library-rendered');
      afterReload.push(await openEntitiesTab(page));
      reopened.push(await openEntitiesTab(page));
    }
    const rows = await page.getByRole('listbox', { name: 'Entity index' }).getByRole('option').count();
    return [
      { name: `Entities tab, ${ENTITIES.toLocaleString()} entities and ${MENTIONS.toLocaleString()} mentions: index shown, first opening after a reload`, value: median(afterReload.map((run) => run.shown)), unit: 'ms', budget: BUDGET_MS },
      { name: '  same, live read (entities validated, stored totals) replaces it', value: median(afterReload.map((run) => run.live)), unit: 'ms' },
      { name: `Entities tab opened again: index shown (${rows} option rows in the DOM)`, value: median(reopened.map((run) => run.shown)), unit: 'ms', budget: BUDGET_MS },
      { name: '  same, live read replaces it', value: median(reopened.map((run) => run.live)), unit: 'ms' },
    ];
  } finally {
    await context.close();
    await server.stop();
  }
}
