import { expect, test } from './support/fixtures';

test.use({ corpusKind: 'edge-cases' });

test('a folder full of awkward files opens with a specific warning on each bad file and the rest readable', async ({ workbench }, testInfo) => {
  const library = workbench.library;
  await expect(library.getByText(/^\d+ articles$/)).toBeVisible();
  const expectations: Array<[RegExp, RegExp]> = [
    [/binary-data\.txt/, /binary/i],
    [/huge-20mb\.txt/, /20\.0 MB, over the 10 MB limit/],
    [/edge-cases\/empty\.txt/, /empty/i],
    [/whitespace-only\.txt/, /only whitespace/i],
    [/latin1-french\.txt/, /windows-1252/i],
    [/invalid-utf8\.txt/, /UTF-8|invalid/i],
  ];
  await library.getByRole('combobox', { name: 'Sort by' }).selectOption('path');
  for (const [file, warning] of expectations) {
    await library.getByRole('searchbox', { name: 'Filter articles' }).fill(file.source.replace(/\\/g, '').replace('edge-cases/', ''));
    await expect(workbench.article(file)).toContainText(warning);
  }
  await library.getByRole('searchbox', { name: 'Filter articles' }).fill('');
  await workbench.screenshot('edge-case-library', testInfo);

  // The binary and huge files cannot be opened; the others read fine.
  await library.getByRole('searchbox', { name: 'Filter articles' }).fill('binary-data');
  await expect(workbench.article(/binary-data\.txt/)).toBeDisabled();

  const readable: Array<[string, string]> = [
    ['latin1-french', 'République démocratique du Congo'],
    ['utf16le-with-bom', 'M23'],
    ['windows-line-endings', 'M23'],
    ['briefing.md', ''],
    ['news-page.html', ''],
    ['Rapport', 'République'],
    ['emoji-and-rtl', 'كينشاسا هي عاصمة'],
  ];
  for (const [name, text] of readable) {
    await library.getByRole('searchbox', { name: 'Filter articles' }).fill(name);
    await workbench.articles.getByRole('option').first().click();
    await library.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(workbench.paneText(1)).not.toBeEmpty();
    if (text) await expect(workbench.paneText(1)).toContainText(text);
    await expect(workbench.paneText(1)).not.toContainText('\uFFFD\uFFFD');
  }
  await workbench.screenshot('edge-case-rtl', testInfo);
});
