import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { composeHost } from '../host/compose-host';
import { consoleLogger } from '../host/logger';
import { startHttpBridge } from './http-bridge';
import { errorMessage } from '../../shared/text/error-message';

/**
 * `npm run serve`: the real host services behind a loopback HTTP bridge, for browsers (and the
 * end-to-end tests) where Electron cannot run. Prints the URL with its one-time token.
 */
async function main(): Promise<void> {
  const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: path.join(packageRoot, 'corpus') },
      port: { type: 'string', default: '0' },
      cache: { type: 'string', default: path.join(os.homedir(), '.cache', 'research-workbench') },
      'no-cache': { type: 'boolean', default: false },
      exports: { type: 'string', default: path.join(os.homedir(), 'Research Workbench exports') },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
    process.exit(2);
  }
  const pkg = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string; productName: string };
  const host = composeHost({
    mode: 'browser',
    name: pkg.productName,
    version: pkg.version,
    platform: process.platform,
    log: consoleLogger,
    // In browser mode the person at the keyboard types the folder path into the app, exactly as
    // they would pass it to a command-line tool; the token keeps other pages from doing so.
    mayOpen: () => true,
    ...(values['no-cache'] ? {} : { cacheDir: path.resolve(values.cache) }),
    // Built beside this file (see electron.vite.config.ts).
    corpusWorkerScript: path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus-worker.js'),
    exportsDir: path.resolve(values.exports),
    exportThreadScript: path.join(path.dirname(fileURLToPath(import.meta.url)), 'export-thread.js'),
  });
  const corpusRoot = path.resolve(values.corpus);
  // Listed while the page loads, not before it is served: `corpus.list` waits for the listing.
  // (The time is for `npm run bench`, which measures from here to the library shown.)
  consoleLogger.info(`Opening corpus ${corpusRoot} at ${Date.now()} ms since the epoch`);
  void host.corpus.open(corpusRoot).catch((error: unknown) => {
    consoleLogger.warn(`Could not open the corpus at ${corpusRoot}: ${errorMessage(error)}`);
  });
  const token = randomBytes(24).toString('hex');
  const bridge = await startHttpBridge({
    dispatch: host.dispatch,
    events: host.events,
    log: consoleLogger,
    token,
    staticDir: path.join(packageRoot, 'out', 'renderer'),
    port,
  });
  console.log(`Research Workbench (browser mode) is at ${bridge.url}?token=${token}`);
  console.log(`Exports are written to ${path.resolve(values.exports)} (change with --exports DIR).`);
  console.log('Open that address in your browser; press Ctrl+C to stop.');
  const stop = async () => {
    await bridge.close();
    await host.dispose();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main();
