import { chromium } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS } from '../support/chromium-args';
import { benchProject } from './export-bench';
import { median } from './bench-stats';

/*
 * The floor under the archive import: raw IndexedDB (no Dexie) writing the bench project's 50,000
 * annotations in one transaction in headless Chromium, with the annotations table's indexes as
 * shipped, with fewer indexes, and with `durability: 'relaxed'`. Run with
 * `node scripts/run-ts.mjs e2e/bench/idb-floor.ts` (BENCH_RUNS, default 3).
 */
const projectRoot = path.resolve(import.meta.dirname, '..', '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const VARIANTS: Array<{ name: string; indexes: string[]; durability: 'default' | 'relaxed' }> = [
  { name: 'indexes as shipped (articleId, kind, updatedAt, entityId), default durability', indexes: ['articleId', 'kind', 'updatedAt', 'entityId'], durability: 'default' },
  { name: 'indexes as shipped, relaxed durability', indexes: ['articleId', 'kind', 'updatedAt', 'entityId'], durability: 'relaxed' },
  { name: 'without updatedAt', indexes: ['articleId', 'kind', 'entityId'], durability: 'default' },
  { name: 'without updatedAt and kind', indexes: ['articleId', 'entityId'], durability: 'default' },
  { name: 'no secondary index', indexes: [], durability: 'default' },
];

const SCRIPT = `async ({ rows, indexes, durability, name }) => {
  await new Promise((resolve) => { const r = indexedDB.deleteDatabase(name); r.onsuccess = r.onerror = () => resolve(); });
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => { const store = open.result.createObjectStore('annotations', { keyPath: 'id' }); for (const index of indexes) store.createIndex(index, index); };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const started = performance.now();
  let issued = 0;
  await new Promise((resolve, reject) => {
    const tx = db.transaction('annotations', 'readwrite', { durability });
    const store = tx.objectStore('annotations');
    for (const row of rows) store.add(row);
    issued = performance.now() - started;
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - started;
  db.close();
  return [ms, issued];
}`;

async function main(): Promise<void> {
  const { data } = benchProject(projectRoot);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS] });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('http://idb-floor.local/', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>floor</title>' }));
  await page.goto('http://idb-floor.local/');
  await page.evaluate(`window.__rows = ${JSON.stringify(data.annotations)}`);
  console.log(`load ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  for (const variant of VARIANTS) {
    const samples: number[] = [];
    const issuing: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const [ms, issued] = (await page.evaluate(`(${SCRIPT})({ rows: window.__rows, indexes: ${JSON.stringify(variant.indexes)}, durability: ${JSON.stringify(variant.durability)}, name: 'floor-${run}' })`)) as [number, number];
      samples.push(ms);
      issuing.push(issued);
    }
    // "issuing": the synchronous add() calls (cloning each row in the page), before IndexedDB works.
    console.log(`${variant.name}: median ${median(samples).toFixed(0)} ms (${samples.map((n) => n.toFixed(0)).join(', ')}), of which issuing ${median(issuing).toFixed(0)} ms`);
  }
  console.log(`load ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  await browser.close();
}

await main();
