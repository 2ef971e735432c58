import { mkdtempSync, promises as fs, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HostFailure } from '../../../shared/contract/host-result';
import { silentLogger } from '../../host/logger';
import type { Logger } from '../../host/logger';
import { ABANDONED_UPLOAD_MS, createExportService } from './export-service';

let dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'export-service-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.map((dir) => fs.rm(dir, { recursive: true, force: true })));
  dirs = [];
});

async function failure(promise: Promise<unknown>): Promise<HostFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HostFailure) return error;
    throw error;
  }
  throw new Error('expected a HostFailure');
}

describe('export service', () => {
  it('writes to the folder named at start-up in browser mode, and offers no dialog', async () => {
    const folder = tempDir();
    const service = createExportService({ fixedFolder: folder, log: silentLogger });
    expect(service.info()).toEqual({ folder, canPick: false });
    await expect(service.write({ files: [{ name: 'report.md', content: '# R' }], overwrite: false })).resolves.toEqual({ folder, written: [path.join(folder, 'report.md')] });
    expect((await failure(service.pickFolder())).code).toBe('unsupported');
  });

  it('writes only to a folder the user picked, and into a sanitised subfolder', async () => {
    const picked = tempDir();
    const service = createExportService({ pickFolder: async () => picked, log: silentLogger });
    expect(service.info()).toEqual({ folder: null, canPick: true });
    expect((await failure(service.write({ files: [{ name: 'a.md', content: '' }], overwrite: false }))).code).toBe('invalid-input');
    expect(await service.pickFolder()).toBe(picked);
    expect((await failure(service.write({ folder: '/etc', files: [{ name: 'a.md', content: '' }], overwrite: false }))).code).toBe('forbidden');
    const result = await service.write({ subfolder: '../brat', files: [{ name: 'a.ann', content: 'T1' }], overwrite: false });
    expect(result.folder).toBe(path.join(picked, '_brat'));
  });

  it('answers "exists" unless overwriting is allowed', async () => {
    const folder = tempDir();
    writeFileSync(path.join(folder, 'report.md'), 'old');
    const service = createExportService({ fixedFolder: folder, log: silentLogger });
    const refused = await failure(service.write({ files: [{ name: 'report.md', content: 'new' }], overwrite: false }));
    expect(refused.code).toBe('exists');
    expect(refused.message).toBe('"report.md" already exists');
    await service.write({ files: [{ name: 'report.md', content: 'new' }], overwrite: true });
    expect(readFileSync(path.join(folder, 'report.md'), 'utf8')).toBe('new');
  });

  it('assembles staged chunks, in whatever order they came, into one file, and forgets them once written', async () => {
    const folder = tempDir();
    const service = createExportService({ fixedFolder: folder, log: silentLogger });
    expect(service.stage('u1', 1, 2, ' second')).toBe(1);
    expect(() => service.stage('u1', 1, 2, ' again')).toThrow(/arrived twice/);
    expect(() => service.stage('u1', 0, 3, 'other count')).toThrow(/does not fit/);
    service.stage('u2', 0, 2, 'half');
    expect((await failure(service.write({ files: [{ name: 'half.json', uploadId: 'u2' }], overwrite: false }))).message).toBe('Upload "u2" is incomplete: 1 of 2 chunks arrived');
    expect(service.stage('u1', 0, 2, 'first 👍')).toBe(2);
    await service.write({ files: [{ name: 'big.json', uploadId: 'u1' }], overwrite: false });
    expect(readFileSync(path.join(folder, 'big.json'), 'utf8')).toBe('first 👍 second');
    expect((await failure(service.write({ files: [{ name: 'again.json', uploadId: 'u1' }], overwrite: false }))).code).toBe('invalid-input');
  });

  it('forgets discarded uploads, complete or not, and ignores ids it does not know', async () => {
    const service = createExportService({ fixedFolder: tempDir(), log: silentLogger });
    service.stage('u1', 0, 1, 'whole');
    service.stage('u2', 0, 2, 'half');
    expect(service.discard(['u1', 'u2', 'unknown'])).toBe(2);
    expect((await failure(service.write({ files: [{ name: 'a.json', uploadId: 'u1' }], overwrite: false }))).message).toBe('No content was staged under upload "u1"');
    expect(service.stage('u2', 0, 1, 'again')).toBe(1);
  });

  it('stages bytes as bytes and writes them untouched, text chunks beside them as UTF-8', async () => {
    const folder = tempDir();
    const service = createExportService({ fixedFolder: folder, log: silentLogger });
    // A BOM, then "Kagame 👍" cut inside the emoji's four bytes: chunks of bytes are cut anywhere.
    const bytes = Buffer.from('\uFEFFKagame 👍', 'utf8');
    service.stage('u1', 0, 3, bytes.subarray(0, 12));
    service.stage('u1', 2, 3, ' كاغامي');
    service.stage('u1', 1, 3, new Uint8Array(bytes.subarray(12)));
    await service.write({ files: [{ name: 'mentions.csv', uploadId: 'u1' }, { name: 'small.md', content: new TextEncoder().encode('# Small') }], overwrite: false });
    expect(readFileSync(path.join(folder, 'mentions.csv'))).toEqual(Buffer.concat([bytes, Buffer.from(' كاغامي')]));
    expect(readFileSync(path.join(folder, 'small.md'), 'utf8')).toBe('# Small');
  });

  it('counts staged bytes against what may be staged at once, and frees them when written or discarded', async () => {
    const service = createExportService({ fixedFolder: tempDir(), log: silentLogger, maxStagedSize: 10 });
    service.stage('u1', 0, 2, new Uint8Array(6));
    expect(() => service.stage('u1', 1, 2, new Uint8Array(5))).toThrow('The export is too large to stage in memory');
    service.stage('u1', 1, 2, 'four');
    expect(() => service.stage('u2', 0, 1, new Uint8Array(1))).toThrow('The export is too large to stage in memory');
    await service.write({ files: [{ name: 'a.bin', uploadId: 'u1' }], overwrite: false });
    service.stage('u2', 0, 1, new Uint8Array(10));
    service.discard(['u2']);
    expect(service.stage('u3', 0, 1, new Uint8Array(10))).toBe(1);
  });

  it('forgets uploads abandoned in the middle of an export (untouched for 10 minutes), and says so, so they hold neither memory nor room', async () => {
    let clock = 0;
    const warnings: string[] = [];
    const log: Logger = { ...silentLogger, warn: (message) => warnings.push(message) };
    const service = createExportService({ fixedFolder: tempDir(), log, maxStagedSize: 10, now: () => clock });
    service.stage('abandoned', 0, 2, new Uint8Array(6));
    clock += ABANDONED_UPLOAD_MS - 1;
    service.stage('recent', 0, 1, new Uint8Array(2));
    // Still within its 10 minutes: kept, and counted.
    expect(() => service.stage('third', 0, 1, new Uint8Array(3))).toThrow('The export is too large to stage in memory');
    expect(warnings).toEqual([]);
    clock += 1;
    // The staging limit reached: the abandoned upload is forgotten to make room.
    expect(service.stage('third', 0, 1, new Uint8Array(3))).toBe(1);
    expect(warnings).toEqual(['Forgot 1 staged export file(s) (0.0 MB) not written within 10 minutes: their export was abandoned']);
    expect((await failure(service.write({ files: [{ name: 'a.bin', uploadId: 'abandoned' }], overwrite: false }))).message).toBe('No content was staged under upload "abandoned"');
    await expect(service.write({ files: [{ name: 'r.bin', uploadId: 'recent' }, { name: 't.bin', uploadId: 'third' }], overwrite: false })).resolves.toMatchObject({ written: [expect.stringMatching(/r\.bin$/), expect.stringMatching(/t\.bin$/)] });
  });

  it('looks for abandoned uploads once a minute while staging, not only when it runs out of room', () => {
    let clock = 0;
    const warnings: string[] = [];
    const service = createExportService({ fixedFolder: tempDir(), log: { ...silentLogger, warn: (message) => warnings.push(message) }, now: () => clock });
    service.stage('old', 0, 2, 'half');
    clock += ABANDONED_UPLOAD_MS;
    service.stage('new', 0, 1, 'whole');
    expect(warnings).toHaveLength(1);
    // Chunk 1 of "old" now starts a new upload of that id: the abandoned half is gone.
    expect(service.stage('old', 1, 2, 'rest')).toBe(1);
  });
});
