import { contextBridge, ipcRenderer } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL } from '../../shared/contract/ipc-channels';
import type { HostTransport } from '../../shared/contract/host-client';

/**
 * The whole surface the page gets: `request` and `subscribe`, over the two fixed channels. No
 * other IPC is reachable from the renderer; the typed client in the renderer checks every answer.
 */
const workbenchBridge: HostTransport = {
  send: (name, input) => ipcRenderer.invoke(IPC_REQUEST_CHANNEL, name, input),
  listen(event, listener) {
    const onEvent = (_event: unknown, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, onEvent);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, onEvent);
    };
  },
};

contextBridge.exposeInMainWorld('workbench', {
  request: workbenchBridge.send,
  subscribe: workbenchBridge.listen,
});
