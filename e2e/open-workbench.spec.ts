import { expect, test } from './support/fixtures';

test('the workbench opens on the bundled corpus with its three articles', async ({ workbench, appPage }, testInfo) => {
  await workbench.waitForLibrary(3);
  await expect(appPage.getByRole('heading', { name: 'Research Workbench', level: 1 })).toBeVisible();
  await expect(workbench.button('Open folder…')).toBeVisible();
  await expect(workbench.pane(1)).toContainText('Choose an article in the library');
  await workbench.screenshot('startup', testInfo);
});

test('browser mode keeps the access token out of the address bar and needs it', async ({ appPage, shell }) => {
  test.skip(shell !== 'browser', 'browser mode only');
  await expect(appPage.getByRole('complementary', { name: 'Library' })).toBeVisible();
  expect(new URL(appPage.url()).search).toBe('');
  const origin = new URL(appPage.url()).origin;
  const stranger = await appPage.context().browser()?.newPage();
  if (!stranger) throw new Error('no browser');
  const response = await stranger.goto(`${origin}/`);
  expect(response?.status()).toBe(401);
  await expect(stranger.getByText('Missing access token')).toBeVisible();
  await stranger.close();
});
