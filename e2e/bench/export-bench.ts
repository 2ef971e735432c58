import type { Browser } from '@playwright/test';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { codePointLength } from '../../shared/anchoring/code-points';
import { describeRange } from '../../shared/anchoring/describe-range';
import { planImport } from '../../shared/export/archive-merge';
import type { ProjectData } from '../../shared/export/archive-schema';
import { toBratStandoff } from '../../shared/export/brat-standoff';
import { toConll } from '../../shared/export/conll';
import type { ExportArticle, ExportInput } from '../../shared/export/export-input';
import { toMarkdownReport } from '../../shared/export/markdown-report';
import { toMentionsCsv } from '../../shared/export/mentions-csv';
import { parseProjectArchive, toProjectArchive } from '../../shared/export/project-archive';
import { toWebAnnotations } from '../../shared/export/web-annotation';
import { prepareExport, type PreparedExport } from '../../shared/export/prepared-export';
import type { AnnotationRecord, Entity } from '../../shared/model/annotation';
import { AnnotationId, ArticleId, EntityId, NoteId } from '../../shared/model/ids';
import { DEFAULT_ENTITY_TYPES, DEFAULT_LEGEND } from '../../renderer/src/db/workbench-db';
import { createRandom } from '../../scripts/bench-corpus/seeded-random';
import { startBrowserModeServer } from '../support/browser-mode-server';
import { median, type BenchRow } from './bench-stats';
import { waitForMark } from './page-marks';

const ARTICLES = 1_000;
const ANNOTATIONS = 50_000;
const ENTITIES = 200;
const IMPORT_BUDGET_MS = 3_000;

/**
 * A project of 50,000 annotations (60 % highlights, 40 % mentions of 200 entities, one in ten
 * commented) over 1,000 articles made from the sample corpus, each with an emoji so that code
 * points and UTF-16 differ. Seeded: the same project every run.
 */
export function benchProject(projectRoot: string): { input: ExportInput; data: ProjectData } {
  const random = createRandom(7);
  const corpusDir = path.join(projectRoot, 'corpus');
  const samples = readdirSync(corpusDir).filter((name) => name.endsWith('.txt')).sort().map((name) => readFileSync(path.join(corpusDir, name), 'utf8'));
  const articles: ExportArticle[] = Array.from({ length: ARTICLES }, (_, i) => ({
    id: ArticleId.parse(`article-${String(i).padStart(4, '0')}`),
    path: `batch-${String(Math.floor(i / 100)).padStart(2, '0')}/article-${i}.txt`,
    // Through JSON, as texts reach the renderer from main: a flat string, not the rope (cons string)
    // a template literal makes, on which every charCodeAt walks the rope.
    text: JSON.parse(JSON.stringify(`Report ${i} 👍🏽 from the field.\n${samples[i % samples.length] ?? ''}`)) as string,
    meta: { title: `Report ${i}`, source: 'The New Times', author: '', date: '2025-01-29', url: '' },
  }));
  const entities: Entity[] = Array.from({ length: ENTITIES }, (_, i) => ({
    id: EntityId.parse(`entity-${i}`), typeId: (DEFAULT_ENTITY_TYPES[i % DEFAULT_ENTITY_TYPES.length] ?? DEFAULT_ENTITY_TYPES[0]!).id, name: `Entity ${i}`, aliases: [], description: '', externalId: i % 2 ? `Q${1000 + i}` : '', createdAt: 1, updatedAt: 1,
  }));
  const annotations: AnnotationRecord[] = [];
  for (let n = 0; n < ANNOTATIONS; n++) {
    const article = articles[n % ARTICLES] as ExportArticle;
    const length = codePointLength(article.text);
    const start = random.int(0, length - 60);
    const end = start + random.int(3, 50);
    const base = {
      id: AnnotationId.parse(`annotation-${n}`), articleId: article.id, comment: random.chance(0.1) ? `Note ${n}: check, "quote" =1` : '',
      target: describeRange(article.text, { start, end }), anchor: { status: 'exact' as const, start, end, confidence: 1 }, createdAt: n, updatedAt: n,
    };
    annotations.push(random.chance(0.4) ? { ...base, kind: 'mention', entityId: random.pick(entities).id } : { ...base, kind: 'highlight', legendId: random.pick(DEFAULT_LEGEND).id });
  }
  const notes = Array.from({ length: 20 }, (_, i) => ({
    id: NoteId.parse(`page-${i}`), kind: 'page' as const, targetId: '', title: `Page ${i}`, order: i,
    content: JSON.stringify({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: `Finding ${i}`, format: 1 }] }] } }),
    text: `Finding ${i}`, citedAnnotationIds: [], citedEntityIds: [], citedArticleIds: [], createdAt: 1, updatedAt: 1,
  }));
  const input: ExportInput = { projectName: 'bench', articles, annotations, legend: DEFAULT_LEGEND, entities, entityTypes: DEFAULT_ENTITY_TYPES, notes };
  const data: ProjectData = {
    articles: articles.map((article) => ({ id: article.id, path: article.path, sha256: '', createdAt: 1, updatedAt: 1 })),
    articleMeta: [], legend: [...DEFAULT_LEGEND], entityTypes: [...DEFAULT_ENTITY_TYPES], entities, annotations, rejectedHits: [], notes,
  };
  return { input, data };
}

function time(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/**
 * Times each serialiser in Node (they are pure: the same code runs in the renderer), one after the
 * other on one thread, as the Export dialog runs them. Each run starts from the raw input: the
 * preparation every format shares (lookups, text order, offsets) is made afresh and counted.
 */
export function benchExportSerialisers(projectRoot: string, runs: number): { rows: BenchRow[]; archive: string; input: ExportInput } {
  const { input, data } = benchProject(projectRoot);
  let prepared: PreparedExport | null = null;
  const ready = (): PreparedExport => prepared ?? prepareExport(input);
  const formats: Array<[string, () => unknown]> = [
    ['preparation shared by the formats', () => (prepared = prepareExport(input))],
    ['Markdown report', () => toMarkdownReport(ready())],
    ['W3C Web Annotations', () => toWebAnnotations(ready())],
    ['brat standoff', () => toBratStandoff(ready())],
    ['mentions CSV', () => toMentionsCsv(ready())],
    ['CoNLL', () => toConll(ready())],
    ['project archive', () => toProjectArchive(data)],
  ];
  const samples = formats.map(() => [] as number[]);
  const totals: number[] = [];
  const cpuTotals: number[] = [];
  for (let run = 0; run < runs; run++) {
    prepared = null;
    let total = 0;
    const cpu = process.cpuUsage();
    formats.forEach(([, serialise], i) => {
      const ms = time(serialise);
      samples[i]?.push(ms);
      total += ms;
    });
    const used = process.cpuUsage(cpu);
    totals.push(total);
    cpuTotals.push((used.user + used.system) / 1000);
  }
  const archive = toProjectArchive(data);
  const empty: ProjectData = { articles: [], articleMeta: [], legend: [], entityTypes: [], entities: [], annotations: [], rejectedHits: [], notes: [] };
  const parseMs = median(Array.from({ length: runs }, () => time(() => planImport(empty, parseProjectArchive(archive), 'replace'))));
  const label = `${(ANNOTATIONS / 1000).toFixed(0)}k annotations / ${ARTICLES.toLocaleString()} articles`;
  return {
    archive,
    input,
    rows: [
      ...formats.map(([name], i) => ({ name: `export ${name} (${label}, Node)`, value: median(samples[i] ?? []), unit: 'ms' as const })),
      { name: `export to every format (${label}, Node, one thread, preparation included)`, value: median(totals), unit: 'ms' },
      // CPU time says what the wall clock would on an idle machine; on a shared one the two differ.
      { name: '  the same, CPU time of the process', value: median(cpuTotals), unit: 'ms' },
      { name: `archive: parse, check and plan (${(archive.length / 1e6).toFixed(1)} M chars, Node)`, value: parseMs, unit: 'ms' },
    ],
  };
}

/**
 * Imports the archive through the Import dialog in Chromium, replacing a fresh project: reading
 * the file, parsing, checking, planning and the one Dexie transaction, until the report shows.
 */
export function benchArchiveFile(projectRoot: string, archive: string): string {
  const dir = path.join(projectRoot, '.bench', 'export');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'bench-archive.json');
  writeFileSync(file, archive);
  return file;
}

export async function benchArchiveImport(browser: Browser, projectRoot: string, file: string, runs: number): Promise<BenchRow[]> {
  const dir = path.dirname(file);
  const server = await startBrowserModeServer(projectRoot, path.join(projectRoot, 'corpus'), ['--no-cache', '--exports', path.join(dir, 'out')]);
  const samples: number[] = [];
  const checking: number[] = [];
  const writing: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByRole('button', { name: 'Import…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import' });
      await dialog.getByLabel(/File to import/).setInputFiles(file);
      await dialog.getByRole('radio', { name: /Replace this project/ }).check();
      const button = dialog.getByRole('button', { name: 'Import', exact: true });
      await button.waitFor();
      const started = await page.evaluate(() => performance.now());
      await button.click();
      await dialog.getByRole('status').waitFor({ timeout: 120_000 });
      const finished = await page.evaluate(() => performance.now());
      samples.push(finished - started);
      const planned = await waitForMark(page, 'archive-planned');
      checking.push(planned - started);
      writing.push((await waitForMark(page, 'archive-written')) - planned);
      await context.close();
      process.stdout.write(`import run ${run + 1}/${runs} done\n`);
    }
  } finally {
    await server.stop();
  }
  const rows: BenchRow[] = [
    { name: '  of which the one Dexie transaction (Chromium)', value: median(writing), unit: 'ms' },
    { name: '  of which reading, parsing, checking and planning (Chromium)', value: median(checking), unit: 'ms' },
    { name: `import the archive (${(ANNOTATIONS / 1000).toFixed(0)}k annotations) into Dexie, Chromium`, value: median(samples), unit: 'ms', budget: IMPORT_BUDGET_MS },
  ];
  return rows.reverse();
}
