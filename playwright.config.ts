import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './e2e/support/chromium-args';
import type { ShellOptions } from './e2e/support/fixtures';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * End-to-end tests drive the real renderer and the real host services. The `browser` project uses
 * browser mode in Debian's Chromium; the `electron` project runs the same specs in Electron where
 * its binary is installed, and marks them skipped (with the reason) where it is not.
 */
export default defineConfig<ShellOptions>({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/support/global-setup.ts',
  outputDir: 'test-results/artifacts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1440, height: 900 },
  },
  projects: [
    {
      name: 'browser',
      use: {
        shell: 'browser',
        launchOptions: {
          executablePath: chromium,
          args: [...CHROMIUM_ARGS],
        },
      },
    },
    { name: 'electron', use: { shell: 'electron' } },
  ],
});
