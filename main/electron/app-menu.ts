import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { AppCommandId } from '../../shared/contract/host-contract';

/**
 * The application menu: the platform's usual roles plus the app's own commands, which are sent to
 * the renderer's action registry so menu, keyboard and toolbar run the same code.
 */
export function buildAppMenu(sendCommand: (id: AppCommandId) => void, isMac: boolean): Menu {
  const command = (label: string, id: AppCommandId, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    // The renderer's keyboard handler owns these keys, so the menu only shows them.
    registerAccelerator: false,
    click: () => sendCommand(id),
  });
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        command('Open Folder…', 'open-folder', 'CmdOrCtrl+O'),
        { type: 'separator' },
        command('Export…', 'export', 'CmdOrCtrl+Shift+E'),
        command('Import…', 'import'),
        { type: 'separator' }, isMac ? { role: 'close' } : { role: 'quit' }],
    },
    {
      // Undo and redo are the app's (highlights, across panes); text fields keep their own.
      label: 'Edit',
      submenu: [
        command('Undo', 'undo', 'CmdOrCtrl+Z'),
        command('Redo', 'redo', 'Shift+CmdOrCtrl+Z'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        command('New Pane', 'new-pane', 'CmdOrCtrl+Shift+N'),
        command('Focus Next Pane', 'focus-next-pane', 'CmdOrCtrl+]'),
        command('Focus Previous Pane', 'focus-previous-pane', 'CmdOrCtrl+['),
        command('Synchronised Scrolling', 'toggle-sync-scroll', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
