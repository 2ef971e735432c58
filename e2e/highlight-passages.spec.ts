import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './support/fixtures';

const KAGAME = /^President Paul Kagame on Wednesday/;
const RUBIO = /^U\.S\. Secretary of State Marco Rubio and Kenyan President/;
const KAGAME_FILE = '000_f9a0009864046443.txt';

test('a passage highlighted in one pane and an overlapping one in another both survive a reload', async ({ workbench, appPage }, testInfo) => {
  await workbench.waitForLibrary(3);
  await workbench.open(KAGAME);
  await workbench.open(KAGAME, 'beside');
  await workbench.highlight(1, 'M23 rebels captured Goma city on Sunday', 'Key claim');
  await expect.poll(() => workbench.paintedTexts(1)).toEqual(['M23 rebels captured Goma city on Sunday']);
  await workbench.highlight(2, 'captured Goma city on Sunday, escalating conflict', 'Evidence');
  const both = ['M23 rebels captured Goma city on Sunday', 'captured Goma city on Sunday, escalating conflict'];
  await expect.poll(() => workbench.paintedTexts(1)).toEqual(both);
  await expect.poll(() => workbench.paintedTexts(2)).toEqual(both);
  await expect(workbench.highlightList.getByRole('button')).toHaveCount(2);
  await expect(workbench.highlightList.getByRole('button').first()).toContainText('M23 rebels captured Goma city on Sunday');
  await workbench.screenshot('highlights', testInfo);

  await appPage.reload();
  await expect.poll(() => workbench.paintedTexts(1)).toEqual(both);
  await expect.poll(() => workbench.paintedTexts(2)).toEqual(both);
  await expect(workbench.highlightList.getByRole('button')).toHaveCount(2);
});

test('a highlight follows its words when the file is edited, and becomes an orphan when they are deleted', async ({ workbench, corpus }, testInfo) => {
  await workbench.waitForLibrary(3);
  await workbench.open(KAGAME);
  const phrase = 'handed over their weapons to MONUSCO';
  await workbench.highlight(1, phrase);
  await expect.poll(() => workbench.paintedTexts(1)).toEqual([phrase]);
  await expect(workbench.highlightList).toContainText('exact');

  const file = path.join(corpus.root, KAGAME_FILE);
  const original = await readFile(file, 'utf8');
  const lines = original.split('\n');
  await writeFile(file, [lines[0], 'Editor’s note: this story was updated on Thursday with reaction from Kinshasa.', ...lines.slice(1)].join('\n'));
  await expect(workbench.pane(1).getByRole('status')).toContainText('1 moved');
  await expect.poll(() => workbench.paintedTexts(1)).toEqual([phrase]);
  await expect(workbench.highlightList).toContainText('moved');

  await writeFile(file, original.replace('and handed over their weapons to MONUSCO, the UN mission in the conflict-ridden country', 'and withdrew'));
  await expect(workbench.pane(1).getByRole('status')).toContainText('1 orphaned');
  await expect.poll(() => workbench.paintedTexts(1)).toEqual([]);
  const orphans = workbench.highlightsPanel.getByRole('region', { name: 'Orphaned highlights' });
  await expect(orphans).toContainText(phrase);
  await workbench.screenshot('orphan', testInfo);

  await workbench.selectText(1, 'Members of the Congolese armed forces surrendered to the rebels');
  await orphans.getByRole('button', { name: 'Re-attach to selection' }).click();
  await expect(orphans).toBeHidden();
  await expect.poll(() => workbench.paintedTexts(1)).toEqual(['Members of the Congolese armed forces surrendered to the rebels']);
});

test('every highlight operation can be undone and redone from the keyboard', async ({ workbench, appPage }) => {
  await workbench.waitForLibrary(3);
  await workbench.open(RUBIO);
  await workbench.highlight(1, 'Both leaders reaffirmed their commitment');
  await expect.poll(() => workbench.paintedTexts(1)).toEqual(['Both leaders reaffirmed their commitment']);
  await appPage.keyboard.press('Control+z');
  await expect.poll(() => workbench.paintedTexts(1)).toEqual([]);
  await appPage.keyboard.press('Control+Shift+Z');
  await expect.poll(() => workbench.paintedTexts(1)).toEqual(['Both leaders reaffirmed their commitment']);

  await workbench.highlightList.getByRole('button', { name: /Both leaders/ }).click();
  const editor = workbench.highlightsPanel.getByRole('region', { name: 'Selected highlight' });
  await editor.getByRole('combobox', { name: 'Colour' }).selectOption({ label: 'Disputed' });
  await editor.getByRole('button', { name: 'Delete highlight' }).click();
  await expect.poll(() => workbench.paintedTexts(1)).toEqual([]);
  await appPage.keyboard.press('Control+z');
  await expect.poll(() => workbench.paintedTexts(1)).toEqual(['Both leaders reaffirmed their commitment']);
  await expect(workbench.page.getByRole('status').last()).toContainText('Undid delete highlight');
});

test('clicking overlapping highlights selects the innermost, and a comment on it persists', async ({ workbench, appPage }) => {
  await workbench.waitForLibrary(3);
  await workbench.open(RUBIO);
  await workbench.highlight(1, 'U.S. Secretary of State Marco Rubio and Kenyan President William Ruto', 'Background');
  await workbench.highlight(1, 'Marco Rubio', 'Key claim');
  await expect.poll(() => workbench.paintedTexts(1)).toHaveLength(2);
  // Click in the middle of "Marco Rubio", where both highlights lie.
  const box = await workbench.paneText(1).evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const node = walker.nextNode();
    const at = (node?.textContent ?? '').indexOf('Marco Rubio');
    const range = document.createRange();
    range.setStart(node as Node, at + 2);
    range.setEnd(node as Node, at + 3);
    const rect = range.getBoundingClientRect();
    return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  });
  await appPage.mouse.click(box.x, box.y);
  const editor = workbench.highlightsPanel.getByRole('region', { name: 'Selected highlight' });
  await expect(editor.locator('blockquote')).toHaveText('Marco Rubio');
  await editor.getByRole('button', { name: /^U\.S\. Secretary of State/ }).click();
  await expect(editor.locator('blockquote')).toHaveText(/^U\.S\. Secretary of State Marco Rubio/);
  // The comment is a note (Lexical), saved as it is typed.
  await editor.getByRole('textbox', { name: 'Comment' }).fill('Who set up the call? Check the State Department readout.');
  await expect(appPage.getByRole('status').last()).toHaveText('Comment saved');
  await appPage.reload();
  await workbench.highlightList.getByRole('button', { name: /^U\.S\. Secretary of State/ }).click();
  await expect(workbench.highlightsPanel.getByRole('textbox', { name: 'Comment' })).toHaveText('Who set up the call? Check the State Department readout.');
});

test('selections that cannot be highlighted get a clear message', async ({ workbench }) => {
  await workbench.waitForLibrary(3);
  await workbench.open(RUBIO);
  await workbench.open(KAGAME, 'beside');
  await workbench.selectAcrossPanes({ pane: 1, phrase: 'Both leaders' }, { pane: 2, phrase: 'Kagame said' });
  await expect(workbench.selectionToolbar).toContainText('spans two');
  await workbench.selectText(1, 'Read next');
  await expect(workbench.selectionToolbar).toContainText('site boilerplate');
  await expect(workbench.selectionToolbar.getByRole('button')).toHaveCount(0);
});

test('the colour legend can be edited, and duplicate names are refused', async ({ workbench, appPage }) => {
  await workbench.waitForLibrary(3);
  await workbench.highlightsPanel.getByRole('button', { name: 'Edit colours…' }).click();
  const dialog = appPage.getByRole('dialog', { name: 'Highlight colours' });
  const add = dialog.getByRole('form', { name: 'Add a colour' });
  await add.getByRole('textbox', { name: 'Name of new colour' }).fill('Evidence');
  await add.getByRole('textbox', { name: 'Shortcut of new colour' }).fill('7');
  await add.getByRole('button', { name: 'Add colour' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Evidence');
  await add.getByRole('textbox', { name: 'Name of new colour' }).fill('Casualty figures');
  await add.getByRole('button', { name: 'Add colour' }).click();
  await expect(dialog.getByRole('form', { name: 'Colour Casualty figures' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(workbench.highlightsPanel.getByRole('list', { name: 'Colour legend' })).toContainText('Casualty figures');
});

test('removing a colour in use moves its highlights to the colour the user picks', async ({ workbench, appPage }) => {
  await workbench.waitForLibrary(3);
  await workbench.open(KAGAME);
  await workbench.highlight(1, 'M23 rebels captured Goma city on Sunday', 'Background');
  await workbench.highlightsPanel.getByRole('button', { name: 'Edit colours…' }).click();
  const dialog = appPage.getByRole('dialog', { name: 'Highlight colours' });
  await dialog.getByRole('form', { name: 'Colour Background' }).getByRole('button', { name: 'Remove Background' }).click();
  const question = dialog.getByRole('group', { name: 'Remove Background' });
  await expect(question).toContainText('Highlights coloured “Background” will take another colour');
  await question.getByRole('combobox', { name: 'Move its highlights to' }).selectOption({ label: 'Evidence' });
  await question.getByRole('button', { name: 'Remove “Background”' }).click();
  await expect(dialog.getByRole('form', { name: 'Colour Background' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await workbench.highlightList.getByRole('button', { name: /M23 rebels captured Goma/ }).click();
  await expect(workbench.highlightsPanel.getByRole('combobox', { name: 'Colour' })).toHaveValue('default-evidence');
});
