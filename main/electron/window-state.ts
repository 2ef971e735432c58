import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { restoreBounds, type Bounds } from './window-bounds';

/** Remembers the main window's size and position in the user-data folder. */
export function loadWindowBounds(userData: string, workAreas: readonly Bounds[]): Partial<Bounds> {
  try {
    return restoreBounds(JSON.parse(readFileSync(path.join(userData, 'window-state.json'), 'utf8')), workAreas);
  } catch {
    return restoreBounds(undefined, workAreas);
  }
}

/** Saves the bounds when the window closes; written atomically so a crash never corrupts it. */
export function rememberWindowBounds(window: BrowserWindow, userData: string): void {
  window.on('close', () => {
    const file = path.join(userData, 'window-state.json');
    try {
      writeFileSync(`${file}.tmp`, JSON.stringify(window.getNormalBounds()));
      renameSync(`${file}.tmp`, file);
    } catch {
      // Losing the window position is harmless; never block closing on it.
    }
  });
}
