import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHostClient, type HostTransport } from '../../shared/contract/host-client';
import { App } from './app/App';
import { AppServicesContext, type AppServices } from './app/app-services';
import { WorkbenchDb } from './db/workbench-db';
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
 * The renderer's composition root, loaded by `boot.ts` once the transport is chosen and the
 * first requests are on their way. `electron` says which shell we run in.
 */
export async function startApp(root: HTMLElement, transport: HostTransport, electron: boolean): Promise<void> {
  const client = createHostClient(transport);
  // The listing is the biggest answer the app waits for: boot.ts sent it before this module loaded.
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
