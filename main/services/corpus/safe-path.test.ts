import { mkdtemp, mkdir, symlink, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveInsideRoot } from './safe-path';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'safe-path-'));
  root = path.join(base, 'corpus');
  await mkdir(path.join(root, 'sub'), { recursive: true });
  await writeFile(path.join(root, 'sub', 'a.txt'), 'inside');
  await writeFile(path.join(base, 'secret.txt'), 'outside');
  await symlink(path.join(base, 'secret.txt'), path.join(root, 'escape.txt'));
  await symlink(path.join(root, 'sub', 'a.txt'), path.join(root, 'alias.txt'));
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('resolveInsideRoot', () => {
  it('resolves a file beneath the root', async () => {
    await expect(resolveInsideRoot(root, 'sub/a.txt')).resolves.toBe(path.join(root, 'sub', 'a.txt'));
  });
  it('follows a symlink whose target stays inside the root', async () => {
    await expect(resolveInsideRoot(root, 'alias.txt')).resolves.toBe(path.join(root, 'sub', 'a.txt'));
  });
  it.each([
    ['../secret.txt', 'outside-root'],
    ['sub/../../secret.txt', 'outside-root'],
    ['/etc/passwd', 'outside-root'],
    ['escape.txt', 'outside-root'],
    ['missing.txt', 'not-found'],
  ])('refuses %s with %s', async (relative, code) => {
    await expect(resolveInsideRoot(root, relative)).rejects.toMatchObject({ code });
  });
});
