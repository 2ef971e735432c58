import { sanitiseLayout, type PaneLayout } from '../reader/pane-layout';
import type { WorkbenchDb } from './workbench-db';

const MAIN_LAYOUT = 'main';

/** The stored layout, or null when there is none or it is unreadable (then the reader starts fresh). */
export async function loadLayout(db: WorkbenchDb): Promise<PaneLayout | null> {
  try {
    const record = await db.layouts.get(MAIN_LAYOUT);
    const layout = record ? sanitiseLayout(record.layout) : null;
    if (record && !layout) console.warn('The stored pane layout was unreadable; starting with one empty pane');
    return layout;
  } catch (error) {
    console.warn('Could not read the stored pane layout', error);
    return null;
  }
}

export async function saveLayout(db: WorkbenchDb, layout: PaneLayout): Promise<void> {
  await db.layouts.put({ id: MAIN_LAYOUT, layout, updatedAt: Date.now() });
}
