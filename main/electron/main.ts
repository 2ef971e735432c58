import { app, dialog, Menu, type BrowserWindow } from 'electron';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeHost } from '../host/compose-host';
import { consoleLogger } from '../host/logger';
import { buildAppMenu } from './app-menu';
import { createExportFolderPicker } from './export-folder-dialog';
import { registerIpcBridge } from './ipc-bridge';
import { folderFromArgs } from './command-line';
import { createMainWindow } from './main-window';

/**
 * Electron's composition root: the same host as browser mode, reached over IPC. The bundled
 * corpus (or `--corpus DIR`) is opened at start; other folders only through the native dialog.
 * Exports go to a folder picked in the native dialog, or to `--exports DIR` until one is.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const appRoot = app.getAppPath();

// Tests (and careful users) can keep a separate profile; set before anything reads userData.
if (process.env.WORKBENCH_USER_DATA) app.setPath('userData', process.env.WORKBENCH_USER_DATA);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const chosenRoots = new Set<string>();
  const bundledCorpus = app.isPackaged ? path.join(process.resourcesPath, 'corpus') : path.join(appRoot, 'corpus');
  const startCorpus = folderFromArgs(process.argv, 'corpus') ?? bundledCorpus;
  // A folder named with `--exports DIR` is one the user chose, as in browser mode (the dialog still offers others).
  const exportsDir = folderFromArgs(process.argv, 'exports');
  chosenRoots.add(startCorpus);
  let mainWindow: BrowserWindow | null = null;

  const pkg = JSON.parse(readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { productName: string };
  const host = composeHost({
    mode: 'electron',
    name: pkg.productName,
    version: app.getVersion(),
    platform: process.platform,
    log: consoleLogger,
    mayOpen: (root) => chosenRoots.has(path.resolve(root)),
    cacheDir: path.join(app.getPath('userData'), 'listing-cache'),
    corpusWorkerScript: path.join(here, 'corpus-worker.js'),
    exportThreadScript: path.join(here, 'export-thread.js'),
    ...(exportsDir ? { exportsDir } : {}),
    pickFolder: async () => {
      const options = { title: 'Open a folder of articles', properties: ['openDirectory' as const] };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      const root = result.canceled ? undefined : result.filePaths[0];
      if (!root) return null;
      chosenRoots.add(path.resolve(root));
      return root;
    },
    pickExportFolder: createExportFolderPicker(() => mainWindow),
  });

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.on('window-all-closed', () => {
    void host.dispose().finally(() => app.quit());
  });

  void app.whenReady().then(async () => {
    // Listed while the window loads: `corpus.list` waits for the listing.
    void host.corpus.open(startCorpus).catch((error: unknown) => consoleLogger.warn(`Could not open ${startCorpus}: ${String(error)}`));
    const created = createMainWindow({
      rendererIndex: path.join(here, '..', 'renderer', 'index.html'),
      preload: path.join(here, '..', 'preload', 'index.cjs'),
      userData: app.getPath('userData'),
    });
    mainWindow = created.window;
    registerIpcBridge({
      dispatch: host.dispatch,
      events: host.events,
      log: consoleLogger,
      isTrustedSender: created.isTrustedSender,
      targets: () => (mainWindow && !mainWindow.isDestroyed() ? [mainWindow.webContents] : []),
    });
    Menu.setApplicationMenu(buildAppMenu((id) => host.events.emit('app.command', { id }), process.platform === 'darwin'));
  });
}
