import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHostClient, type HostTransport } from '../../shared/contract/host-client';
import { App } from './app/App';
import { AppServicesContext, type AppServices } from './app/app-services';
import { WorkbenchDb } from './db/workbench-db';
import { createElectronTransport } from './host/electron-transport';
import { createHttpTransport, takeBrowserToken } from './host/http-transport';
import { createEntityServices } from './entities/entity-services';
import { createHighlightActions } from './highlights/highlight-actions';
import { createHighlightPainter } from './highlights/highlight-painter';
import { createLegendStyles } from './highlights/legend-styles';
import { createPaneSurfaces } from './highlights/pane-surfaces';
import { createUndoStack } from './highlights/undo-stack';
import { createBrowserPlatform, createElectronPlatform } from './platform/platform-services';
import './styles/app.css';
import './styles/entities.css';

/**
 * The renderer's composition root: the one place that knows which shell it runs in. Electron's
 * preload provides `window.workbench`; without it we are in browser mode and talk HTTP.
 */
async function start(root: HTMLElement): Promise<void> {
  let transport: HostTransport;
  let electron = false;
  if (window.workbench) {
    transport = createElectronTransport(window.workbench);
    electron = true;
  } else {
    const token = takeBrowserToken(window.location, window.history, window.sessionStorage);
    if (!token) {
      root.textContent = 'This page needs its access token: open the full address printed by `npm run serve`.';
      return;
    }
    transport = createHttpTransport(token);
  }
  const client = createHostClient(transport);
  // The listing is the biggest answer the app waits for; ask for it before anything else.
  const initialListing = client.request('corpus.list', {});
  const info = await client.request('app.info', {});
  if (!info.ok) {
    root.textContent = `Could not reach the workbench host: ${info.error.message}`;
    return;
  }
  const db = new WorkbenchDb();
  const undo = createUndoStack();
  const services: AppServices = {
    client,
    platform: electron ? createElectronPlatform(client) : createBrowserPlatform(),
    db,
    highlights: {
      painter: createHighlightPainter(),
      surfaces: createPaneSurfaces(),
      actions: createHighlightActions(db, undo),
      undo,
      legendStyles: createLegendStyles(),
    },
    entities: createEntityServices(db, undo),
    info: info.value,
    initialListing,
    isMac: navigator.platform.toLowerCase().includes('mac'),
  };
  createRoot(root).render(
    <StrictMode>
      <AppServicesContext.Provider value={services}>
        <App />
      </AppServicesContext.Provider>
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root) void start(root);
