import { appendFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './support/fixtures';

const KAGAME = /^President Paul Kagame on Wednesday/;
const RUBIO = /^U\.S\. Secretary of State Marco Rubio and Kenyan President William Ruto/;
const BLINKEN = /^United States’ State Secretary Antony Blinken|^United States' State Secretary Antony Blinken/;

test('the library lists the three articles with titles taken from their text', async ({ workbench }, testInfo) => {
  await workbench.waitForLibrary(3);
  for (const title of [KAGAME, RUBIO, BLINKEN]) await expect(workbench.article(title)).toBeVisible();
  await expect(workbench.article(KAGAME)).toContainText('words');
  await workbench.library.getByRole('searchbox', { name: 'Filter articles' }).fill('rubio ruto');
  await expect(workbench.articles.getByRole('option')).toHaveCount(1);
  await expect(workbench.library.getByText('1 of 3')).toBeVisible();
  await workbench.library.getByRole('searchbox', { name: 'Filter articles' }).fill('');
  await workbench.library.getByRole('combobox', { name: 'Sort by' }).selectOption('path');
  await expect(workbench.articles.getByRole('option').first()).toContainText('000_f9a0009864046443.txt');
  await workbench.screenshot('library', testInfo);
});

test('two articles side by side survive a reload with their scroll positions', async ({ workbench, appPage }, testInfo) => {
  await workbench.waitForLibrary(3);
  await workbench.open(KAGAME);
  await workbench.open(RUBIO, 'beside');
  await expect(workbench.panes).toHaveCount(2);
  await expect(workbench.pane(1).getByRole('heading', { level: 2 })).toHaveText(KAGAME);
  await expect(workbench.pane(2).getByRole('heading', { level: 2 })).toHaveText(RUBIO);
  await expect(workbench.paneText(2)).toContainText('Both leaders reaffirmed their commitment');
  // Boilerplate stays in the text, dimmed.
  const readNext = workbench.paneText(2).getByText('Read next', { exact: true });
  await expect(readNext).toBeVisible();
  await expect(readNext).toHaveAttribute('title', /boilerplate/i);
  await appPage.setViewportSize({ width: 1200, height: 600 });
  await workbench.scrollPane(2, 0.6);
  await expect.poll(() => workbench.scrollFraction(2)).toBeGreaterThan(0.5);
  await workbench.screenshot('two-panes', testInfo);
  await appPage.waitForTimeout(400); // scroll positions are saved at most every 250 ms
  await appPage.reload();
  await expect(workbench.panes).toHaveCount(2);
  await expect(workbench.pane(1).getByRole('heading', { level: 2 })).toHaveText(KAGAME);
  await expect(workbench.pane(2).getByRole('heading', { level: 2 })).toHaveText(RUBIO);
  await expect.poll(() => workbench.scrollFraction(2)).toBeGreaterThan(0.5);
  expect(await workbench.scrollFraction(1)).toBeLessThan(0.05);
});

test('synchronised scrolling moves the other pane with the one being read', async ({ workbench, appPage }) => {
  await workbench.waitForLibrary(3);
  await appPage.setViewportSize({ width: 1200, height: 600 });
  await workbench.open(KAGAME);
  await workbench.open(BLINKEN, 'beside');
  const sync = workbench.button('Sync scroll');
  await sync.click();
  await expect(sync).toHaveAttribute('aria-pressed', 'true');
  // Both articles laid out (taller than their panes) before the reader scrolls one.
  for (const position of [1, 2]) await expect.poll(() => workbench.paneText(position).evaluate((element) => element.scrollHeight > element.clientHeight + 100)).toBe(true);
  await workbench.scrollPane(1, 0.5);
  await expect.poll(() => workbench.scrollFraction(2)).toBeGreaterThan(0.45);
});

test('the keyboard alone opens articles, moves between panes, swaps and closes them', async ({ workbench, appPage }) => {
  await workbench.waitForLibrary(3);
  await workbench.articles.focus();
  await appPage.keyboard.press('ArrowDown');
  await appPage.keyboard.press('Enter');
  await expect(workbench.paneText(1)).toBeVisible();
  await expect(workbench.pane(1).getByRole('heading', { level: 2 })).not.toHaveText(/^(Empty pane|Loading…)$/);
  const first = await workbench.pane(1).getByRole('heading', { level: 2 }).textContent();
  await workbench.articles.focus();
  await appPage.keyboard.press('ArrowDown');
  await appPage.keyboard.press('Shift+Enter');
  await expect(workbench.panes).toHaveCount(2);
  await appPage.keyboard.press('Control+]');
  await expect(workbench.paneText(1)).toBeFocused();
  await workbench.button('Move pane 1 right').click();
  await expect(workbench.pane(2).getByRole('heading', { level: 2 })).toHaveText(first ?? '');
  await workbench.button('Close pane 2').click();
  await expect(workbench.panes).toHaveCount(1);
  const separatorCount = await appPage.getByRole('separator').count();
  expect(separatorCount).toBe(0);
});

test('a file added to the corpus folder appears without a restart, and edits show in its pane', async ({ workbench, corpus }) => {
  await workbench.waitForLibrary(3);
  await writeFile(path.join(corpus.root, 'goma-update.txt'), 'Goma airport reopens to humanitarian flights\nAid agencies said on Monday that the airport in Goma had reopened.\n');
  await expect(workbench.article(/^Goma airport reopens to humanitarian flights/)).toBeVisible({ timeout: 3000 });
  await workbench.waitForLibrary(4);
  await workbench.open(/^Goma airport reopens/);
  await expect(workbench.paneText(1)).toContainText('had reopened');
  await appendFile(path.join(corpus.root, 'goma-update.txt'), 'A second flight landed on Tuesday.\n');
  await expect(workbench.paneText(1)).toContainText('A second flight landed on Tuesday.', { timeout: 3000 });
});

test('corrected article details are used wherever the article is named, and persist', async ({ workbench, appPage }) => {
  await workbench.waitForLibrary(3);
  await workbench.open(KAGAME);
  await workbench.pane(1).getByRole('button', { name: 'Edit details' }).click();
  const dialog = appPage.getByRole('dialog', { name: /Article details/ });
  await dialog.getByLabel('Title').fill('Kagame and Rubio discuss a ceasefire');
  await dialog.getByLabel('Source').fill('The New Times');
  await dialog.getByLabel('Date').fill('2025-01-29');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toBeHidden();
  await expect(workbench.pane(1).getByRole('heading', { level: 2 })).toHaveText('Kagame and Rubio discuss a ceasefire');
  await expect(workbench.pane(1)).toContainText('The New Times');
  await expect(workbench.article(/^Kagame and Rubio discuss a ceasefire/)).toBeVisible();
  await appPage.reload();
  await expect(workbench.article(/^Kagame and Rubio discuss a ceasefire/)).toBeVisible();
  await expect(workbench.pane(1).getByRole('heading', { level: 2 })).toHaveText('Kagame and Rubio discuss a ceasefire');
});
