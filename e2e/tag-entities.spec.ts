import { expect, test } from './support/fixtures';

const KAGAME = /^President Paul Kagame on Wednesday/;
const RUBIO = /^U\.S\. Secretary of State Marco Rubio and Kenyan President/;
const BLINKEN = /^United States' State Secretary Antony Blinken/;

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

test('M23 tagged once is found in all three articles, accepted, and counted in the index', async ({ workbench, appPage }, testInfo) => {
  await workbench.waitForLibrary(3);
  await workbench.open(KAGAME);
  await workbench.tag(1, 'M23', 'Organisation');
  await workbench.showEntities();
  const details = workbench.entitiesPanel.getByRole('region', { name: 'Entity M23' });
  await details.getByRole('button', { name: 'Find all mentions' }).click();
  const review = details.getByRole('region', { name: 'Review mentions of M23' });
  // 8 outside the sites' boilerplate (3 + 3 + 2); the one tagged by hand is not proposed again.
  await expect(review.getByRole('status')).toContainText('8 matches (3 articles searched');
  await expect(review.getByRole('status')).toContainText('7 to review');
  await expect(review.getByRole('region')).toHaveCount(3);
  await expect(review.getByRole('listitem').locator('mark')).toHaveText(Array(7).fill('M23'));
  await workbench.screenshot('review-queue', testInfo);

  // Skip one, accept the rest of the Blinken article at once, then everything left.
  const blinken = review.getByRole('region', { name: /^Hits in United States' State Secretary/ });
  await blinken.getByRole('button', { name: 'Skip “M23”' }).first().click();
  await blinken.getByRole('button', { name: 'Accept all in this article' }).click();
  await expect(workbench.entityRow(/^M23, Organisation, 2 mentions$/)).toBeVisible();
  await review.getByRole('button', { name: 'Accept all (5)' }).click();
  await expect(workbench.entityRow('M23, Organisation, 7 mentions')).toBeVisible();
  const mentions = details.getByRole('region', { name: 'Mentions', exact: true });
  await expect(mentions.getByRole('region')).toHaveText([/\(3\)/, /\(3\)/, /\(1\)/]);
  await expect(mentions.getByRole('region', { name: /^U\.S\. Secretary of State Marco Rubio.*: 3 mentions$/ })).toBeVisible();

  // The batch is one undo step; redo brings it back.
  await workbench.paneText(1).focus();
  await appPage.keyboard.press('Control+z');
  await expect(workbench.statusBar).toHaveText('Undid accept 5 hits');
  await expect(workbench.entityRow('M23, Organisation, 2 mentions')).toBeVisible();
  await appPage.keyboard.press('Control+Shift+z');
  await expect(workbench.entityRow('M23, Organisation, 7 mentions')).toBeVisible();

  // The skipped hit is proposed again by the next search; a rejected one is not.
  await review.getByRole('button', { name: 'Close review' }).click();
  await details.getByRole('button', { name: 'Find all mentions' }).click();
  await expect(review.getByRole('status')).toContainText('1 to review');
  // From the keyboard: R rejects the focused line (A accepts, S skips).
  await review.getByRole('listitem').focus();
  await appPage.keyboard.press('r');
  await expect(review.getByRole('listitem')).toHaveAttribute('data-status', 'rejected');
  await review.getByRole('button', { name: 'Close review' }).click();
  await details.getByRole('button', { name: 'Find all mentions' }).click();
  await expect(review.getByRole('status')).toContainText('0 to review');
  await expect.poll(() => workbench.mentionTexts(1)).toEqual(['M23', 'M23', 'M23']);
  await workbench.screenshot('entity-index', testInfo);
});

test('Paul Kagame with the aliases Kagame and @PaulKagame is found everywhere as one person', async ({ workbench }, testInfo) => {
  await workbench.waitForLibrary(3);
  await workbench.open(KAGAME);
  await workbench.tag(1, 'Paul Kagame', 'Person');
  await workbench.showEntities();
  const details = workbench.entityDetails('Paul Kagame');
  for (const alias of ['Kagame', '@PaulKagame']) {
    await details.getByRole('textbox', { name: 'New alias' }).fill(alias);
    await details.getByRole('button', { name: 'Add alias' }).click();
  }
  await expect(details.getByRole('list', { name: 'Aliases' }).getByRole('listitem')).toHaveText(['Kagame×', '@PaulKagame×']);
  await details.getByRole('textbox', { name: 'Wikidata' }).fill('Kagame');
  await details.getByRole('textbox', { name: 'Wikidata' }).press('Enter');
  await expect(details.getByRole('alert')).toHaveText('“Kagame” is not a Wikidata id: write it as Q and digits, for example Q57421');
  await details.getByRole('textbox', { name: 'Wikidata' }).fill('q57421');
  await details.getByRole('textbox', { name: 'Wikidata' }).press('Enter');
  await expect(details.getByRole('textbox', { name: 'Wikidata' })).toHaveValue('Q57421');

  await details.getByRole('button', { name: 'Find all mentions' }).click();
  const review = details.getByRole('region', { name: 'Review mentions of Paul Kagame' });
  // Besides the words tagged by hand: "Kagame", "Paul Kagame" and "@PaulKagame" in the first
  // article (the tweet it quotes), "Paul Kagame" and twice "Kagame" in Blinken's.
  await expect(review.getByRole('status')).toContainText('7 matches (3 articles searched');
  await expect(review.getByRole('listitem').locator('mark')).toHaveText(['Kagame', 'Paul Kagame', '@PaulKagame', 'Paul Kagame', 'Kagame', 'Kagame']);
  await expect(review.getByRole('region')).toHaveCount(2);
  await workbench.screenshot('review-kagame', testInfo);
  await review.getByRole('button', { name: 'Accept all (6)' }).click();
  await expect(workbench.entityRow('Paul Kagame, Person, 7 mentions')).toBeVisible();
  const mentions = details.getByRole('region', { name: 'Mentions', exact: true });
  await expect(mentions.getByRole('region')).toHaveCount(2);
  await expect(mentions.getByRole('region', { name: /^President Paul Kagame on Wednesday.*: 4 mentions$/ })).toBeVisible();
  await expect(mentions.getByRole('region', { name: /^United States' State Secretary.*: 3 mentions$/ })).toBeVisible();
  await expect.poll(() => workbench.mentionTexts(1)).toEqual(['@PaulKagame', 'Kagame', 'Paul Kagame', 'Paul Kagame']);

  // Choosing a mention in the list opens its article at that place.
  await mentions.getByRole('region', { name: /^United States' State Secretary/ }).getByRole('button').first().click();
  await expect(workbench.pane(1)).toHaveAccessibleName(/^Pane 1: United States' State Secretary/);
});

test('two entities merged into one, and the merge undone', async ({ workbench, appPage }, testInfo) => {
  await workbench.waitForLibrary(3);
  await workbench.open(KAGAME);
  await workbench.open(RUBIO, 'beside');
  await workbench.tag(1, 'DR Congo', 'Location');
  await workbench.tag(2, 'DRC', 'Location');
  await workbench.showEntities();
  await expect(workbench.entityRow('DRC, Location, 1 mention')).toBeVisible();
  const drc = workbench.entityDetails('DRC');
  await drc.getByRole('button', { name: 'Merge into…' }).click();
  const dialog = appPage.getByRole('dialog', { name: 'Merge “DRC” into…' });
  await dialog.getByRole('listbox', { name: 'Merge into' }).selectOption({ label: 'DRC (Location)' });
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('“DRC” cannot be merged into itself: choose another entity');
  await dialog.getByRole('searchbox', { name: 'Filter entities' }).fill('congo');
  await dialog.getByRole('listbox', { name: 'Merge into' }).selectOption({ label: 'DR Congo (Location)' });
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(workbench.statusBar).toHaveText('Merged “DRC” into “DR Congo”');
  await expect(workbench.entityRow('DR Congo, Location, 2 mentions')).toBeVisible();
  await expect(workbench.entityRow(/^DRC,/)).toHaveCount(0);
  await expect(workbench.entityDetails('DR Congo').getByRole('list', { name: 'Aliases' })).toHaveText('DRC×');

  await workbench.paneText(1).focus();
  await appPage.keyboard.press('Control+z');
  await expect(workbench.statusBar).toHaveText('Undid merge entities');
  await expect(workbench.entityRow('DRC, Location, 1 mention')).toBeVisible();
  await expect(workbench.entityRow('DR Congo, Location, 1 mention')).toBeVisible();
  await expect(workbench.entityDetails('DR Congo').getByRole('list', { name: 'Aliases' }).getByRole('listitem')).toHaveCount(0);
  await expect.poll(() => workbench.mentionTexts(2)).toEqual(['DRC']);
  await workbench.screenshot('entity-index-after-undo', testInfo);
});

test('choosing an entity lights up its mentions in two panes, and next/previous steps each pane through its own', async ({ workbench, appPage }, testInfo) => {
  await workbench.waitForLibrary(3);
  await workbench.open(KAGAME);
  await workbench.open(BLINKEN, 'beside');
  await workbench.tag(1, 'Paul Kagame', 'Person');
  await workbench.showEntities();
  const details = workbench.entityDetails('Paul Kagame');
  await details.getByRole('textbox', { name: 'New alias' }).fill('Kagame');
  await details.getByRole('button', { name: 'Add alias' }).click();
  await details.getByRole('button', { name: 'Find all mentions' }).click();
  await expect(details.getByRole('status')).toContainText('5 to review');
  await details.getByRole('button', { name: 'Accept all (5)' }).click();
  await expect(workbench.entityRow('Paul Kagame, Person, 6 mentions')).toBeVisible();
  await details.getByRole('button', { name: 'Close review' }).click();
  // A mention of another entity in the second pane stays out of the stepping.
  await workbench.tag(2, 'Antony Blinken', 'Person');
  await workbench.entityRow('Paul Kagame, Person, 6 mentions').click();
  await expect.poll(() => workbench.mentionOverlay(1, 'chosen')).toEqual(['Kagame', 'Paul Kagame', 'Paul Kagame']);
  await expect.poll(() => workbench.mentionOverlay(2, 'chosen')).toEqual(['Kagame', 'Kagame', 'Paul Kagame']);

  await details.getByRole('button', { name: 'Next mention' }).click();
  await expect(workbench.statusBar).toHaveText('Pane 1: mention 1 of 3 · Pane 2: mention 1 of 3');
  expect(await workbench.mentionOverlay(1, 'current')).toEqual(['Paul Kagame']);
  expect(await workbench.mentionOverlay(2, 'current')).toEqual(['Paul Kagame']);

  await workbench.paneText(1).focus();
  await appPage.keyboard.press('Alt+ArrowDown');
  await appPage.keyboard.press('Alt+ArrowDown');
  await expect(workbench.statusBar).toHaveText('Pane 1: mention 3 of 3 · Pane 2: mention 3 of 3');
  expect(await workbench.mentionOverlay(1, 'current')).toEqual(['Paul Kagame']);
  expect(await workbench.mentionOverlay(2, 'current')).toEqual(['Kagame']);
  expect(await workbench.currentMentionInView(1)).toBe(true);
  expect(await workbench.currentMentionInView(2)).toBe(true);
  await workbench.screenshot('stepping', testInfo);

  // Past the end each pane goes round to its first; previous goes back to the last.
  await appPage.keyboard.press('Alt+ArrowDown');
  await expect(workbench.statusBar).toHaveText('Pane 1: mention 1 of 3 · Pane 2: mention 1 of 3');
  await appPage.keyboard.press('Alt+ArrowUp');
  await expect(workbench.statusBar).toHaveText('Pane 1: mention 3 of 3 · Pane 2: mention 3 of 3');
});

test('mentions split off into a new entity, an entity deleted after asking, and entity types edited', async ({ workbench, appPage }) => {
  await workbench.waitForLibrary(3);
  await workbench.open(RUBIO);
  await workbench.tag(1, 'Marco Rubio', 'Person', { create: 'Rubio' });
  await workbench.tag(1, 'William Ruto', 'Person', { search: 'rub', option: 'Rubio (Person)' });
  await workbench.showEntities();
  await expect(workbench.entityRow('Rubio, Person, 2 mentions')).toBeVisible();

  // Ruto was tagged as Rubio by mistake: split his mention off.
  const rubio = workbench.entityDetails('Rubio');
  await rubio.getByRole('checkbox', { name: 'Tick “William Ruto” to split it off' }).check();
  await rubio.getByRole('button', { name: 'Split ticked mentions…' }).click();
  await rubio.getByRole('textbox', { name: 'Name of the new entity' }).fill('William Ruto');
  await rubio.getByRole('button', { name: 'Split off' }).click();
  await expect(workbench.entityRow('Rubio, Person, 1 mention')).toBeVisible();
  await expect(workbench.entityRow('William Ruto, Person, 1 mention')).toBeVisible();

  // Delete asks first, then takes the mentions with it; undo brings both back.
  const ruto = workbench.entityDetails('William Ruto');
  await ruto.getByRole('button', { name: 'Delete…' }).click();
  const confirm = appPage.getByRole('dialog', { name: 'Delete “William Ruto”?' });
  await expect(confirm).toContainText('its 1 mention will be deleted');
  await confirm.getByRole('button', { name: 'Delete entity and mentions' }).click();
  await expect(workbench.entityRow(/^William Ruto,/)).toHaveCount(0);
  await expect.poll(() => workbench.mentionTexts(1)).toEqual(['Marco Rubio']);
  await workbench.paneText(1).focus();
  await appPage.keyboard.press('Control+z');
  await expect(workbench.entityRow('William Ruto, Person, 1 mention')).toBeVisible();
  await expect.poll(() => workbench.mentionTexts(1)).toEqual(['Marco Rubio', 'William Ruto']);

  // Entity types: a duplicate name or shortcut is refused; a type in use is removed only after moving its entities.
  await workbench.entitiesPanel.getByRole('button', { name: 'Edit entity types…' }).click();
  const types = appPage.getByRole('dialog', { name: 'Entity types' });
  const add = types.getByRole('form', { name: 'Add a type' });
  await add.getByRole('textbox', { name: 'Name of new type' }).fill('person');
  await add.getByRole('textbox', { name: 'Shortcut of new type' }).fill('r');
  await add.getByRole('button', { name: 'Add type' }).click();
  await expect(types.getByRole('alert')).toHaveText('Another type is already called “Person”');
  await add.getByRole('textbox', { name: 'Name of new type' }).fill('Politician');
  await add.getByRole('textbox', { name: 'Shortcut of new type' }).fill('p');
  await add.getByRole('button', { name: 'Add type' }).click();
  await expect(types.getByRole('alert')).toHaveText('Alt+Shift+P is already the shortcut for “Person”');
  await add.getByRole('textbox', { name: 'Shortcut of new type' }).fill('i');
  await add.getByRole('button', { name: 'Add type' }).click();
  await expect(types.getByRole('form', { name: 'Type Politician' })).toBeVisible();
  await types.getByRole('button', { name: 'Remove Person' }).click();
  const move = types.getByRole('group', { name: 'Remove Person' });
  await expect(move).toContainText('2 entities have the type “Person”');
  await move.getByRole('combobox', { name: 'Move its entities to' }).selectOption({ label: 'Politician' });
  await move.getByRole('button', { name: 'Move them and remove “Person”' }).click();
  await types.getByRole('button', { name: 'Done' }).click();
  await expect(workbench.entityRow('Rubio, Politician, 1 mention')).toBeVisible();
  await workbench.selectText(1, 'Kenyan');
  await expect(workbench.selectionToolbar.getByRole('button', { name: 'Tag as Politician' })).toBeVisible();
  await expect(workbench.selectionToolbar.getByRole('button', { name: 'Tag as Person' })).toHaveCount(0);
});
