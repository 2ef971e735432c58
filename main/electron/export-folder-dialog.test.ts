import { beforeEach, describe, expect, it, vi } from 'vitest';

const showOpenDialog = vi.fn();
vi.mock('electron', () => ({ dialog: { showOpenDialog } }));

const { createExportFolderPicker } = await import('./export-folder-dialog');

describe('export folder dialog', () => {
  beforeEach(() => showOpenDialog.mockReset());

  it('asks for a folder (which may be created) on the main window, and returns it', async () => {
    const window = { id: 1 };
    showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/home/me/exports'] });
    await expect(createExportFolderPicker(() => window as never)()).resolves.toBe('/home/me/exports');
    expect(showOpenDialog).toHaveBeenCalledWith(window, expect.objectContaining({ properties: ['openDirectory', 'createDirectory'] }));
  });

  it('returns null when the user cancels, and works without a window', async () => {
    showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await expect(createExportFolderPicker(() => null)()).resolves.toBeNull();
    expect(showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ title: 'Export to folder' }));
  });
});
