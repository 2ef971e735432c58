import { mkdtempSync, promises as fs, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExportExistsError, ExportNameClashError, writeExportFiles } from './export-writer';

let dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'export-writer-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.map((dir) => fs.rm(dir, { recursive: true, force: true })));
  dirs = [];
});

describe('writeExportFiles', () => {
  it('writes every file, byte for byte in UTF-8, and leaves no temporary file behind', async () => {
    const dir = tempDir();
    const written = await writeExportFiles(path.join(dir, 'brat'), [{ name: 'a.txt', content: 'كاغامي 👍🏽\n' }, { name: 'a.ann', content: 'T1\tPerson 0 6\tكاغامي\n' }], false);
    expect(written).toEqual([path.join(dir, 'brat', 'a.txt'), path.join(dir, 'brat', 'a.ann')]);
    expect(readFileSync(path.join(dir, 'brat', 'a.txt'), 'utf8')).toBe('كاغامي 👍🏽\n');
    expect(readdirSync(path.join(dir, 'brat')).sort()).toEqual(['a.ann', 'a.txt']);
  });

  it('writes a set into a folder that did not exist in one step, leaving nothing beside it; a failure leaves no folder at all', async () => {
    const dir = tempDir();
    const files = Array.from({ length: 40 }, (_, i) => ({ name: `article-${i}.ann`, content: `T1\tPerson 0 6\tKagame ${i}\n` }));
    const written = await writeExportFiles(path.join(dir, 'corpus-brat'), files, false);
    expect(written).toEqual(files.map((file) => path.join(dir, 'corpus-brat', file.name)));
    expect(readdirSync(dir)).toEqual(['corpus-brat']);
    expect(readFileSync(path.join(dir, 'corpus-brat', 'article-7.ann'), 'utf8')).toBe('T1\tPerson 0 6\tKagame 7\n');
    const broken = [...files, { name: 'bad.ann', content: 42 as unknown as string }];
    await expect(writeExportFiles(path.join(dir, 'other-brat'), broken, false)).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['corpus-brat']);
  });

  it('writes into a folder that exists file by file, keeping the files already there', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    await writeExportFiles(dir, [{ name: 'a.csv', content: 'x' }], false);
    expect(readdirSync(dir).sort()).toEqual(['a.csv', 'notes.txt']);
  });

  it('writes a file given as chunks one after another, the same bytes as their joined text', async () => {
    const dir = tempDir();
    const chunks = ['Kigali — ', '👍🏽 كاغامي', '', '\nend\n'];
    await writeExportFiles(dir, [{ name: 'big.jsonld', content: chunks }], false);
    expect(readFileSync(path.join(dir, 'big.jsonld'))).toEqual(Buffer.from(chunks.join(''), 'utf8'));
  });

  it('writes bytes exactly as given, whole or as chunks beside text, and no decoding happens on the way', async () => {
    const dir = tempDir();
    // Not UTF-8 at all: written as it is, where text would have been re-encoded.
    const raw = Uint8Array.from([0xff, 0xfe, 0x00, 0xc3, 0x28]);
    const emoji = Buffer.from('👍🏽 كاغامي', 'utf8');
    await writeExportFiles(dir, [{ name: 'raw.bin', content: raw }, { name: 'mixed.txt', content: [emoji.subarray(0, 3), 'é', emoji.subarray(3), new Uint8Array(0)] }], false);
    expect([...readFileSync(path.join(dir, 'raw.bin'))]).toEqual([...raw]);
    expect(readFileSync(path.join(dir, 'mixed.txt'))).toEqual(Buffer.concat([emoji.subarray(0, 3), Buffer.from('é'), emoji.subarray(3)]));
    const brat = Array.from({ length: 30 }, (_, i) => ({ name: `article-${i}.ann`, content: new TextEncoder().encode(`T1\tPerson 0 6\tKagame ${i}\n`) }));
    await writeExportFiles(path.join(dir, 'corpus-brat'), brat, false);
    expect(readFileSync(path.join(dir, 'corpus-brat', 'article-29.ann'), 'utf8')).toBe('T1\tPerson 0 6\tKagame 29\n');
  });

  it('refuses to overwrite without permission, naming every file that exists, and writes none of the set', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'report.md'), 'old');
    const attempt = writeExportFiles(dir, [{ name: 'new.csv', content: 'x' }, { name: 'report.md', content: 'new' }], false);
    await expect(attempt).rejects.toBeInstanceOf(ExportExistsError);
    await expect(attempt).rejects.toThrow('"report.md" already exists');
    expect(readFileSync(path.join(dir, 'report.md'), 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('replaces existing files when asked to', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'report.md'), 'old');
    await writeExportFiles(dir, [{ name: 'report.md', content: 'new' }], true);
    expect(readFileSync(path.join(dir, 'report.md'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('keeps hostile names inside the folder', async () => {
    const dir = tempDir();
    const inner = path.join(dir, 'inner');
    const written = await writeExportFiles(inner, [{ name: '../escape.md', content: 'x' }, { name: '/etc/owned', content: 'y' }, { name: 'NUL', content: 'z' }], false);
    expect(written.every((file) => path.dirname(file) === inner)).toBe(true);
    expect(readdirSync(dir)).toEqual(['inner']);
    expect(readdirSync(inner).sort()).toEqual(['_NUL', '_escape.md', '_etc_owned']);
  });

  it('refuses two names that become one once sanitised', async () => {
    await expect(writeExportFiles(tempDir(), [{ name: 'a/b.txt', content: '1' }, { name: 'a:b.txt', content: '2' }], false)).rejects.toBeInstanceOf(ExportNameClashError);
  });

  it('removes what it placed when a later file cannot be written', async () => {
    const dir = tempDir();
    // A folder where the second file should go: its placement fails after the first is placed.
    await fs.mkdir(path.join(dir, 'b.txt'));
    await expect(writeExportFiles(dir, [{ name: 'a.txt', content: '1' }, { name: 'b.txt', content: '2' }], true)).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['b.txt']);
  });
});
