import { recountMentions } from '../db/mention-count-store';
import type { WorkbenchDb } from '../db/workbench-db';
import type { UndoStack } from '../highlights/undo-stack';
import { createEntityActions, type EntityActions } from './entity-actions';
import { createEntitySelectionStore, type EntitySelectionStore } from './entity-selection';
import { createMentionPainter, type MentionPainter } from './mention-painter';
import { createMentionStyles } from './mention-styles';
import { createPaneMentions, type PaneMentions } from './pane-mentions';

/** The entity machinery shared by every pane and the Entities tab. */
export interface EntityServices {
  actions: EntityActions;
  painter: MentionPainter;
  panes: PaneMentions;
  selection: EntitySelectionStore;
  styles: { update(rules: ReadonlyArray<{ registryName: string; color: string }>): void };
  /** Checks the stored mention totals against the mentions, once per session (later calls share the first). */
  verifyCounts(): Promise<number>;
}

/** Wires the entity services over the database and the undo stack that highlights share. */
export function createEntityServices(db: WorkbenchDb, undo: UndoStack): EntityServices {
  let verified: Promise<number> | null = null;
  return {
    verifyCounts: () => (verified ??= recountMentions(db)),
    actions: createEntityActions(db, undo),
    painter: createMentionPainter(),
    panes: createPaneMentions(),
    selection: createEntitySelectionStore(),
    styles: createMentionStyles(),
  };
}
