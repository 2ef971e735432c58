import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { childPath, scanFolder } from './scan-folder';

describe('childPath', () => {
  it('is path.join for a normalised folder and an entry name, the root included', () => {
    for (const [directory, name] of [
      ['/corpora/m23', 'goma.txt'],
      ['/corpora/m23/2025', 'a b (1).txt'],
      ['/', 'top.txt'],
      ['/corpora', '-leading-dash.md'],
    ] as const) {
      expect(childPath(directory, name)).toBe(path.join(directory, name));
    }
  });
});

describe('scanFolder', () => {
  it('gives the same absolute paths whether the root is given relative, with a trailing slash or resolved', async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'scan-folder-'));
    try {
      await mkdir(path.join(base, 'corpus', 'nested'), { recursive: true });
      await writeFile(path.join(base, 'corpus', 'a.txt'), 'A');
      await writeFile(path.join(base, 'corpus', 'nested', 'b.md'), 'B');
      const expected = [
        { kind: 'file', relativePath: 'a.txt', absolutePath: path.join(base, 'corpus', 'a.txt') },
        { kind: 'file', relativePath: 'nested/b.md', absolutePath: path.join(base, 'corpus', 'nested', 'b.md') },
      ];
      const relative = path.relative(process.cwd(), path.join(base, 'corpus'));
      for (const root of [path.join(base, 'corpus'), `${path.join(base, 'corpus')}${path.sep}`, relative, `./${relative}`]) {
        expect((await scanFolder(root)).files).toEqual(expected);
      }
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
});
