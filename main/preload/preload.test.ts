import { describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL } from '../../shared/contract/ipc-channels';

const exposed = new Map<string, Record<string, unknown>>();
const listeners = new Map<string, (...args: unknown[]) => void>();
const ipcRenderer = {
  invoke: vi.fn(async () => ({ ok: true, value: null })),
  on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => listeners.set(channel, listener)),
  removeListener: vi.fn((channel: string) => listeners.delete(channel)),
};
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
  ipcRenderer,
}));

await import('./preload');

describe('the preload', () => {
  it('exposes exactly request and subscribe, under one name', () => {
    expect([...exposed.keys()]).toEqual(['workbench']);
    expect(Object.keys(exposed.get('workbench') ?? {}).sort()).toEqual(['request', 'subscribe']);
  });

  it('sends every request on the one request channel', async () => {
    const api = exposed.get('workbench') as { request(name: string, input: unknown): Promise<unknown> };
    await api.request('corpus.read', { path: 'a.txt' });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IPC_REQUEST_CHANNEL, 'corpus.read', { path: 'a.txt' });
  });

  it('delivers only the subscribed event and removes its listener on unsubscribe', () => {
    const api = exposed.get('workbench') as { subscribe(event: string, listener: (payload: unknown) => void): () => void };
    const seen: unknown[] = [];
    const unsubscribe = api.subscribe('corpus.changed', (payload) => seen.push(payload));
    const listener = listeners.get(IPC_EVENT_CHANNEL);
    listener?.({}, 'app.command', { id: 'open-folder' });
    listener?.({}, 'corpus.changed', { kind: 'removed', path: 'a.txt' });
    unsubscribe();
    expect(seen).toEqual([{ kind: 'removed', path: 'a.txt' }]);
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, listener);
  });
});
