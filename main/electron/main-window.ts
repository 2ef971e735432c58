import { BrowserWindow, screen, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadWindowBounds, rememberWindowBounds } from './window-state';

export interface MainWindowOptions {
  rendererIndex: string;
  preload: string;
  userData: string;
}

/**
 * Creates the one app window with the renderer locked down: isolated, sandboxed, no Node, no
 * navigation away from the app, no new windows. Returns it with a check that an IPC message
 * comes from this window's own page in its main frame.
 */
export function createMainWindow(options: MainWindowOptions): { window: BrowserWindow; isTrustedSender: (event: IpcMainInvokeEvent) => boolean } {
  const bounds = loadWindowBounds(options.userData, screen.getAllDisplays().map((display) => display.workArea));
  const window = new BrowserWindow({
    ...bounds,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Research Workbench',
    backgroundColor: '#fbfaf7',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  rememberWindowBounds(window, options.userData);
  const appUrl = pathToFileURL(options.rendererIndex).href;
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event, url) => {
    if (url !== appUrl) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  window.once('ready-to-show', () => window.show());
  void window.loadFile(path.resolve(options.rendererIndex));

  const isTrustedSender = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    return (
      event.sender === window.webContents &&
      frame !== null &&
      frame === window.webContents.mainFrame &&
      frame.url.split('#')[0] === appUrl
    );
  };
  return { window, isTrustedSender };
}
