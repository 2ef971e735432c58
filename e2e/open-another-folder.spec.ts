import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './support/fixtures';

// Browser mode has no native folder dialog: Open folder… asks for the folder's path. (Electron's
// native dialog cannot be driven by Playwright; its handler is covered by unit tests.)
test('another folder is opened from the running app: a wrong path is refused with a reason, the new library survives a reload', async ({ workbench, appPage, corpus, shell }, testInfo) => {
  test.skip(shell !== 'browser', 'browser mode types the folder path; Electron shows its native dialog');
  await workbench.waitForLibrary(3);
  const second = path.join(corpus.base, 'second folder');
  await mkdir(path.join(second, 'nested'), { recursive: true });
  await writeFile(path.join(second, 'goma-airport.txt'), 'Rebels reopen Goma airport to aid flights\n\nGOMA, DR Congo (Reuters) — The M23 rebels said on Monday that the airport would reopen for humanitarian flights.\n');
  await writeFile(path.join(second, 'nested', 'bukavu.md'), '# Bukavu braces for the advance\n\nResidents of Bukavu stocked up on food and water as fighting moved closer.\n');

  await appPage.keyboard.press('Control+O');
  const dialog = appPage.getByRole('dialog', { name: 'Open a folder of articles' });
  await expect(dialog).toBeVisible();
  const folderPath = dialog.getByRole('textbox', { name: 'Folder path' });
  const missing = path.join(corpus.base, 'no such folder');
  await folderPath.fill(missing);
  await dialog.getByRole('button', { name: 'Open folder', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText(`Cannot open "${missing}"`);
  await expect(workbench.library.getByText('3 articles')).toBeVisible();

  // The request is held until the dialog has been seen saying it is busy (a 10,000-article folder
  // never opened before takes about a second to list).
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await appPage.route('**/rpc/corpus.open', async (route) => {
    await held;
    await route.continue();
  });
  await folderPath.fill(second);
  await folderPath.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Opening…' })).toBeDisabled();
  await expect(dialog.getByRole('status')).toHaveText('Reading the folder’s articles…');
  await expect(appPage.getByRole('banner')).toContainText('Opening…');
  await workbench.screenshot('open-folder-busy', testInfo);
  release();
  await expect(dialog).toBeHidden();
  await workbench.waitForLibrary(2);
  await expect(workbench.article(/Rebels reopen Goma airport to aid flights/)).toBeVisible();
  await expect(workbench.article(/Bukavu braces for the advance/)).toBeVisible();
  await expect(appPage.getByRole('banner')).toContainText('second folder');
  await workbench.open(/Bukavu braces/);
  await expect(workbench.paneText(1)).toContainText('Residents of Bukavu stocked up on food and water');
  await workbench.screenshot('another-folder-opened', testInfo);

  await appPage.reload();
  await workbench.waitForLibrary(2);
  await expect(workbench.article(/Rebels reopen Goma airport/)).toBeVisible();
  await expect(workbench.paneText(1)).toContainText('Residents of Bukavu stocked up on food and water');
});
