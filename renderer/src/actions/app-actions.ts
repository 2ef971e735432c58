import type { AppCommandId } from '../../../shared/contract/host-contract';
import { matchesKeyBinding } from './key-binding';

/** A user operation that keyboard, menu and toolbar all dispatch to. */
export interface AppAction {
  id: AppCommandId;
  label: string;
  keys: string;
  run(): void;
}

/**
 * Runs the action whose shortcut matches the key event; returns whether one did. Shortcuts with
 * a modifier work everywhere, including inside text fields.
 */
export function runActionForKey(actions: readonly AppAction[], event: KeyboardEvent, isMac: boolean): boolean {
  const action = actions.find((candidate) => matchesKeyBinding(event, candidate.keys, isMac));
  if (!action) return false;
  event.preventDefault();
  action.run();
  return true;
}
