import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { WorkbenchPage } from './pages/workbench-page';
import { expect, test } from './support/fixtures';

const KAGAME = /^President Paul Kagame on Wednesday/;
const KAGAME_FILE = '000_f9a0009864046443.txt';
const CLAIM = 'M23 rebels captured Goma city on Sunday';

/**
 * Adds an entity (linked to Wikidata) and a mention of it on "President Paul Kagame" (code points
 * 0–21 of the Kagame article) straight into the page's IndexedDB: tagging is tested in
 * tag-entities.spec.ts, and this spec is about what leaves the app, so it starts from a known mention.
 */
async function seedMention(page: Page): Promise<void> {
  await page.evaluate(
    ([file]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('research-workbench');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['articles', 'entities', 'annotationPacks'], 'readwrite');
          const byPath = tx.objectStore('articles').index('path').get(file as string);
          byPath.onsuccess = () => {
            const articleId = (byPath.result as { id: string }).id;
            const now = Date.now();
            tx.objectStore('entities').add({ id: 'e-kagame', typeId: 'default-person', name: 'Paul Kagame', aliases: ['Kagame'], description: '', externalId: 'Q57421', createdAt: now, updatedAt: now });
            const mention = {
              id: '5b0f6c1e-8c1a-4a51-9d35-3f1c2b4a5d6e', articleId, kind: 'mention', entityId: 'e-kagame', comment: 'Head of state',
              target: { quote: { type: 'TextQuoteSelector', exact: 'President Paul Kagame', prefix: '', suffix: ' on Wednesday, January 29, said ' }, position: { type: 'TextPositionSelector', start: 0, end: 21 } },
              anchor: { status: 'exact', start: 0, end: 21, confidence: 1 }, createdAt: now, updatedAt: now,
            };
            // As a pack of its own after the article's packs of annotations (schema version 6).
            const packs = tx.objectStore('annotationPacks');
            const keys = packs.getAllKeys(IDBKeyRange.bound([articleId, -Infinity], [articleId, Infinity]));
            keys.onsuccess = () => {
              const chunk = Math.max(-1, ...(keys.result as Array<[string, number]>).map(([, n]) => n)) + 1;
              packs.put({ articleId, chunk, annotations: [mention], annotationIds: [mention.id], entityIds: [mention.entityId] });
            };
          };
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    [KAGAME_FILE] as const,
  );
}

/** Deletes the app's database and reloads: a fresh project (Dexie closes its connection when asked). */
async function wipeProject(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('research-workbench');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
  );
  await page.reload();
}

async function exportFormats(page: Page, formats: readonly string[], replace = false): Promise<void> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  for (const format of ['Markdown report', 'W3C Web Annotations', 'brat standoff', 'Entity mentions CSV', 'CoNLL (BIO)', 'Project archive']) {
    await dialog.getByRole('checkbox', { name: new RegExp(`^${format.replace(/[()]/g, '\\$&')}`) }).setChecked(formats.includes(format));
  }
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  if (replace) {
    await expect(dialog.getByRole('alert')).toContainText('already exists');
    await dialog.getByRole('button', { name: 'Replace existing files' }).click();
  }
  const finished = page.getByRole('dialog', { name: 'Export finished' });
  await expect(finished.getByRole('list', { name: 'Files written' })).toBeVisible();
  await finished.getByRole('button', { name: 'Done' }).click();
}

async function findFile(folder: string, suffix: string): Promise<string> {
  const name = (await readdir(folder)).find((entry) => entry.endsWith(suffix));
  if (!name) throw new Error(`no file ending ${suffix} in ${folder}`);
  return path.join(folder, name);
}

/**
 * Highlights the claim in `colour` and seeds the mention, exports `format`, then wipes the project
 * (a fresh one, the library listed again); returns the file the export wrote.
 */
async function exportThenWipe(workbench: WorkbenchPage, page: Page, exportsDir: string, colour: string, format: string, suffix: string): Promise<string> {
  await workbench.waitForLibrary(3);
  await workbench.open(KAGAME);
  await workbench.highlight(1, CLAIM, colour);
  await expect.poll(() => workbench.paintedTexts(1)).toEqual([CLAIM]);
  await seedMention(page);
  await exportFormats(page, [format]);
  const file = await findFile(exportsDir, suffix);
  await wipeProject(page);
  await workbench.waitForLibrary(3);
  return file;
}

test('highlights and mentions export from the dialog to every format, and the files hold them', async ({ workbench, appPage, corpus, shell }, testInfo) => {
  const exportsDir = path.join(corpus.base, 'exports');
  await workbench.waitForLibrary(3);
  await workbench.open(KAGAME);
  await workbench.highlight(1, CLAIM, 'Key claim');
  await expect.poll(() => workbench.paintedTexts(1)).toEqual([CLAIM]);
  await seedMention(appPage);

  await appPage.keyboard.press('Control+Shift+E');
  const dialog = appPage.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('radio', { name: 'Whole project' })).toBeChecked();
  for (const format of ['W3C Web Annotations', 'brat standoff', 'Entity mentions CSV', 'CoNLL (BIO)', 'Project archive']) await dialog.getByRole('checkbox', { name: new RegExp(`^${format.replace(/[()]/g, '\\$&')}`) }).check();
  await expect(dialog).toContainText(exportsDir);
  await workbench.screenshot('export-dialog', testInfo);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const finished = appPage.getByRole('dialog', { name: 'Export finished' });
  await expect(finished).toContainText(exportsDir);
  // The formats were built in main's export threads (the built export-thread.js), not in its own thread.
  await expect(finished).toContainText(/Built in [1-3] background threads?\./);
  await workbench.screenshot('export-finished', testInfo);
  if (shell === 'browser') {
    // Browser mode offers the files as downloads too: the very bytes written.
    const [download] = await Promise.all([appPage.waitForEvent('download'), finished.getByRole('button', { name: /^Download .*-annotations\.jsonld$/ }).click()]);
    expect((await readFile(await download.path())).equals(await readFile(await findFile(exportsDir, '-annotations.jsonld')))).toBe(true);
  } else {
    await expect(finished.getByRole('button', { name: /^Download/ })).toHaveCount(0);
  }
  await finished.getByRole('button', { name: 'Done' }).click();
  await expect(appPage.getByRole('status').last()).toContainText(`Exported 6 formats to ${exportsDir}`);

  const report = await readFile(await findFile(exportsDir, '-report.md'), 'utf8');
  expect(report).toMatch(/^---\ntitle: ".*"\n/);
  expect(report).toContain('> President Paul Kagame\n\n— **Paul Kagame** (Person, Wikidata Q57421, characters 0–21)\n\n*Comment:* Head of state');
  expect(report).toContain(`> ${CLAIM}\n\n— **Key claim** (highlight, characters 177–216)`);

  const w3c = JSON.parse(await readFile(await findFile(exportsDir, '-annotations.jsonld'), 'utf8')) as { type: string; total: number; first: { items: Array<{ motivation: string; target: { source: string } }> } };
  expect(w3c.type).toBe('AnnotationCollection');
  expect(w3c.first.items.map((item) => item.motivation)).toEqual(['commenting', 'highlighting']);
  expect(w3c.first.items[0]?.target.source).toBe(`urn:research-workbench:article:${KAGAME_FILE}`);

  const bratDir = (await readdir(exportsDir)).find((name) => name.endsWith('-brat'));
  expect(bratDir).toBeDefined();
  const bratFolder = path.join(exportsDir, bratDir ?? '');
  expect(await readFile(path.join(bratFolder, KAGAME_FILE), 'utf8')).toBe(await readFile(path.join(corpus.root, KAGAME_FILE), 'utf8'));
  expect(await readFile(path.join(bratFolder, '000_f9a0009864046443.ann'), 'utf8')).toBe(
    `T1\tPerson 0 21\tPresident Paul Kagame\nN1\tReference T1 Wikidata:Q57421\tPaul Kagame\n#1\tAnnotatorNotes T1\tHead of state\nT2\tKey_claim 177 216\t${CLAIM}\n`,
  );
  expect(await readFile(path.join(bratFolder, 'annotation.conf'), 'utf8')).toContain('[entities]\nPerson\n');

  const csv = await readFile(await findFile(exportsDir, '-mentions.csv'), 'utf8');
  const row = csv.split('\r\n')[1] ?? '';
  expect(row.startsWith(`Paul Kagame,Person,Q57421,${KAGAME_FILE},"President Paul Kagame on Wednesday`)).toBe(true);
  expect(row.endsWith(',0,21,President Paul Kagame,," on Wednesday, January 29, said he had a",Head of state')).toBe(true);
  const conll = await readFile(await findFile(exportsDir, '-entities.conll'), 'utf8');
  expect(conll).toContain('-DOCSTART-\tO\n\nPresident\tB-Person\nPaul\tI-Person\nKagame\tI-Person\non\tO\n');
  const archive = JSON.parse(await readFile(await findFile(exportsDir, '-archive.json'), 'utf8')) as { formatVersion: number; annotations: unknown[]; entities: unknown[] };
  expect(archive.formatVersion).toBe(1);
  expect(archive.annotations).toHaveLength(2);
  expect(archive.entities).toHaveLength(1);

  // Exporting again asks before replacing anything.
  await exportFormats(appPage, ['Markdown report'], true);
});

test('an archive imported into a fresh project brings its highlights back, and exports byte for byte the same', async ({ workbench, appPage, corpus }) => {
  const archiveFile = await exportThenWipe(workbench, appPage, path.join(corpus.base, 'exports'), 'Key claim', 'Project archive', '-archive.json');
  const first = await readFile(archiveFile, 'utf8');
  const truncated = path.join(corpus.base, 'truncated.json');
  await writeFile(truncated, first.slice(0, Math.floor(first.length / 2)));
  await appPage.getByRole('button', { name: 'Import…' }).click();
  const dialog = appPage.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel(/File to import/).setInputFiles(truncated);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('truncated.json was not imported, and nothing in the project changed. The file ends too early');

  await dialog.getByLabel(/File to import/).setInputFiles(archiveFile);
  await dialog.getByRole('radio', { name: /Replace this project/ }).check();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Project replaced by the archive: 2 annotations, 1 entities');
  await dialog.getByRole('button', { name: 'Done' }).click();

  await exportFormats(appPage, ['Project archive'], true);
  expect(await readFile(archiveFile, 'utf8')).toBe(first);

  await workbench.open(KAGAME);
  // The highlight and the mention both come back, painted.
  await expect.poll(() => workbench.paintedTexts(1)).toEqual([CLAIM, 'President Paul Kagame'].sort());
  await expect(workbench.highlightList).toContainText(CLAIM);
  // The entity index counts the imported mention.
  await workbench.showEntities();
  await expect(workbench.entityRow('Paul Kagame, Person, 1 mention')).toBeVisible();
});

test('W3C annotations exported from one project attach to the same passages in a fresh one', async ({ workbench, appPage, corpus }) => {
  const file = await exportThenWipe(workbench, appPage, path.join(corpus.base, 'exports'), 'Evidence', 'W3C Web Annotations', '-annotations.jsonld');
  await appPage.getByRole('button', { name: 'Import…' }).click();
  const dialog = appPage.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel(/File to import/).setInputFiles(file);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText('2 annotations imported; 1 new entities');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await workbench.open(KAGAME);
  await expect.poll(() => workbench.paintedTexts(1)).toEqual([CLAIM, 'President Paul Kagame'].sort());
  await expect(workbench.highlightList).toContainText(CLAIM);
});
