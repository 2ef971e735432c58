import type { HostTransport } from '../../../shared/contract/host-client';

/** The object the preload exposes as `window.workbench` (and nothing more). */
export interface PreloadBridge {
  request(name: string, input: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    workbench?: PreloadBridge;
  }
}

/** Electron: requests and events go through the preload's two functions. */
export function createElectronTransport(bridge: PreloadBridge): HostTransport {
  return { send: (name, input) => bridge.request(name, input), listen: (event, listener) => bridge.subscribe(event, listener) };
}
