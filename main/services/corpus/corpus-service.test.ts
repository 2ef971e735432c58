import { mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CorpusChange } from '../../../shared/model/article';
import { makeTempCorpus } from '../../../test-support/temp-corpus';
import { silentLogger } from '../../host/logger';
import { createCorpusService, type CorpusService } from './corpus-service';

let corpus: Awaited<ReturnType<typeof makeTempCorpus>>;
let service: CorpusService;
let changes: CorpusChange[];

beforeEach(async () => {
  corpus = await makeTempCorpus();
  changes = [];
  service = createCorpusService({ log: silentLogger, mayOpen: () => true, onChange: (change) => changes.push(change), renameWindowMs: 400 });
});
afterEach(async () => {
  await service.close();
  await corpus.remove();
});

/**
 * Polls `probe` until it gives a value. The wait is for an event, not a budget: 10 s, because a
 * whole test run on 2 cores once delayed a nested folder's events past 2.5 s (the test then failed
 * though the events came).
 */
async function waitFor<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the corpus service', () => {
  it('lists the sample corpus with hashes, word counts and derived titles', async () => {
    const listing = await service.open(corpus.root);
    expect(listing.name).toBe('corpus');
    expect(listing.articles.map((article) => article.path)).toEqual(['000_f9a0009864046443.txt', '001_49124f787c8de1cf.txt', '002_5c9336af2132081a.txt']);
    for (const article of listing.articles) {
      expect(article).toMatchObject({ format: 'text', readable: true, warnings: [] });
      expect(article.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(article.wordCount).toBeGreaterThan(300);
      expect(article.meta.title.length).toBeGreaterThan(10);
    }
  });

  it('answers a listing asked for while the folder is being opened once it is complete, and null with no folder', async () => {
    expect(await service.list()).toBeNull();
    const opening = service.open(corpus.root);
    const listed = await service.list();
    expect(listed?.articles).toHaveLength(3);
    expect(listed).toEqual(await opening);
    const failed = service.open(path.join(corpus.base, 'missing'));
    expect(await service.list()).toEqual(listed);
    await expect(failed).rejects.toThrow('Cannot open');
  });

  it('reads an article as canonical text with one line record per line', async () => {
    await service.open(corpus.root);
    const content = await service.read('001_49124f787c8de1cf.txt');
    expect(content.text.startsWith('U.S. Secretary of State Marco Rubio')).toBe(true);
    expect(content.lines).toHaveLength(content.text.split('\n').length);
    const readNext = content.text.split('\n').indexOf('Read next');
    expect(content.lines[readNext]).toMatchObject({ boilerplate: true });
    expect(content.lines[0]).toMatchObject({ kind: 'paragraph', boilerplate: false });
  });

  it('refuses paths outside the root, including through a symlink', async () => {
    await writeFile(path.join(corpus.base, 'secret.txt'), 'not yours');
    await symlink(path.join(corpus.base, 'secret.txt'), path.join(corpus.root, 'link.txt'));
    const listing = await service.open(corpus.root);
    expect(listing.articles.find((article) => article.path === 'link.txt')).toMatchObject({ readable: false, warnings: [{ code: 'outside-root' }] });
    await expect(service.read('link.txt')).rejects.toMatchObject({ code: 'outside-root' });
    await expect(service.read('../secret.txt')).rejects.toMatchObject({ code: 'outside-root' });
    await expect(service.read(path.join(corpus.base, 'secret.txt'))).rejects.toMatchObject({ code: 'outside-root' });
  });

  it('refuses a folder the user did not choose', async () => {
    const guarded = createCorpusService({ log: silentLogger, mayOpen: (root) => root === corpus.root, onChange: () => {} });
    await expect(guarded.open(corpus.base)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(guarded.read('000_f9a0009864046443.txt')).rejects.toMatchObject({ code: 'no-corpus' });
  });

  it('reports added, changed, renamed and removed files within a second', async () => {
    await service.open(corpus.root);
    await mkdir(path.join(corpus.root, 'later'));
    await writeFile(path.join(corpus.root, 'later', 'new.txt'), 'Fighting resumed near Sake on Friday.\n');
    expect(await waitFor(() => changes.find((change) => change.kind === 'added'))).toMatchObject({ kind: 'added', path: 'later/new.txt', summary: { readable: true } });
    await writeFile(path.join(corpus.root, 'later', 'new.txt'), 'Fighting resumed near Sake on Friday.\nA second paragraph.\n');
    expect(await waitFor(() => changes.find((change) => change.kind === 'changed'))).toMatchObject({ path: 'later/new.txt' });
    await rename(path.join(corpus.root, 'later', 'new.txt'), path.join(corpus.root, 'later', 'renamed.txt'));
    expect(await waitFor(() => changes.find((change) => change.kind === 'renamed'))).toMatchObject({ path: 'later/renamed.txt', from: 'later/new.txt' });
    await rm(path.join(corpus.root, 'later', 'renamed.txt'));
    expect(await waitFor(() => changes.find((change) => change.kind === 'removed'))).toMatchObject({ path: 'later/renamed.txt' });
    expect((await service.list())?.articles.map((article) => article.path)).toEqual(['000_f9a0009864046443.txt', '001_49124f787c8de1cf.txt', '002_5c9336af2132081a.txt']);
  });

  it('answers the same listing until a file is added, changed or removed, then the new one', async () => {
    const opened = await service.open(corpus.root);
    expect(await service.list()).toBe(opened);
    const paths = async (): Promise<string[] | undefined> => (await service.list())?.articles.map((article) => article.path);
    await writeFile(path.join(corpus.root, 'new.txt'), 'Fighting resumed near Sake on Friday.\n');
    await waitFor(() => changes.find((change) => change.kind === 'added'));
    expect(await paths()).toContain('new.txt');
    const afterAdding = await service.list();
    expect(await service.list()).toBe(afterAdding);
    await writeFile(path.join(corpus.root, 'new.txt'), 'Fighting resumed near Sake on Friday.\nA second paragraph.\n');
    await waitFor(() => changes.find((change) => change.kind === 'changed'));
    expect((await service.list())?.articles.find((article) => article.path === 'new.txt')?.wordCount).toBe(9);
    await rm(path.join(corpus.root, 'new.txt'));
    await waitFor(() => changes.find((change) => change.kind === 'removed'));
    expect(await paths()).toEqual(opened.articles.map((article) => article.path));
  });

  it('watches folders made after opening, however deep, and reports the files of a folder removed', async () => {
    await mkdir(path.join(corpus.root, 'region'));
    await writeFile(path.join(corpus.root, 'region', 'old.txt'), 'Talks in Luanda.\n');
    await service.open(corpus.root);
    await mkdir(path.join(corpus.root, 'region', 'kivu', 'goma'), { recursive: true });
    await writeFile(path.join(corpus.root, 'region', 'kivu', 'goma', 'deep.txt'), 'Goma on Monday.\n');
    expect(await waitFor(() => changes.find((change) => change.kind === 'added'))).toMatchObject({ path: 'region/kivu/goma/deep.txt' });
    await writeFile(path.join(corpus.root, 'region', 'kivu', 'goma', 'deep.txt'), 'Goma on Monday.\nAnd on Tuesday.\n');
    expect(await waitFor(() => changes.find((change) => change.kind === 'changed'))).toMatchObject({ path: 'region/kivu/goma/deep.txt' });
    await rm(path.join(corpus.root, 'region'), { recursive: true });
    await waitFor(() => (changes.filter((change) => change.kind === 'removed').length === 2 ? true : undefined));
    expect(changes.filter((change) => change.kind === 'removed').map((change) => change.path).sort()).toEqual(['region/kivu/goma/deep.txt', 'region/old.txt']);
  });

  it('reuses cached summaries for unchanged files and re-reads changed ones', async () => {
    const infos: string[] = [];
    const log = { ...silentLogger, info: (message: string) => infos.push(message) };
    const cacheDir = path.join(corpus.base, 'cache');
    const first = createCorpusService({ log, mayOpen: () => true, onChange: () => {}, cacheDir });
    const listed = await first.open(corpus.root);
    await first.close();
    await waitFor(() => (infos.length > 0 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 200)); // the cache is written in the background
    await writeFile(path.join(corpus.root, '002_5c9336af2132081a.txt'), 'Kigali and Kinshasa resumed talks in Luanda on Monday.\n');
    const second = createCorpusService({ log, mayOpen: () => true, onChange: () => {}, cacheDir });
    const relisted = await second.open(corpus.root);
    await second.close();
    expect(infos[1]).toMatch(/3 articles in \d+ ms \(2 from cache\)/);
    expect(relisted.articles.slice(0, 2)).toEqual(listed.articles.slice(0, 2));
    expect(relisted.articles[2]?.meta.title).toBe('Kigali and Kinshasa resumed talks in Luanda on Monday');
  });

  it('warns, without failing, when the corpus folder disappears', async () => {
    await service.open(corpus.root);
    await rm(corpus.root, { recursive: true, force: true });
    expect(await waitFor(() => changes.find((change) => change.kind === 'root-missing'))).toEqual({ kind: 'root-missing', path: '' });
    expect((await service.list())?.warnings).toEqual([{ code: 'unreadable', message: `The corpus folder "${corpus.root}" no longer exists` }]);
  });
});
