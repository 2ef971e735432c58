/** Electron IPC channel names: one for every request, one for every event. */
export const IPC_REQUEST_CHANNEL = 'workbench:request';
export const IPC_EVENT_CHANNEL = 'workbench:event';
