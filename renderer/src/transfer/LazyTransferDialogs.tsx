import { lazy, Suspense, type ComponentProps } from 'react';
import type { ExportDialog as LoadedExportDialog } from './ExportDialog';
import type { ImportDialog as LoadedImportDialog } from './ImportDialog';

/*
 * The export and import dialogs carry every serialiser and the archive checks: chunks of their
 * own, loaded when a dialog first opens, so that the library appears without parsing them.
 */
const ExportDialogChunk = lazy(() => import('./ExportDialog').then((module) => ({ default: module.ExportDialog })));
const ImportDialogChunk = lazy(() => import('./ImportDialog').then((module) => ({ default: module.ImportDialog })));

/** The Export dialog, loaded on first use. */
export function ExportDialog(props: ComponentProps<typeof LoadedExportDialog>) {
  return (
    <Suspense fallback={null}>
      <ExportDialogChunk {...props} />
    </Suspense>
  );
}

/** The Import dialog, loaded on first use. */
export function ImportDialog(props: ComponentProps<typeof LoadedImportDialog>) {
  return (
    <Suspense fallback={null}>
      <ImportDialogChunk {...props} />
    </Suspense>
  );
}
