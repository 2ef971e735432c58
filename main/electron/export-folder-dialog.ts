import { dialog, type BrowserWindow } from 'electron';

/**
 * The native "choose a folder to export to" dialog, attached to the main window when there is one.
 * New folders can be made from it, since an export often starts a folder of its own.
 */
export function createExportFolderPicker(window: () => BrowserWindow | null): () => Promise<string | null> {
  return async () => {
    const options = { title: 'Export to folder', buttonLabel: 'Export here', properties: ['openDirectory' as const, 'createDirectory' as const] };
    const parent = window();
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
