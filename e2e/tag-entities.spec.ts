import { expect, test } from './support/fixtures';

const KAGAME = /^President Paul Kagame on Wednesday/;
const RUBIO = /^U\.S\. Secretary of State Marco Rubio and Kenyan President/;

test('a selection is tagged from the toolbar or the keyboard, nested mentions are painted, clicked and untagged, and undo works', async ({ workbench, appPage }, testInfo) => {
  await workbench.waitForLibrary(3);
  await workbench.open(RUBIO);
  await workbench.tag(1, 'U.S. Secretary of State Marco Rubio', 'Person', { create: 'Secretary of State Rubio' });
  await expect.poll(() => workbench.mentionTexts(1)).toEqual(['U.S. Secretary of State Marco Rubio']);

  // The keyboard: Alt+Shift+P opens the type-ahead; the new entity is found by a word of its name.
  await workbench.selectText(1, 'Marco Rubio');
  await appPage.keyboard.press('Alt+Shift+P');
  const input = workbench.tagPicker.getByRole('combobox');
  await expect(input).toBeFocused();
  await expect(input).toHaveValue('Marco Rubio');
  await expect(workbench.tagPicker.getByRole('option')).toHaveText(['Create “Marco Rubio”']);
  await input.fill('rubio');
  await expect(workbench.tagPicker.getByRole('option', { name: 'Secretary of State Rubio (Person)' })).toBeVisible();
  await input.fill('Marco Rubio');
  await input.press('Enter');
  await expect(workbench.tagPicker).toBeHidden();
  await expect.poll(() => workbench.mentionTexts(1)).toEqual(['Marco Rubio', 'U.S. Secretary of State Marco Rubio']);
  await expect(workbench.statusBar).toHaveText('Tagged “Marco Rubio” as Person “Marco Rubio”');

  // Escape closes the type-ahead without tagging.
  await workbench.selectText(1, 'William Ruto');
  await appPage.keyboard.press('Alt+Shift+P');
  await workbench.tagPicker.getByRole('combobox').press('Escape');
  await expect(workbench.tagPicker).toBeHidden();
  await expect.poll(() => workbench.mentionTexts(1)).toHaveLength(2);
  await workbench.screenshot('tagging', testInfo);

  // Clicking inside the nested mention selects the innermost and shows it in the Entities tab.
  await workbench.clickPhrase(1, 'Marco Rubio');
  const selected = workbench.entitiesPanel.getByRole('region', { name: 'Selected mention' });
  await expect(selected).toContainText('“Marco Rubio” tags Marco Rubio');
  await expect(selected.getByRole('group', { name: 'Mentions under the click' }).getByRole('button')).toHaveCount(2);
  await selected.getByRole('button', { name: 'Untag' }).click();
  await expect.poll(() => workbench.mentionTexts(1)).toEqual(['U.S. Secretary of State Marco Rubio']);

  await workbench.paneText(1).focus();
  await appPage.keyboard.press('Control+z');
  await expect(workbench.statusBar).toHaveText('Undid remove mention');
  await expect.poll(() => workbench.mentionTexts(1)).toEqual(['Marco Rubio', 'U.S. Secretary of State Marco Rubio']);
  await appPage.keyboard.press('Control+Shift+z');
  await expect.poll(() => workbench.mentionTexts(1)).toEqual(['U.S. Secretary of State Marco Rubio']);
});

test('an empty or whitespace selection is refused with a message', async ({ workbench, appPage }) => {
  await workbench.waitForLibrary(3);
  await workbench.open(KAGAME);
  await workbench.selectText(1, ' ');
  await appPage.keyboard.press('Alt+Shift+P');
  await expect(workbench.tagPicker).toBeHidden();
  await expect(workbench.statusBar).toContainText('The selection is empty');
});
