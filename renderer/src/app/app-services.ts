import { createContext, useContext } from 'react';
import type { HostClient } from '../../../shared/contract/host-client';
import type { AppInfo } from '../../../shared/contract/host-contract';
import type { WorkbenchDb } from '../db/workbench-db';
import type { PlatformServices } from '../platform/platform-services';

/** Everything the UI needs from outside React, wired once in `main.tsx`. */
export interface AppServices {
  client: HostClient;
  platform: PlatformServices;
  db: WorkbenchDb;
  info: AppInfo;
  isMac: boolean;
}

export const AppServicesContext = createContext<AppServices | null>(null);

export function useAppServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error('useAppServices must be used inside <AppServicesContext>');
  return services;
}
