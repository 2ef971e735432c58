import type { HostClient } from '../../../shared/contract/host-client';

/**
 * What differs between Electron and browser mode, decided once at start-up. Components ask for a
 * capability (is there a native folder dialog?) instead of asking which shell they run in.
 */
export interface PlatformServices {
  /** Shows the native folder dialog; null when the shell has none (type a path instead). */
  pickFolder: (() => Promise<string | null>) | null;
}

export function createElectronPlatform(client: HostClient): PlatformServices {
  return {
    async pickFolder() {
      const result = await client.request('dialog.pickFolder', {});
      if (!result.ok) throw new Error(result.error.message);
      return result.value.root;
    },
  };
}

export function createBrowserPlatform(): PlatformServices {
  return { pickFolder: null };
}
