import { _electron, test as base, type Browser, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { makeTempCorpus } from '../../test-support/temp-corpus';
import { WorkbenchPage } from '../pages/workbench-page';
import { startBrowserModeServer } from './browser-mode-server';
import { installedElectronBinary } from './electron-binary';
import { generateEdgeCaseCorpus } from './generate-corpus';

export interface ShellOptions {
  shell: 'browser' | 'electron';
}

export interface CorpusOptions {
  /** `sample`: a copy of the bundled corpus; `edge-cases`: a generated one full of awkward files. */
  corpusKind: 'sample' | 'edge-cases';
}

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const ELECTRON_MISSING = 'Electron binary not installed here (no access to its download), so the Electron shell was not tested; browser mode ran the same specs';

interface TestFixtures {
  corpus: Awaited<ReturnType<typeof makeTempCorpus>>;
  /** The app's page, in whichever shell this project drives. */
  appPage: Page;
  workbench: WorkbenchPage;
}

interface WorkerFixtures extends ShellOptions {
  chromiumBrowser: Browser | null;
}

export const test = base.extend<TestFixtures & CorpusOptions, WorkerFixtures>({
  corpusKind: ['sample', { option: true }],
  shell: ['browser', { option: true, scope: 'worker' }],
  chromiumBrowser: [
    async ({ shell, playwright, launchOptions }, use) => {
      if (shell !== 'browser') return use(null);
      const browser = await playwright.chromium.launch(launchOptions);
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  corpus: async ({ corpusKind }, use) => {
    const corpus = await makeTempCorpus();
    if (corpusKind === 'edge-cases') await generateEdgeCaseCorpus(corpus.root);
    await use(corpus);
    await corpus.remove();
  },
  appPage: async ({ shell, chromiumBrowser, corpus }, use, testInfo) => {
    if (shell === 'browser' && chromiumBrowser) {
      const server = await startBrowserModeServer(PROJECT_ROOT, corpus.root, ['--cache', path.join(corpus.base, 'listing-cache'), '--exports', path.join(corpus.base, 'exports')]);
      const context = await chromiumBrowser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.url);
      await use(page);
      await context.close();
      await server.stop();
      return;
    }
    const binary = installedElectronBinary(PROJECT_ROOT);
    testInfo.skip(!binary, ELECTRON_MISSING);
    const userData = await mkdtemp(path.join(os.tmpdir(), 'workbench-electron-'));
    const app = await _electron.launch({
      executablePath: binary ?? undefined,
      // The project folder, as `electron .` would: Electron reads package.json's main from it.
      args: [PROJECT_ROOT, '--corpus', corpus.root, '--exports', path.join(corpus.base, 'exports')],
      env: { ...process.env, WORKBENCH_USER_DATA: userData },
    });
    const page = await app.firstWindow();
    await use(page);
    await app.close();
    await rm(userData, { recursive: true, force: true });
  },
  workbench: async ({ appPage }, use) => {
    await use(new WorkbenchPage(appPage));
  },
});

export { expect } from '@playwright/test';
