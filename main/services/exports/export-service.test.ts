import { mkdtempSync, promises as fs, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HostFailure } from '../../../shared/contract/host-result';
import { silentLogger } from '../../host/logger';
import type { Logger } from '../../host/logger';
import { ABANDONED_UPLOAD_MS, createExportService, type ExportBuildRequest, type ExportService } from './export-service';
import { projectData, writeFixtureCorpus } from '../../../test-support/export-fixture';
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS, type ExportFormatId } from '../../../shared/export/export-formats';
import { toProjectArchive } from '../../../shared/export/project-archive';
import { selectExport, type ExportScope } from '../../../shared/export/export-selection';
import { prepareExport } from '../../../shared/export/prepared-export';
import type { ArticleSummary } from '../../../shared/model/article';
import { EntityId } from '../../../shared/model/ids';
import { readArticleFile } from '../corpus/read-article-file';
import { readListedTexts } from '../corpus/listed-texts';

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

/** The fixture's articles as a corpus folder, listed as main lists them. */
async function fixtureCorpus(): Promise<{ root: string; articles: ArticleSummary[] }> {
  const root = tempDir();
  writeFixtureCorpus(root);
  const paths = readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')).sort();
  const articles = await Promise.all(paths.map(async (relativePath) => (await readArticleFile(path.join(root, relativePath), relativePath)).summary));
  return { root, articles };
}

/** Stages `text` as upload `id` (in two chunks, the second first) and prepares it (reading `ahead`'s texts ahead, when given). */
async function sendRows(service: ExportService, id: string, text: string, ahead?: { root: string; articles: ArticleSummary[] }) {
  const bytes = Buffer.from(text, 'utf8');
  const cut = Math.floor(bytes.length / 2);
  service.stage(id, 1, 2, new Uint8Array(bytes.subarray(cut)));
  service.stage(id, 0, 2, new Uint8Array(bytes.subarray(0, cut)));
  return service.prepare(id, ahead ? { texts: ahead, projectName: 'corpus' } : undefined);
}

const ARCHIVE = toProjectArchive(projectData());
const options = { baseName: 'corpus', csvBom: true };

function buildRequest(corpus: { root: string; articles: ArticleSummary[] }, overrides: Partial<ExportBuildRequest> = {}): ExportBuildRequest {
  return { preparedId: 'rows', projectName: 'corpus', texts: corpus, scope: { kind: 'project' }, formats: [...EXPORT_FORMAT_IDS], options, overwrite: false, ...overrides };
}

/** What each format's serialiser makes of the fixture, read from `corpus` as main reads it: file name → text. */
function expectedFiles(corpus: { root: string; articles: ArticleSummary[] }, scope: ExportScope): Map<string, string> {
  const texts = readListedTexts(corpus.root, corpus.articles.map((summary) => summary.path), new Map(corpus.articles.map((summary) => [summary.path, summary])));
  const input = prepareExport(selectExport(projectData(), 'corpus', texts, scope).input);
  const files = new Map<string, string>();
  for (const format of EXPORT_FORMATS) {
    const output = format.reads === 'input' ? format.build(input, options) : format.build(projectData(), options);
    for (const file of output.files) files.set(path.join(output.subfolder ?? '', file.name), typeof file.content === 'string' ? file.content : file.content.join(''));
  }
  return files;
}

describe('export service: building and writing', () => {
  it('builds every format from the rows it was sent and the texts it reads, writes each, and says so as it goes', async () => {
    const folder = tempDir();
    const corpus = await fixtureCorpus();
    const service = createExportService({ fixedFolder: folder, log: silentLogger });
    expect(service.info()).toEqual({ folder, canPick: false });
    expect((await failure(service.pickFolder())).code).toBe('unsupported');
    await expect(sendRows(service, 'rows', ARCHIVE)).resolves.toEqual({ annotations: 12, damaged: 0 });
    const reported: ExportFormatId[] = [];
    const built = await service.build(buildRequest(corpus), (entry) => reported.push(entry.format));
    expect(built.missing).toEqual([]);
    expect(built.threads).toBe(0);
    expect([...reported].sort()).toEqual([...EXPORT_FORMAT_IDS].sort());
    expect(built.formats.map((entry) => entry.format)).toEqual(reported);
    for (const [name, text] of expectedFiles(corpus, { kind: 'project' })) expect(readFileSync(path.join(folder, name), 'utf8'), name).toBe(text);
    // The archive is the text the renderer sent, byte for byte; brat's texts are the articles' own.
    expect(readFileSync(path.join(folder, 'corpus-archive.json'), 'utf8')).toBe(ARCHIVE);
    expect(readFileSync(path.join(folder, 'corpus-brat', 'intl__emoji_rtl.txt'), 'utf8')).toBe(readFileSync(path.join(corpus.root, 'intl', 'emoji rtl.txt'), 'utf8'));
    expect(readFileSync(path.join(folder, 'corpus-mentions.csv'), 'utf8').startsWith('\uFEFF')).toBe(true);
    await service.close();
  });

  it('builds from texts read ahead the very files it would read at once, and reads again an article changed or gone since', async () => {
    const folder = tempDir();
    const corpus = await fixtureCorpus();
    const service = createExportService({ fixedFolder: folder, log: silentLogger });
    await sendRows(service, 'rows', ARCHIVE, corpus);
    await service.build(buildRequest(corpus), () => {});
    for (const [name, text] of expectedFiles(corpus, { kind: 'project' })) expect(readFileSync(path.join(folder, name), 'utf8'), name).toBe(text);
    // The listing saw an article change and another go after the texts were read ahead.
    const changed = corpus.articles[0]!.path;
    writeFileSync(path.join(corpus.root, changed), 'A new headline\n\nPresident Paul Kagame spoke again.\n');
    const relisted = {
      root: corpus.root,
      articles: await Promise.all(corpus.articles.filter((summary) => !summary.path.startsWith('intl/')).map(async (summary) => (await readArticleFile(path.join(corpus.root, summary.path), summary.path)).summary)),
    };
    await service.build(buildRequest(relisted, { formats: ['markdown', 'brat'], overwrite: true }), () => {});
    expect(readFileSync(path.join(folder, 'corpus-brat', `${changed.replace(/\.txt$/, '')}.txt`), 'utf8')).toBe('A new headline\n\nPresident Paul Kagame spoke again.\n');
    expect(readFileSync(path.join(folder, 'corpus-report.md'), 'utf8')).toBe(expectedFiles(relisted, { kind: 'project' }).get('corpus-report.md'));
    expect(readFileSync(path.join(folder, 'corpus-report.md'), 'utf8')).not.toContain('emoji rtl');
  });

  it('keeps to the scope: one entity’s mentions, and the annotated articles it could not read', async () => {
    const folder = tempDir();
    const corpus = await fixtureCorpus();
    const service = createExportService({ fixedFolder: folder, log: silentLogger });
    await sendRows(service, 'rows', ARCHIVE);
    const scope: ExportScope = { kind: 'entity', entityId: EntityId.parse('e-rubio') };
    const gone = { ...corpus, articles: corpus.articles.filter((summary) => !summary.path.startsWith('intl/')) };
    const built = await service.build(buildRequest(gone, { scope, formats: ['csv'] }), () => {});
    expect(built.missing).toEqual(['intl/emoji rtl.txt']);
    const csv = readFileSync(path.join(folder, 'corpus-mentions.csv'), 'utf8');
    expect(csv).toBe(expectedFiles(gone, scope).get('corpus-mentions.csv'));
    expect(csv).toContain('Marco Rubio');
    expect(csv).not.toContain('Paul Kagame');
  });

  it('writes only to a folder the user picked, and a format’s subfolder sanitised inside it', async () => {
    const picked = tempDir();
    const corpus = await fixtureCorpus();
    const service = createExportService({ pickFolder: async () => picked, log: silentLogger });
    expect(service.info()).toEqual({ folder: null, canPick: true });
    await sendRows(service, 'rows', ARCHIVE);
    expect((await failure(service.build(buildRequest(corpus, { formats: ['brat'] }), () => {}))).code).toBe('invalid-input');
    expect(await service.pickFolder()).toBe(picked);
    expect((await failure(service.build(buildRequest(corpus, { folder: '/etc', formats: ['brat'] }), () => {}))).code).toBe('forbidden');
    const built = await service.build(buildRequest(corpus, { formats: ['brat'], options: { baseName: '../up', csvBom: false } }), () => {});
    expect(built.formats[0]?.folder).toBe(path.join(picked, '_up-brat'));
  });

  it('offers a folder named at start-up in Electron (`--exports`) until the user picks another, and keeps both allowed', async () => {
    const named = tempDir();
    const picked = tempDir();
    const corpus = await fixtureCorpus();
    const service = createExportService({ fixedFolder: named, pickFolder: async () => picked, log: silentLogger });
    expect(service.info()).toEqual({ folder: named, canPick: true });
    await service.pickFolder();
    expect(service.info()).toEqual({ folder: picked, canPick: true });
    await sendRows(service, 'rows', ARCHIVE);
    await expect(service.build(buildRequest(corpus, { formats: ['csv'] }), () => {})).resolves.toMatchObject({ formats: [{ folder: picked }] });
    await expect(service.build(buildRequest(corpus, { formats: ['csv'], folder: named }), () => {})).resolves.toMatchObject({ formats: [{ folder: named }] });
  });

  it('answers "exists", naming the format and the files, unless overwriting is allowed; what it wrote before stays', async () => {
    const folder = tempDir();
    const corpus = await fixtureCorpus();
    writeFileSync(path.join(folder, 'corpus-report.md'), 'old');
    const service = createExportService({ fixedFolder: folder, log: silentLogger });
    await sendRows(service, 'rows', ARCHIVE);
    const refused = await failure(service.build(buildRequest(corpus, { formats: ['markdown', 'csv'] }), () => {}));
    expect(refused.code).toBe('exists');
    expect(refused.message).toBe('Markdown report: "corpus-report.md" already exists');
    expect(readFileSync(path.join(folder, 'corpus-report.md'), 'utf8')).toBe('old');
    await service.build(buildRequest(corpus, { formats: ['markdown', 'csv'], overwrite: true }), () => {});
    expect(readFileSync(path.join(folder, 'corpus-report.md'), 'utf8')).toBe(expectedFiles(corpus, { kind: 'project' }).get('corpus-report.md'));
  });

  it('refuses rows that are not a valid project, naming the problem, and keeps nothing of them', async () => {
    const corpus = await fixtureCorpus();
    const service = createExportService({ fixedFolder: tempDir(), log: silentLogger });
    const broken = await failure(sendRows(service, 'rows', ARCHIVE.slice(0, 500)));
    expect(broken.code).toBe('invalid-input');
    expect(broken.message).toMatch(/^The project's rows are not valid, so nothing was exported: The file ends too early/);
    const data = projectData();
    const wrong = await failure(sendRows(service, 'rows', toProjectArchive({ ...data, entities: [{ ...data.entities[0]!, name: 7 } as never] })));
    expect(wrong.message).toBe("The project's rows are not valid, so nothing was exported: The archive has an invalid entry at entities[0].name: Invalid input: expected string, received number.");
    expect((await failure(service.build(buildRequest(corpus), () => {}))).code).toBe('not-found');
  });

  it('leaves a damaged annotation out of the formats it builds, counted, while the archive keeps it as it was sent', async () => {
    const folder = tempDir();
    const corpus = await fixtureCorpus();
    const service = createExportService({ fixedFolder: folder, log: silentLogger });
    const data = projectData();
    const damaged = { ...data.annotations[1]!, id: 'damaged-row', anchor: { status: 'exact', start: 'x' } } as never;
    const text = toProjectArchive({ ...data, annotations: [...data.annotations, damaged] });
    await expect(sendRows(service, 'rows', text)).resolves.toEqual({ annotations: 12, damaged: 1 });
    await service.build(buildRequest(corpus, { formats: ['w3c', 'archive'] }), () => {});
    expect(readFileSync(path.join(folder, 'corpus-annotations.jsonld'), 'utf8')).toBe(expectedFiles(corpus, { kind: 'project' }).get('corpus-annotations.jsonld'));
    expect(readFileSync(path.join(folder, 'corpus-archive.json'), 'utf8')).toBe(text);
  });

  it('exports a project whose rows an import would refuse (a mention of a deleted entity): every row is checked, not their references', async () => {
    const folder = tempDir();
    const corpus = await fixtureCorpus();
    const service = createExportService({ fixedFolder: folder, log: silentLogger });
    const data = projectData();
    await expect(sendRows(service, 'rows', toProjectArchive({ ...data, entities: data.entities.filter((entity) => entity.id !== 'e-goma') }))).resolves.toEqual({ annotations: 12, damaged: 0 });
    await service.build(buildRequest(corpus, { formats: ['csv'] }), () => {});
    expect(readFileSync(path.join(folder, 'corpus-mentions.csv'), 'utf8')).toContain('Unknown entity');
  });

  it('forgets discarded rows: an export from them is "not-found"', async () => {
    const corpus = await fixtureCorpus();
    const service = createExportService({ fixedFolder: tempDir(), log: silentLogger });
    await sendRows(service, 'rows', ARCHIVE);
    expect(service.discard(['rows', 'unknown'])).toBe(1);
    const gone = await failure(service.build(buildRequest(corpus), () => {}));
    expect(gone.code).toBe('not-found');
    expect(gone.message).toBe('The project rows for this export are no longer kept: export again');
  });

  it('reads back the files it wrote (browser mode offers them as downloads), and no other file', async () => {
    const folder = tempDir();
    const corpus = await fixtureCorpus();
    const service = createExportService({ fixedFolder: folder, log: silentLogger });
    await sendRows(service, 'rows', ARCHIVE);
    const built = await service.build(buildRequest(corpus, { formats: ['csv'] }), () => {});
    const [csv] = built.formats[0]?.written ?? [];
    await expect(service.readWritten(csv ?? '')).resolves.toBe(readFileSync(csv ?? '', 'utf8'));
    writeFileSync(path.join(folder, 'other.txt'), 'not an export');
    expect((await failure(service.readWritten(path.join(folder, 'other.txt')))).code).toBe('forbidden');
    expect((await failure(service.readWritten(path.join(corpus.root, 'intl', 'emoji rtl.txt')))).code).toBe('forbidden');
  });
});

describe('export service: staging', () => {
  it('assembles staged chunks, in whatever order they came, and refuses an incomplete upload or one used up', async () => {
    const service = createExportService({ fixedFolder: tempDir(), log: silentLogger });
    const half = Math.floor(ARCHIVE.length / 2);
    expect(service.stage('u1', 1, 2, ARCHIVE.slice(half))).toBe(1);
    expect(() => service.stage('u1', 1, 2, ' again')).toThrow(/arrived twice/);
    expect(() => service.stage('u1', 0, 3, 'other count')).toThrow(/does not fit/);
    service.stage('u2', 0, 2, 'half');
    expect((await failure(service.prepare('u2'))).message).toBe('Upload "u2" is incomplete: 1 of 2 chunks arrived');
    expect(service.stage('u1', 0, 2, ARCHIVE.slice(0, half))).toBe(2);
    await expect(service.prepare('u1')).resolves.toEqual({ annotations: 12, damaged: 0 });
    expect((await failure(service.prepare('u1'))).message).toBe('No content was staged under upload "u1"');
  });

  it('joins bytes cut anywhere, inside a character too, with text chunks beside them', async () => {
    const corpus = await fixtureCorpus();
    const folder = tempDir();
    const service = createExportService({ fixedFolder: folder, log: silentLogger });
    const bytes = Buffer.from(ARCHIVE, 'utf8');
    // Cut inside the first multi-byte character.
    const cut = bytes.findIndex((byte) => byte >= 0xc0) + 1;
    const tail = ARCHIVE.slice(ARCHIVE.length - 100);
    const head = bytes.subarray(0, Buffer.byteLength(ARCHIVE.slice(0, ARCHIVE.length - 100)));
    service.stage('u1', 0, 3, new Uint8Array(head.subarray(0, cut)));
    service.stage('u1', 2, 3, tail);
    service.stage('u1', 1, 3, new Uint8Array(head.subarray(cut)));
    await service.prepare('u1');
    await service.build(buildRequest(corpus, { preparedId: 'u1', formats: ['archive'] }), () => {});
    expect(readFileSync(path.join(folder, 'corpus-archive.json'), 'utf8')).toBe(ARCHIVE);
  });

  it('forgets discarded uploads, complete or not, and ignores ids it does not know', async () => {
    const service = createExportService({ fixedFolder: tempDir(), log: silentLogger });
    service.stage('u1', 0, 1, 'whole');
    service.stage('u2', 0, 2, 'half');
    expect(service.discard(['u1', 'u2', 'unknown'])).toBe(2);
    expect((await failure(service.prepare('u1'))).message).toBe('No content was staged under upload "u1"');
    expect(service.stage('u2', 0, 1, 'again')).toBe(1);
  });

  it('counts staged bytes against what may be staged at once, and frees them when prepared or discarded', async () => {
    const service = createExportService({ fixedFolder: tempDir(), log: silentLogger, maxStagedSize: 10 });
    service.stage('u1', 0, 2, new Uint8Array(6));
    expect(() => service.stage('u1', 1, 2, new Uint8Array(5))).toThrow('The export is too large to stage in memory');
    service.stage('u1', 1, 2, 'four');
    expect(() => service.stage('u2', 0, 1, new Uint8Array(1))).toThrow('The export is too large to stage in memory');
    expect((await failure(service.prepare('u1'))).code).toBe('invalid-input');
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
    expect(warnings).toEqual(['Forgot 1 staged export upload(s) (0.0 MB) not used within 10 minutes: their export was abandoned']);
    expect((await failure(service.prepare('abandoned'))).message).toBe('No content was staged under upload "abandoned"');
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
