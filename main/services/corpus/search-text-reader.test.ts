import { realpathSync } from 'node:fs';
import { stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempCorpus } from '../../../test-support/temp-corpus';
import { boilerplateLines } from './mention-hits';
import { readArticleFile } from './read-article-file';
import { readForSearchSync } from './search-text-reader';

const RUBIO_RUTO = '001_49124f787c8de1cf.txt';
let corpus: Awaited<ReturnType<typeof makeTempCorpus>>;
let realRoot: string;

beforeEach(async () => {
  corpus = await makeTempCorpus();
  realRoot = realpathSync(corpus.root);
});
afterEach(async () => {
  await corpus.remove();
});

describe('readForSearchSync', () => {
  it('reads the same canonical text and boilerplate lines as the reader pane, whatever the format', async () => {
    await writeFile(path.join(corpus.root, 'notes.md'), '# Kagame in Kigali\r\n\r\nPaul **Kagame** met the *M23* envoy.\r\n\r\nALSO READ: M23 rebels capture Goma\r\n');
    await writeFile(path.join(corpus.root, 'page.html'), '<html><body><article><h1>DR Congo</h1><p>M23 &amp; Kinshasa.</p><p>ALSO READ: M23 rebels capture Goma</p></article></body></html>');
    await writeFile(path.join(corpus.root, 'bom-crlf.txt'), '\uFEFFPaul Kagame\r\nALSO READ: M23 rebels capture Goma\r\n');
    for (const name of [RUBIO_RUTO, 'notes.md', 'page.html', 'bom-crlf.txt']) {
      const { text, lines, summary } = await readArticleFile(path.join(corpus.root, name), name);
      const read = readForSearchSync(corpus.root, realRoot, { path: name, size: -1, modifiedMs: -1 });
      expect(read, name).toMatchObject({ text, boilerplate: boilerplateLines(lines), size: summary.size, modifiedMs: summary.modifiedMs, reused: false });
      expect(read?.boilerplate.length, name).toBeGreaterThan(0);
      expect(read?.isBoilerplate(read.boilerplate[0] as number)).toBe(true);
    }
  });

  it("reuses the listing's boilerplate lines while the file keeps its size and date, and not after it changes", async () => {
    const file = path.join(corpus.root, RUBIO_RUTO);
    const info = await stat(file);
    const listed = { path: RUBIO_RUTO, size: info.size, modifiedMs: info.mtimeMs, boilerplate: [0] };
    expect(readForSearchSync(corpus.root, realRoot, listed)).toMatchObject({ reused: true, boilerplate: [0] });
    await writeFile(file, 'Read next\nKagame in Kigali\n');
    expect(readForSearchSync(corpus.root, realRoot, listed)).toMatchObject({ text: 'Read next\nKagame in Kigali\n', reused: false, boilerplate: [0, 1] });
  });

  it('refuses what lies outside the root, and what is gone', async () => {
    await writeFile(path.join(corpus.base, 'secret.txt'), 'Kagame, outside the corpus');
    await symlink(path.join(corpus.base, 'secret.txt'), path.join(corpus.root, 'link.txt'));
    for (const name of ['link.txt', '../secret.txt', 'missing.txt']) {
      expect(readForSearchSync(corpus.root, realRoot, { path: name, size: 0, modifiedMs: 0 }), name).toBeNull();
    }
  });
});
