import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTempCorpus } from '../../../test-support/temp-corpus';
import { silentLogger } from '../../host/logger';
import { createCorpusWorkers, type CorpusWorkers } from './corpus-workers';
import { boilerplateLines } from './mention-hits';
import { readArticleFile } from './read-article-file';

let corpus: Awaited<ReturnType<typeof makeTempCorpus>>;
let workers: CorpusWorkers | null = null;

beforeEach(async () => {
  corpus = await makeTempCorpus();
});
afterEach(async () => {
  await workers?.close();
  await corpus.remove();
});

const NAMES = ['000_f9a0009864046443.txt', '001_49124f787c8de1cf.txt', '002_5c9336af2132081a.txt', 'page.html', 'notes.md', 'empty.txt', 'gone.txt'];

describe('createCorpusWorkers without a worker script (as in unit tests)', () => {
  it('summarises files in their order, exactly as reading them one by one does', async () => {
    await writeFile(path.join(corpus.root, 'page.html'), '<html><head><title>DRC</title></head><body><article><h1>DR Congo</h1><p>M23 &amp; Kinshasa.</p></article></body></html>');
    await writeFile(path.join(corpus.root, 'notes.md'), '# Kagame in Kigali\r\n\r\nPaul **Kagame** met the *M23* envoy.\r\n');
    await writeFile(path.join(corpus.root, 'empty.txt'), '');
    workers = createCorpusWorkers({ log: silentLogger });
    const files = NAMES.map((relativePath) => ({ relativePath, absolutePath: path.join(corpus.root, relativePath) }));
    const listed = await workers.summarise(files);
    const summaries = listed.map((article) => article.summary);
    const oneByOne = await Promise.all(files.map((file) => readArticleFile(file.absolutePath, file.relativePath)));
    expect(summaries).toEqual(oneByOne.map((content) => content.summary));
    // Plain UTF-8 text is summarised without working out its lines (the first search does);
    // Markdown and HTML are parsed whole, and their boilerplate lines come with them.
    expect(listed.map((article) => article.boilerplate !== undefined)).toEqual([false, false, false, true, true, true, true]);
    listed.forEach((article, i) => {
      if (article.boilerplate) expect(article.boilerplate).toEqual(boilerplateLines(oneByOne[i]?.lines ?? []));
    });
    expect(summaries.map((summary) => [summary.path, summary.readable])).toEqual(NAMES.map((name) => [name, name !== 'gone.txt']));
    expect(workers.threads).toBe(0);
  });

  it('says so, and works in the main thread, when the worker script it was given is missing', async () => {
    const log = { ...silentLogger, warn: vi.fn() };
    workers = createCorpusWorkers({ log, script: path.join(corpus.base, 'corpus-worker.js') });
    const [{ summary } = { summary: null }] = await workers.summarise([{ relativePath: NAMES[0] as string, absolutePath: path.join(corpus.root, NAMES[0] as string) }]);
    expect(summary?.wordCount).toBeGreaterThan(100);
    expect(workers.threads).toBe(0);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('No corpus worker script'));
  });
});
