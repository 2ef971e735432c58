import type { HostTransport } from '../../../shared/contract/host-client';
import { compactBytes } from './compact-bytes';

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

/** Electron: requests and events go through the preload's two functions; byte arrays are sent compact (`compact-bytes.ts`). */
export function createElectronTransport(bridge: PreloadBridge): HostTransport {
  return { send: (name, input) => bridge.request(name, compactBytes(input)), listen: (event, listener) => bridge.subscribe(event, listener) };
}
