import type { AppCommandId } from '../../../shared/contract/host-contract';
import { matchesKeyBinding } from './key-binding';

/** A user operation that keyboard, menu and toolbar all dispatch to. */
export interface AppAction {
  id: AppCommandId;
  label: string;
  keys: string;
  run(): void;
  /** Leave the key to text fields (their own undo, say) when one has focus. */
  notInTextFields?: boolean;
}

/**
 * Runs the action whose shortcut matches the key event; returns whether one did. Shortcuts with
 * a modifier work everywhere, including inside text fields.
 */
export function runActionForKey(actions: readonly AppAction[], event: KeyboardEvent, isMac: boolean): boolean {
  const inTextField = event.target instanceof HTMLElement && (event.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(event.target.tagName));
  const action = actions.find((candidate) => matchesKeyBinding(event, candidate.keys, isMac) && !(candidate.notInTextFields && inTextField));
  if (!action) return false;
  event.preventDefault();
  action.run();
  return true;
}
