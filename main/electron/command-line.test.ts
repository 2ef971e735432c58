import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderFromArgs } from './command-line';

describe('folderFromArgs', () => {
  it('takes a folder given as `--name DIR` or `--name=DIR`, resolved, and nothing else', () => {
    expect(folderFromArgs(['electron', '.', '--corpus', 'news', '--exports=/tmp/out'], 'corpus')).toBe(path.resolve('news'));
    expect(folderFromArgs(['electron', '.', '--corpus', 'news', '--exports=/tmp/out'], 'exports')).toBe('/tmp/out');
    expect(folderFromArgs(['electron', '.', '--corpusx', 'news'], 'corpus')).toBeNull();
    expect(folderFromArgs(['electron', '.', '--corpus'], 'corpus')).toBeNull();
  });
});
