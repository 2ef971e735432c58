import type { HostTransport } from '../../shared/contract/host-client';
import { createElectronTransport } from './host/electron-transport';
import { createHttpTransport, takeBrowserToken } from './host/http-transport';
import { createPrefetchingTransport } from './host/prefetching-transport';
import { errorMessage } from '../../shared/text/error-message';

/**
 * The renderer's entry: small on purpose. It picks the transport (Electron's preload provides
 * `window.workbench`; without it we are in browser mode and talk HTTP), sends the requests the
 * first screen waits for (the listing above all), and only then loads the app, so that main
 * answers while the app's code is fetched, parsed and run.
 */
async function boot(root: HTMLElement): Promise<void> {
  let base: HostTransport;
  if (window.workbench) {
    base = createElectronTransport(window.workbench);
  } else {
    const token = takeBrowserToken(window.location, window.history, window.sessionStorage);
    if (!token) {
      root.textContent = 'This page needs its access token: open the full address printed by `npm run serve`.';
      return;
    }
    base = createHttpTransport(token);
  }
  const transport = createPrefetchingTransport(base, [
    { name: 'corpus.list', input: {} },
    { name: 'app.info', input: {} },
  ]);
  try {
    const { startApp } = await import('./start-app');
    await startApp(root, transport, Boolean(window.workbench));
  } catch (error) {
    console.error('The workbench could not start', error);
    root.textContent = `The workbench could not start: ${errorMessage(error)}`;
  }
}

const root = document.getElementById('root');
if (root) void boot(root);
