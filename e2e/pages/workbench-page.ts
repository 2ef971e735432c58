import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

/** The workbench as a person sees it: found by role and accessible name, never by CSS. */
export class WorkbenchPage {
  constructor(readonly page: Page) {}

  get library(): Locator {
    return this.page.getByRole('complementary', { name: 'Library' });
  }

  get articles(): Locator {
    return this.library.getByRole('listbox', { name: 'Articles' });
  }

  article(name: string | RegExp): Locator {
    return this.articles.getByRole('option', { name });
  }

  pane(position: number): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^Pane ${position}\\b`) });
  }

  paneText(position: number): Locator {
    return this.page.getByLabel(new RegExp(`^Pane ${position}: .* text$`));
  }

  get panes(): Locator {
    return this.page.getByRole('region', { name: /^Pane \d/ });
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  async waitForLibrary(count: number): Promise<void> {
    await expect(this.library.getByText(`${count} articles`)).toBeVisible();
  }

  /** Selects an article in the library and opens it in the focused pane or a new one beside it. */
  async open(name: string | RegExp, where: 'focused' | 'beside' = 'focused'): Promise<void> {
    await this.article(name).click();
    await this.library.getByRole('button', { name: where === 'beside' ? 'Open beside' : 'Open', exact: true }).click();
  }

  /** Scrolls a pane's text to a fraction of its height, as a reader's wheel would. */
  async scrollPane(position: number, fraction: number): Promise<void> {
    await this.paneText(position).evaluate((element, f) => {
      element.scrollTop = f * (element.scrollHeight - element.clientHeight);
      element.dispatchEvent(new Event('scroll'));
    }, fraction);
  }

  async scrollFraction(position: number): Promise<number> {
    return this.paneText(position).evaluate((element) => element.scrollTop / Math.max(1, element.scrollHeight - element.clientHeight));
  }

  /** Saves a screenshot where people look for them: test-results/screenshots/<name>.png. */
  async screenshot(name: string, testInfo: TestInfo): Promise<void> {
    const directory = path.resolve(testInfo.config.rootDir, '..', 'test-results', 'screenshots');
    await mkdir(directory, { recursive: true });
    const file = path.join(directory, `${testInfo.project.name}-${name}.png`);
    await this.page.screenshot({ path: file });
    await testInfo.attach(name, { path: file, contentType: 'image/png' });
  }
}
