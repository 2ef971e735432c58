import { symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleSummary } from '../../../shared/model/article';
import { makeTempCorpus } from '../../../test-support/temp-corpus';
import { readListedTexts } from './listed-texts';
import { readArticleFile, readArticleFileSync } from './read-article-file';

let corpus: Awaited<ReturnType<typeof makeTempCorpus>>;
beforeEach(async () => {
  corpus = await makeTempCorpus();
});
afterEach(() => corpus.remove());

const KAGAME = '000_f9a0009864046443.txt';
const RUBIO = '001_49124f787c8de1cf.txt';

/** The listing's summaries of `paths`, read as the listing reads them. */
async function listed(paths: readonly string[]): Promise<Map<string, ArticleSummary>> {
  const entries = await Promise.all(paths.map(async (relativePath) => [relativePath, (await readArticleFile(path.join(corpus.root, relativePath), relativePath)).summary] as const));
  return new Map(entries);
}

/** A full read, counted. */
function fullReader() {
  return vi.fn((relativePath: string) => readArticleFileSync(path.join(corpus.root, relativePath), relativePath));
}

describe('readListedTexts', () => {
  it('gives an unchanged plain-text article the text and metadata of a full read, without a full read', async () => {
    const summaries = await listed([KAGAME, RUBIO]);
    const readFull = fullReader();
    const texts = readListedTexts(corpus.root, [RUBIO, KAGAME], summaries, readFull);
    expect(readFull).not.toHaveBeenCalled();
    for (const entry of texts) {
      const full = await readArticleFile(path.join(corpus.root, entry.path), entry.path);
      expect(entry).toEqual({ path: entry.path, text: full.text, meta: full.summary.meta });
    }
    expect(texts.map((entry) => entry.path)).toEqual([RUBIO, KAGAME]);
  });

  it('gives nulls for an article it cannot find, and its file name as title to one whose text gives none', async () => {
    await writeFile(path.join(corpus.root, 'untitled.md'), '');
    const [missing, untitled] = readListedTexts(corpus.root, ['missing.txt', 'untitled.md'], new Map());
    expect(missing).toEqual({ path: 'missing.txt', text: null, meta: null });
    expect(untitled?.meta?.title).toBe('untitled.md');
  });

  it('decodes as a full read does: a BOM and CRLF line endings give the same canonical text', async () => {
    const text = 'Headline of a report\r\n\r\nKIGALI — First paragraph of the story.\r\n';
    await writeFile(path.join(corpus.root, 'crlf.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const readFull = fullReader();
    const [entry] = readListedTexts(corpus.root, ['crlf.txt'], await listed(['crlf.txt']), readFull);
    expect(readFull).not.toHaveBeenCalled();
    expect(entry?.text).toBe('Headline of a report\n\nKIGALI — First paragraph of the story.\n');
  });

  it('reads an article changed since it was listed in full, with its new metadata', async () => {
    const summaries = await listed([KAGAME]);
    await writeFile(path.join(corpus.root, KAGAME), 'A new first line that reads like a headline\n\nThen the story.\n');
    const readFull = fullReader();
    const [entry] = readListedTexts(corpus.root, [KAGAME], summaries, readFull);
    expect(readFull).toHaveBeenCalledWith(KAGAME);
    expect(entry?.text).toBe('A new first line that reads like a headline\n\nThen the story.\n');
    expect(entry?.meta?.title).toBe('A new first line that reads like a headline');
  });

  it('reads in full what it cannot vouch for: Markdown, an unreadable or an unlisted article', async () => {
    await writeFile(path.join(corpus.root, 'notes.md'), '# A Markdown title\n\nSome *text*.\n');
    await writeFile(path.join(corpus.root, 'blob.txt'), Buffer.from([0x41, 0x00, 0x42]));
    const summaries = await listed(['notes.md', 'blob.txt']);
    const readFull = fullReader();
    const texts = readListedTexts(corpus.root, ['notes.md', 'blob.txt', RUBIO], summaries, readFull);
    expect(readFull.mock.calls.map(([relativePath]) => relativePath)).toEqual(['notes.md', 'blob.txt', RUBIO]);
    expect(texts[0]).toMatchObject({ text: 'A Markdown title\n\nSome text.', meta: { title: 'A Markdown title' } });
    expect(texts[1]).toMatchObject({ text: '' });
    expect(texts[2]?.text?.startsWith('U.S. Secretary of State Marco Rubio')).toBe(true);
  });

  it('never reads outside the root, even for a path the listing holds; a refused full read gives nulls', async () => {
    await writeFile(path.join(corpus.base, 'secret.txt'), 'not yours');
    await symlink(path.join(corpus.base, 'secret.txt'), path.join(corpus.root, 'link.txt'));
    // A listing entry for the link as if it had pointed inside (say, retargeted since).
    const summaries = new Map([['link.txt', { ...(await listed([KAGAME])).get(KAGAME)!, path: 'link.txt' }]]);
    const readFull = vi.fn((): never => {
      throw new Error('outside the corpus');
    });
    const texts = readListedTexts(corpus.root, ['link.txt', '../secret.txt'], summaries, readFull);
    expect(texts).toEqual([
      { path: 'link.txt', text: null, meta: null },
      { path: '../secret.txt', text: null, meta: null },
    ]);
    expect(readFull).toHaveBeenCalledTimes(2);
    // The full read it uses unless told otherwise refuses both as well.
    expect(readListedTexts(corpus.root, ['link.txt', '../secret.txt'], summaries)).toEqual(texts);
  });
});
