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

  /**
   * Selects a phrase in a pane's article text the way a drag would leave it. (Playwright cannot
   * drag-select exact characters reliably, so the selection is set through the DOM Selection API.)
   */
  async selectText(position: number, phrase: string, occurrence = 0): Promise<void> {
    await this.paneText(position).evaluate(
      (root, [wanted, nth]) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          let from = (node.textContent ?? '').indexOf(wanted as string);
          while (from >= 0) {
            if (seen === nth) {
              const range = document.createRange();
              range.setStart(node, from);
              range.setEnd(node, from + (wanted as string).length);
              document.getSelection()?.removeAllRanges();
              document.getSelection()?.addRange(range);
              return;
            }
            seen += 1;
            from = (node.textContent ?? '').indexOf(wanted as string, from + 1);
          }
        }
        throw new Error(`"${wanted}" not found in the pane`);
      },
      [phrase, occurrence] as const,
    );
  }

  /** Selects from a phrase in one pane to a phrase in another. */
  async selectAcrossPanes(from: { pane: number; phrase: string }, to: { pane: number; phrase: string }): Promise<void> {
    const start = await this.paneText(from.pane).elementHandle();
    const end = await this.paneText(to.pane).elementHandle();
    await this.page.evaluate(
      ([a, b, phraseA, phraseB]) => {
        const find = (root: Node, phrase: string): [Node, number] => {
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = (node.textContent ?? '').indexOf(phrase);
            if (at >= 0) return [node, at];
          }
          throw new Error(`"${phrase}" not found`);
        };
        const [startNode, startOffset] = find(a as Node, phraseA as string);
        const [endNode, endOffset] = find(b as Node, phraseB as string);
        document.getSelection()?.setBaseAndExtent(startNode, startOffset, endNode, endOffset + (phraseB as string).length);
      },
      [start, end, from.phrase, to.phrase] as const,
    );
  }

  get selectionToolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Highlight the selection' });
  }

  async highlight(position: number, phrase: string, colour = 'Key claim'): Promise<void> {
    await this.selectText(position, phrase);
    await this.selectionToolbar.getByRole('button', { name: `Highlight as ${colour}` }).click();
  }

  /** The texts painted as highlights (CSS Custom Highlight API) inside a pane, sorted. */
  async paintedTexts(position: number): Promise<string[]> {
    return this.paneText(position).evaluate((root) => {
      const texts: string[] = [];
      for (const [name, highlight] of CSS.highlights) {
        if (name === 'wb-selected') continue;
        for (const range of highlight) if (range instanceof Range && root.contains(range.commonAncestorContainer)) texts.push(range.toString());
      }
      return texts.sort();
    });
  }

  get highlightsPanel(): Locator {
    return this.page.getByRole('complementary', { name: 'Highlights' });
  }

  get highlightList(): Locator {
    return this.highlightsPanel.getByRole('list', { name: 'Highlights in this article' });
  }

  /** The title of the article a pane shows, once it has loaded. */
  async paneTitle(position: number): Promise<string> {
    const heading = this.pane(position).getByRole('heading').first();
    await expect(heading).not.toHaveText(/^(Loading…|Empty pane)$/);
    return (await heading.textContent()) ?? '';
  }

  /** Chooses a tab of the side panel (Highlights, Notes…). */
  async sideTab(name: string): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  get selectedHighlight(): Locator {
    return this.highlightsPanel.getByRole('region', { name: 'Selected highlight' });
  }

  get notesPanel(): Locator {
    return this.page.getByRole('complementary', { name: 'Notes' });
  }

  get notebook(): Locator {
    return this.notesPanel.getByRole('region', { name: 'Notebook' });
  }

  /** A notebook page's editor (a Lexical contenteditable named after the page). */
  pageEditor(title: string): Locator {
    return this.notebook.getByRole('textbox', { name: `Page ${title}` });
  }

  /** Adds a page to the notebook (in the Notes tab) and waits for its editor. */
  async addPage(title: string): Promise<Locator> {
    await this.sideTab('Notes');
    await this.notebook.getByRole('textbox', { name: 'New page name' }).fill(title);
    await this.notebook.getByRole('button', { name: 'Add page' }).click();
    await expect(this.pageEditor(title)).toBeVisible();
    return this.pageEditor(title);
  }

  /**
   * Puts an entity straight into the app's IndexedDB (the entity registry's UI is built on another
   * branch), then reloads so every live query reads it. Raw IndexedDB, not Dexie: the page does not
   * expose its database object.
   */
  async seedEntity(entity: { id: string; name: string; aliases: string[] }): Promise<void> {
    await this.page.evaluate(
      (row) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('research-workbench');
          open.onerror = () => reject(open.error ?? new Error('could not open the database'));
          open.onsuccess = () => {
            const tx = open.result.transaction('entities', 'readwrite');
            tx.objectStore('entities').put({ ...row, typeId: 'default-person', description: '', externalId: '', createdAt: Date.now(), updatedAt: Date.now() });
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error ?? new Error('could not write the entity'));
          };
        }),
      entity,
    );
  }

  get entitiesPanel(): Locator {
    return this.page.getByRole('complementary', { name: 'Entities' });
  }

  async showEntities(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Entities' }).click();
  }

  get tagPicker(): Locator {
    return this.page.getByRole('dialog', { name: /^Tag as / });
  }

  /**
   * Selects a phrase and tags it with the toolbar's "Tag as <type>": the type-ahead then chooses
   * the option named `option` (an existing entity's row, after typing `search`), or creates an
   * entity named `create` (by default the phrase).
   */
  async tag(position: number, phrase: string, type: string, choice: { create?: string; search?: string; option?: string | RegExp } = {}): Promise<void> {
    await this.selectText(position, phrase);
    await this.selectionToolbar.getByRole('button', { name: `Tag as ${type}` }).click();
    const input = this.tagPicker.getByRole('combobox');
    if (choice.option) {
      if (choice.search) await input.fill(choice.search);
      await this.tagPicker.getByRole('option', { name: choice.option }).click();
      return;
    }
    if (choice.create) await input.fill(choice.create);
    await this.tagPicker.getByRole('option', { name: `Create “${(choice.create ?? phrase).trim()}”` }).click();
  }

  /** Clicks the middle of a phrase of a pane's text (its `occurrence`-th appearance). */
  async clickPhrase(position: number, phrase: string, occurrence = 0): Promise<void> {
    await this.selectText(position, phrase, occurrence);
    const box = await this.page.evaluate(() => {
      const rect = document.getSelection()?.getRangeAt(0).getBoundingClientRect();
      document.getSelection()?.removeAllRanges();
      return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
    });
    if (!box) throw new Error(`"${phrase}" has no box`);
    await this.page.mouse.click(box.x, box.y);
  }

  /** The texts painted as entity mentions inside a pane, sorted. */
  async mentionTexts(position: number): Promise<string[]> {
    return this.paneText(position).evaluate((root) => {
      const texts: string[] = [];
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('wbm-type-')) continue;
        for (const range of highlight) if (range instanceof Range && root.contains(range.commonAncestorContainer)) texts.push(range.toString());
      }
      return texts.sort();
    });
  }

  /**
   * Texts of a pane painted by one of the mention overlays: `current` is where next/previous
   * mention stepped to last, `chosen` every mention of the entity chosen in the Entities tab.
   */
  async mentionOverlay(position: number, overlay: 'current' | 'chosen'): Promise<string[]> {
    return this.paneText(position).evaluate((root, name) => {
      const texts: string[] = [];
      for (const range of CSS.highlights.get(name) ?? []) if (range instanceof Range && root.contains(range.commonAncestorContainer)) texts.push(range.toString());
      return texts.sort();
    }, `wbm-${overlay}`);
  }

  /** Whether the mention a pane stepped to is inside the pane's visible text. */
  async currentMentionInView(position: number): Promise<boolean> {
    return this.paneText(position).evaluate((root) => {
      const [range] = [...(CSS.highlights.get('wbm-current') ?? [])].filter((candidate) => candidate instanceof Range && root.contains(candidate.commonAncestorContainer));
      if (!(range instanceof Range)) return false;
      const box = range.getBoundingClientRect();
      const view = root.getBoundingClientRect();
      return box.top >= view.top && box.bottom <= view.bottom;
    });
  }

  /** The details of the entity chosen in the Entities tab. */
  entityDetails(name: string): Locator {
    return this.entitiesPanel.getByRole('region', { name: `Entity ${name}`, exact: true });
  }

  /** The row of an entity in the Entities tab's index. */
  entityRow(name: string | RegExp): Locator {
    return this.entitiesPanel.getByRole('listbox', { name: 'Entity index' }).getByRole('option', { name });
  }

  get statusBar(): Locator {
    // The status bar comes after every pane's own status notices.
    return this.page.getByRole('status').last();
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
