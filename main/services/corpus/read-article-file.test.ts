import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempCorpus } from '../../../test-support/temp-corpus';
import { readArticleFile, readArticleFileSync } from './read-article-file';

let corpus: Awaited<ReturnType<typeof makeTempCorpus>>;
beforeEach(async () => {
  corpus = await makeTempCorpus();
});
afterEach(async () => {
  await corpus.remove();
});

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
const FILES: Record<string, Buffer> = {
  'plain.txt': utf8('Kagame’s government said 👍\nALSO READ: M23 rebels capture Goma\n'),
  'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('Café in Kigali\n')]),
  'crlf.txt': utf8('Paul Kagame\r\nspoke in Kigali.\r\n'),
  'latin1.txt': Buffer.from('Le président a déclaré à Goma que la situation était très grave.\n', 'latin1'),
  'utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Tshisékedi spoke.\n', 'utf16le')]),
  'invalid.txt': Buffer.concat([utf8('Goma '), Buffer.from([0xff]), utf8(' Kigali\n')]),
  'notes.md': utf8('# Kagame in Kigali\n\nPaul **Kagame** met the *M23* envoy.\n'),
  'page.html': utf8('<html><head><title>DRC</title></head><body><article><p>M23 &amp; Kinshasa.</p></article></body></html>'),
};

describe('readArticleFile', () => {
  it('hashes the canonical text, whatever the encoding, line endings or format of the file', async () => {
    for (const [name, bytes] of Object.entries(FILES)) await writeFile(path.join(corpus.root, name), bytes);
    for (const name of Object.keys(FILES)) {
      const content = await readArticleFile(path.join(corpus.root, name), name);
      expect(content.summary.readable, name).toBe(true);
      expect(content.summary.sha256, name).toBe(createHash('sha256').update(content.text).digest('hex'));
    }
  });

  it('reads the same with blocking reads (worker threads) as without', async () => {
    for (const [name, bytes] of Object.entries(FILES)) await writeFile(path.join(corpus.root, name), bytes);
    for (const name of [...Object.keys(FILES), '000_f9a0009864046443.txt', 'missing.txt']) {
      const absolute = path.join(corpus.root, name);
      expect(readArticleFileSync(absolute, name), name).toEqual(await readArticleFile(absolute, name));
    }
  });

  it('reads files of every size the same way, one after the other through its kept buffer', async () => {
    // Growing and shrinking: a small file read after a large one must not see the large one's bytes.
    const sizes = [5, 70_000, 3, 300_000, 1_500_000, 12, 0, 11 * 1024 * 1024, 40];
    const names = sizes.map((size, i) => `size-${i}.txt`);
    for (const [i, size] of sizes.entries()) await writeFile(path.join(corpus.root, names[i] ?? ''), Buffer.alloc(size, String.fromCharCode(97 + i)));
    for (const name of names) {
      const absolute = path.join(corpus.root, name);
      expect(readArticleFileSync(absolute, name), name).toEqual(await readArticleFile(absolute, name));
    }
    // A folder is opened but cannot be read: both readers say so, with its size.
    expect(readArticleFileSync(corpus.root, 'folder.txt')).toEqual(await readArticleFile(corpus.root, 'folder.txt'));
  });
});
