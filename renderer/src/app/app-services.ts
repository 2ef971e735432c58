import { createContext, useContext } from 'react';
import type { HostClient } from '../../../shared/contract/host-client';
import type { AppInfo } from '../../../shared/contract/host-contract';
import type { Result } from '../../../shared/contract/host-result';
import type { CorpusListing } from '../../../shared/model/article';
import type { WorkbenchDb } from '../db/workbench-db';
import type { EntityServices } from '../entities/entity-services';
import type { HighlightActions } from '../highlights/highlight-actions';
import type { HighlightPainter } from '../highlights/highlight-painter';
import type { PaneSurfaces } from '../highlights/pane-surfaces';
import type { UndoStack } from '../highlights/undo-stack';
import type { PlatformServices } from '../platform/platform-services';

/** The highlighting machinery shared by every pane. */
export interface HighlightServices {
  painter: HighlightPainter;
  surfaces: PaneSurfaces;
  actions: HighlightActions;
  undo: UndoStack;
  legendStyles: { update(rules: Array<{ registryName: string; color: string }>): void };
}

/** Everything the UI needs from outside React, wired once in `start-app.tsx`. */
export interface AppServices {
  client: HostClient;
  platform: PlatformServices;
  db: WorkbenchDb;
  info: AppInfo;
  isMac: boolean;
  highlights: HighlightServices;
  entities: EntityServices;
  /** The corpus listing, requested at start-up in parallel with everything else. */
  initialListing?: Promise<Result<CorpusListing | null>>;
}

export const AppServicesContext = createContext<AppServices | null>(null);

export function useAppServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error('useAppServices must be used inside <AppServicesContext>');
  return services;
}
