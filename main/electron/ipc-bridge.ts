import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL } from '../../shared/contract/ipc-channels';
import { fail } from '../../shared/contract/host-result';
import type { Dispatch } from '../host/dispatch';
import type { EventHub } from '../host/event-hub';
import type { Logger } from '../host/logger';

export interface IpcBridgeOptions {
  dispatch: Dispatch;
  events: EventHub;
  log: Logger;
  /** True only for the app's own page in its main frame. */
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean;
  /** The web contents that receive host events. */
  targets: () => WebContents[];
}

/**
 * Electron's transport: one invoke channel for every contract request, answered by `dispatch`,
 * and one channel on which host events are pushed. Returns the disposer.
 */
export function registerIpcBridge(options: IpcBridgeOptions): () => void {
  ipcMain.handle(IPC_REQUEST_CHANNEL, async (event, name: unknown, input: unknown) => {
    if (!options.isTrustedSender(event)) {
      options.log.warn(`Refused an IPC request from ${event.senderFrame?.url ?? 'an unknown frame'}`);
      return fail('forbidden', 'Requests are accepted only from the app’s own page');
    }
    if (typeof name !== 'string') return fail('unknown-request', 'The request name must be a string');
    return options.dispatch(name, input);
  });
  const detach = options.events.on((name, payload) => {
    for (const contents of options.targets()) {
      if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, name, payload);
    }
  });
  return () => {
    detach();
    ipcMain.removeHandler(IPC_REQUEST_CHANNEL);
  };
}
