import type { ComponentProps } from 'react';
import { loadOnFirstUse } from '../app/load-on-first-use';
import type { ExportDialog as LoadedExportDialog } from './ExportDialog';
import type { ImportDialog as LoadedImportDialog } from './ImportDialog';

/*
 * The export and import dialogs carry every serialiser and the archive checks: chunks of their
 * own, loaded when a dialog first opens, so that the library appears without parsing them.
 */

/** The Export dialog, loaded on first use. */
export const ExportDialog = loadOnFirstUse<ComponentProps<typeof LoadedExportDialog>>(() => import('./ExportDialog').then((module) => module.ExportDialog));

/** The Import dialog, loaded on first use. */
export const ImportDialog = loadOnFirstUse<ComponentProps<typeof LoadedImportDialog>>(() => import('./ImportDialog').then((module) => module.ImportDialog));
