import { rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/contract/host-contract';
import type { ArticleSummary } from '../../../shared/model/article';
import type { MentionHit } from '../../../shared/model/mention';
import { createMentionMatcher } from '../../../shared/search/mention-matcher';
import { makeTempCorpus } from '../../../test-support/temp-corpus';
import { composeHost } from '../../host/compose-host';
import { silentLogger } from '../../host/logger';
import { createCorpusService, type CorpusService } from './corpus-service';
import { hitsIn, leftContext, rightContext, searchableText, type ArticleText } from './mention-hits';
import { searchMentions, type MentionSearchDeps } from './mention-search';
import { createSearchTextReader } from './search-text-reader';

const KIGALI_TODAY = '000_f9a0009864046443.txt';
const RUBIO_RUTO = '001_49124f787c8de1cf.txt';
const BLINKEN = '002_5c9336af2132081a.txt';

let corpus: Awaited<ReturnType<typeof makeTempCorpus>>;
let service: CorpusService;

beforeEach(async () => {
  corpus = await makeTempCorpus();
  service = createCorpusService({ log: silentLogger, mayOpen: () => true, onChange: () => {} });
  await service.open(corpus.root);
});
afterEach(async () => {
  await service.close();
  await corpus.remove();
});

/** Runs a search to the end and returns its totals with every hit it delivered, in delivery order. */
async function collect(deps: MentionSearchDeps, terms: string[], includeBoilerplate = false) {
  const batches: MentionHit[][] = [];
  const totals = await searchMentions(deps, { terms, includeBoilerplate }, (batch) => batches.push(batch));
  return { totals, batches, hits: batches.flat() };
}

function byPosition(a: MentionHit, b: MentionHit): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start;
}

/** The same search context without its worker batches: each article read and searched in this thread. */
function oneByOne({ root, articles, readText }: MentionSearchDeps): MentionSearchDeps {
  return { root, articles, readText };
}

/** A corpus of `count` articles whose texts are the sample articles, read without touching disk. */
async function syntheticCorpus(count: number, readDelayMs = 0): Promise<MentionSearchDeps> {
  const samples = await Promise.all([KIGALI_TODAY, RUBIO_RUTO, BLINKEN].map((name) => service.read(name)));
  const articles: ArticleSummary[] = Array.from({ length: count }, (_, i) => ({ ...(samples[i % 3]?.summary as ArticleSummary), path: `batch/${String(i).padStart(4, '0')}.txt` }));
  return {
    root: '/synthetic',
    articles,
    readText: async (articlePath): Promise<ArticleText | null> => {
      if (readDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, readDelayMs));
      const sample = samples[Number(/(\d+)\.txt$/.exec(articlePath)?.[1]) % 3];
      return sample ? { text: sample.text, lines: sample.lines } : null;
    },
  };
}

describe('searchMentions over the sample corpus', () => {
  it('finds "M23" in all three articles, with offsets that slice out the hit', async () => {
    const { totals, hits } = await collect(service.searchContext(), ['M23']);
    expect(totals).toMatchObject({ articlesSearched: 3, hits: 8 });
    expect(hits.sort(byPosition).map((hit) => [hit.path, hit.line, hit.start, hit.end])).toEqual([
      [KIGALI_TODAY, 0, 177, 180],
      [KIGALI_TODAY, 4, 977, 980],
      [KIGALI_TODAY, 11, 2387, 2390],
      [RUBIO_RUTO, 0, 249, 252],
      [RUBIO_RUTO, 3, 670, 673],
      [RUBIO_RUTO, 5, 825, 828],
      [BLINKEN, 4, 940, 943],
      [BLINKEN, 13, 2237, 2240],
    ]);
    for (const hit of hits) {
      const { text } = await service.read(hit.path);
      expect(text.slice(hit.start, hit.end)).toBe('M23');
      expect(hit).toMatchObject({ exact: 'M23', term: 'M23', startCodePoint: hit.start, endCodePoint: hit.end });
      expect(text.split('\n')[hit.line]).toContain(`${hit.left}M23${hit.right}`);
    }
  });

  it('shows each hit with about 60 characters of context on its own line, cut at word boundaries', async () => {
    const { hits } = await collect(service.searchContext(), ['M23']);
    expect(hits.find((hit) => hit.path === KIGALI_TODAY && hit.line === 0)).toMatchObject({
      left: 'the "need to ensure a ceasefire" in eastern DR Congo, where ',
      right: ' rebels captured Goma city on Sunday, escalating conflict',
    });
    // A hit at the start of its line has no left context from the line above.
    expect(hits.find((hit) => hit.path === RUBIO_RUTO && hit.line === 5)).toMatchObject({ left: '', right: ', accused of receiving military support from Rwanda, has' });
  });

  it('leaves out hits on boilerplate lines unless asked for them', async () => {
    const boilerplateLines = (hits: MentionHit[]) => hits.filter((hit) => hit.path === KIGALI_TODAY).map((hit) => hit.line);
    const withoutBoilerplate = await collect(service.searchContext(), ['M23']);
    expect(boilerplateLines(withoutBoilerplate.hits)).toEqual([0, 4, 11]);
    const withBoilerplate = await collect(service.searchContext(), ['M23'], true);
    expect(withBoilerplate.totals.hits).toBe(10);
    expect(boilerplateLines(withBoilerplate.hits)).toEqual([0, 4, 5, 11, 13]);
    expect(withBoilerplate.hits.find((hit) => hit.path === KIGALI_TODAY && hit.line === 5)).toMatchObject({ left: 'ALSO READ: ', right: ' rebels capture Goma, call for calm' });
  });

  it('reports code point offsets after astral characters', async () => {
    await writeFile(path.join(corpus.root, 'emoji.txt'), 'Reactions 👍🏽👍🏽 to 𠮷 Kagame’s post\nPaul Kagame thanked them.\n');
    await service.open(corpus.root);
    const { hits } = await collect(service.searchContext(), ['Kagame', 'Paul Kagame']);
    const emoji = hits.filter((hit) => hit.path === 'emoji.txt');
    expect(emoji.map(({ start, end, startCodePoint, endCodePoint, exact, line }) => ({ start, end, startCodePoint, endCodePoint, exact, line }))).toEqual([
      { start: 25, end: 31, startCodePoint: 20, endCodePoint: 26, exact: 'Kagame', line: 0 },
      { start: 39, end: 50, startCodePoint: 34, endCodePoint: 45, exact: 'Paul Kagame', line: 1 },
    ]);
  });

  it('skips articles that cannot be read, and counts only the ones it searched', async () => {
    const context = oneByOne(service.searchContext());
    const deps: MentionSearchDeps = {
      ...context,
      readText: (articlePath) => (articlePath === RUBIO_RUTO ? Promise.reject(new Error('gone')) : articlePath === BLINKEN ? Promise.resolve(null) : context.readText(articlePath)),
    };
    const { totals, hits } = await collect(deps, ['M23']);
    expect(totals).toMatchObject({ articlesSearched: 1, hits: 3 });
    expect(new Set(hits.map((hit) => hit.path))).toEqual(new Set([KIGALI_TODAY]));
  });
});

describe('searchMentions in batches (as the corpus service runs it, on worker threads)', () => {
  it('finds the same hits as reading article by article', async () => {
    const context = service.searchContext();
    expect(context.batches).toBeDefined();
    for (const terms of [['M23'], ['Kagame', 'Paul Kagame'], ['DRC', 'DR Congo', 'Democratic Republic of Congo']]) {
      const batched = await collect(context, terms, true);
      const single = await collect(oneByOne(context), terms, true);
      expect(batched.totals).toMatchObject({ articlesSearched: 3, hits: single.totals.hits });
      expect(batched.hits.sort(byPosition)).toEqual(single.hits.sort(byPosition));
    }
  });

  it('skips a file deleted after the listing, and counts only the articles it searched', async () => {
    await rm(path.join(corpus.root, RUBIO_RUTO));
    const { totals, hits } = await collect(service.searchContext(), ['M23']);
    expect(totals).toMatchObject({ articlesSearched: 2 });
    expect(new Set(hits.map((hit) => hit.path))).toEqual(new Set([KIGALI_TODAY, BLINKEN]));
  });

  it('sends the hits of the first small batch before the rest are searched', async () => {
    const deps = await syntheticCorpus(300);
    const asked: number[] = [];
    const batched: MentionSearchDeps = {
      ...deps,
      batches: {
        concurrency: 2,
        search: async (paths, query) => {
          asked.push(paths.length);
          const matcher = createMentionMatcher(query.terms);
          const texts = await Promise.all(paths.map((articlePath) => deps.readText(articlePath)));
          const hits = texts.flatMap((text, i) => (text ? hitsIn(paths[i] as string, searchableText(text), matcher, query.includeBoilerplate, 60) : []));
          return { searched: texts.filter(Boolean).length, hits };
        },
      },
    };
    const { totals, batches } = await collect(batched, ['M23']);
    expect(asked.slice(0, 4)).toEqual([8, 8, 16, 32]);
    expect(Math.max(...asked)).toBe(64);
    expect(asked.reduce((sum, n) => sum + n, 0)).toBe(300);
    expect(totals.articlesSearched).toBe(300);
    expect(batches[0]?.length).toBeGreaterThanOrEqual(1);
    expect(batches.flat()).toHaveLength(totals.hits);
  });
});

describe('searchMentions batching and cancelling', () => {
  it('sends a first batch early, then all hits of an article together in batches of at most 2,000', async () => {
    const deps = await syntheticCorpus(1000);
    const { totals, batches, hits } = await collect(deps, ['M23', 'Kagame']);
    // Per three articles: 6, 3 and 5 hits.
    expect(totals).toMatchObject({ articlesSearched: 1000, hits: 334 * 6 + 333 * 3 + 333 * 5 });
    expect(hits).toHaveLength(totals.hits);
    expect(batches.length).toBeGreaterThanOrEqual(3);
    // A batch closes after the article that takes it to the limit: it may hold that article's hits too.
    expect(Math.max(...batches.map((batch) => batch.length))).toBeLessThan(2000 + 10);
    // The first batch closes at the first article that takes it to 50 hits: at most one article more.
    expect(batches[0]?.length).toBeGreaterThanOrEqual(50);
    expect(batches[0]?.length).toBeLessThan(70);
    const batchesOfArticle = new Map<string, Set<number>>();
    batches.forEach((batch, index) => batch.forEach((hit) => batchesOfArticle.set(hit.path, (batchesOfArticle.get(hit.path) ?? new Set()).add(index))));
    expect([...batchesOfArticle.values()].every((indices) => indices.size === 1)).toBe(true);
    expect(new Set(hits.map((hit) => hit.path)).size).toBe(1000);
  });

  it('sends the first hits after about 100 ms even when there are fewer than 50', async () => {
    // Two hits every three articles, 16 reads of 40 ms at a time: 50 hits would take 200 ms.
    const deps = await syntheticCorpus(160, 40);
    let read = 0;
    const counted: MentionSearchDeps = { ...deps, readText: (articlePath) => deps.readText(articlePath).finally(() => (read += 1)) };
    const batches: Array<{ hits: number; read: number }> = [];
    const totals = await searchMentions(counted, { terms: ['Tshisekedi'], includeBoilerplate: false }, (batch) => batches.push({ hits: batch.length, read }));
    expect(totals).toMatchObject({ articlesSearched: 160, hits: 107 });
    expect(batches[0]?.hits).toBeGreaterThan(0);
    expect(batches[0]?.hits).toBeLessThan(50);
    expect(batches[0]?.read).toBeLessThan(160);
  });

  it('stops reading when aborted and sends nothing afterwards', async () => {
    const deps = await syntheticCorpus(2000, 1);
    const controller = new AbortController();
    const batches: MentionHit[][] = [];
    let afterAbort = 0;
    const totals = await searchMentions(
      deps,
      { terms: ['M23'], includeBoilerplate: false },
      (batch) => {
        if (controller.signal.aborted) afterAbort += 1;
        batches.push(batch);
        controller.abort();
      },
      controller.signal,
    );
    expect(afterAbort).toBe(0);
    expect(batches).toHaveLength(1);
    expect(totals.hits).toBe(batches[0]?.length);
    expect(totals.articlesSearched).toBeLessThan(200);
  });
});

describe('context trimming', () => {
  const line = 'Rwanda maintains that the conflict should be resolved through a political process involving peace talks with M23, but Kinshasa labels the group';
  const start = line.indexOf('M23');

  it('drops the word the window cuts into, on either side', () => {
    expect(line.slice(start - 30, start)).toBe('ss involving peace talks with ');
    expect(leftContext(line, 0, start, 30)).toBe('involving peace talks with ');
    expect(rightContext(line, start + 3, line.length, 20)).toBe(', but Kinshasa');
  });

  it('keeps a single word longer than the window, cut but never inside a surrogate pair', () => {
    const glued = 'https://example.org/👍👍👍M23👍👍👍/more';
    const start = glued.indexOf('M23');
    expect(leftContext(glued, 0, start, 4)).toBe('👍👍');
    expect(leftContext(glued, 0, start, 5)).toBe('👍👍');
    expect(rightContext(glued, start + 3, glued.length, 4)).toBe('👍👍');
    expect(rightContext(glued, start + 3, glued.length, 5)).toBe('👍👍');
  });
});

describe('the search text reader', () => {
  it('reads the same canonical text and lines as the reader pane, whatever the format', async () => {
    await writeFile(path.join(corpus.root, 'notes.md'), '# Kagame in Kigali\r\n\r\nPaul **Kagame** met the *M23* envoy.\r\n\r\n- DRC\r\n- DR Congo\r\n');
    await writeFile(path.join(corpus.root, 'page.html'), '<html><head><title>DRC</title></head><body><article><h1>DR Congo</h1><p>M23 &amp; Kinshasa. Tshis&eacute;kedi spoke.</p><p>ALSO READ: M23 rebels capture Goma</p></article></body></html>');
    await writeFile(path.join(corpus.root, 'bom-crlf.txt'), '\uFEFFPaul Kagame\r\nALSO READ: M23 rebels capture Goma\r\n');
    await service.open(corpus.root);
    const read = createSearchTextReader().forRoot(corpus.root);
    for (const name of [KIGALI_TODAY, RUBIO_RUTO, BLINKEN, 'notes.md', 'page.html', 'bom-crlf.txt']) {
      const { text, lines } = await service.read(name);
      expect(await read(name)).toEqual({ text, lines });
    }
  });

  it('remembers plain-text lines by content, and refuses what lies outside the root', async () => {
    await writeFile(path.join(corpus.base, 'secret.txt'), 'Kagame, outside the corpus');
    await symlink(path.join(corpus.base, 'secret.txt'), path.join(corpus.root, 'link.txt'));
    const reader = createSearchTextReader();
    const first = await reader.forRoot(corpus.root)(KIGALI_TODAY);
    const again = await reader.forRoot(corpus.root)(KIGALI_TODAY);
    expect(again?.lines).toBe(first?.lines);
    const read = reader.forRoot(corpus.root);
    expect(await read('link.txt')).toBeNull();
    expect(await read('../secret.txt')).toBeNull();
    expect(await read('missing.txt')).toBeNull();
  });
});

describe('corpus.findMentions through the host', () => {
  it('streams hits as events while the request is pending, then resolves with the totals', async () => {
    const host = composeHost({ mode: 'browser', name: 'Research Workbench', version: '0.0.0-test', platform: 'linux', log: silentLogger, mayOpen: () => true });
    const events: Array<{ name: EventName; payload: unknown }> = [];
    const detach = host.events.on((name, payload) => events.push({ name, payload }));
    try {
      await expect(host.dispatch('corpus.findMentions', { searchId: 's1', terms: ['M23'], includeBoilerplate: false })).resolves.toMatchObject({ ok: false, error: { code: 'no-corpus' } });
      await host.corpus.open(corpus.root);
      const pending = host.dispatch('corpus.findMentions', { searchId: 's2', terms: ['Paul Kagame', 'Kagame', '@PaulKagame'], includeBoilerplate: false });
      await expect(host.dispatch('corpus.findMentions', { searchId: 's2', terms: ['M23'], includeBoilerplate: false })).resolves.toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      const result = await pending;
      expect(result).toMatchObject({ ok: true, value: { searchId: 's2', articlesSearched: 3, hits: 7, cancelled: false } });
      const streamed = events.filter((event) => event.name === 'corpus.mentionsFound').map((event) => event.payload as { searchId: string; hits: MentionHit[] });
      expect(streamed.length).toBeGreaterThan(0);
      expect(streamed.every((batch) => batch.searchId === 's2')).toBe(true);
      expect(streamed.flatMap((batch) => batch.hits.map((hit) => hit.exact)).sort()).toEqual(['@PaulKagame', 'Kagame', 'Kagame', 'Kagame', 'Paul Kagame', 'Paul Kagame', 'Paul Kagame']);
      await expect(host.dispatch('corpus.cancelSearch', { searchId: 's2' })).resolves.toEqual({ ok: true, value: { cancelled: false } });
      await expect(host.dispatch('corpus.findMentions', { searchId: 's3', terms: [], includeBoilerplate: false })).resolves.toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    } finally {
      detach();
      await host.dispose();
    }
  });

  it('cancels a running search by its id', async () => {
    const host = composeHost({ mode: 'browser', name: 'Research Workbench', version: '0.0.0-test', platform: 'linux', log: silentLogger, mayOpen: () => true });
    try {
      for (let i = 0; i < 300; i++) await writeFile(path.join(corpus.root, `copy-${i}.txt`), `Copy ${i}: M23 rebels took Goma.\n`);
      await host.corpus.open(corpus.root);
      const detach = host.events.on((name) => {
        if (name === 'corpus.mentionsFound') void host.dispatch('corpus.cancelSearch', { searchId: 'long' });
      });
      const result = await host.dispatch('corpus.findMentions', { searchId: 'long', terms: ['M23'], includeBoilerplate: false });
      detach();
      expect(result).toMatchObject({ ok: true, value: { searchId: 'long', cancelled: true } });
      expect(result.ok && (result.value as { articlesSearched: number }).articlesSearched).toBeLessThan(303);
    } finally {
      await host.dispose();
    }
  });
});
