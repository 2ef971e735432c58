/*
 * Undo and redo for highlight edits. Commands do their work asynchronously (they write to
 * IndexedDB), so the stack runs one undo or redo at a time, in the order asked: pressing Ctrl+Z
 * twice quickly undoes two commands, each after the other has finished, never both at once.
 *
 * A command stays on its stack until its undo or redo has succeeded. If it fails (the transaction
 * was rolled back, so nothing changed), the command stays where it was and the error reaches the
 * caller, who can report it; the history remains consistent with the data.
 */

/** One user operation that can be taken back. `label` names it for menus ("Undo Delete highlight"). */
export interface UndoCommand {
  readonly label: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

export interface UndoStack {
  /** Records a command the caller has just performed; this discards everything that could be redone. */
  push(command: UndoCommand): void;
  /**
   * Undoes the latest command once every undo and redo asked for earlier has finished; resolves to
   * its label, or null when there was nothing to undo. Rejects with the command's error if it fails.
   */
  undo(): Promise<string | null>;
  /** Like {@link UndoStack.undo}, for the latest undone command. */
  redo(): Promise<string | null>;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Calls `listener` whenever either stack changes; returns the disposer that stops it. */
  subscribe(listener: () => void): () => void;
  /** Forgets all history, for when the data it refers to is gone (another corpus was opened). */
  clear(): void;
}

/**
 * An undo stack keeping at most `limit` commands; the oldest are dropped first. 200 is far more
 * than anyone walks back through, and bounds the memory held by the commands' closures.
 */
export function createUndoStack(limit = 200): UndoStack {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`The undo limit must be a positive integer, not ${limit}`);
  let done: UndoCommand[] = [];
  let undone: UndoCommand[] = [];
  const listeners = new Set<() => void>();
  let queue: Promise<unknown> = Promise.resolve();
  // Counters let an operation that finishes later tell what happened while it ran.
  let pushes = 0;
  let clears = 0;

  function notify(): void {
    for (const listener of [...listeners]) listener();
  }

  function enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const result = queue.then(operation);
    queue = result.catch(() => undefined);
    return result;
  }

  function remove(stack: UndoCommand[], command: UndoCommand): void {
    const index = stack.lastIndexOf(command);
    if (index >= 0) stack.splice(index, 1);
  }

  function trim(): void {
    if (done.length > limit) done.splice(0, done.length - limit);
  }

  return {
    push(command) {
      pushes += 1;
      done.push(command);
      trim();
      undone = [];
      notify();
    },

    undo() {
      return enqueue(async () => {
        const command = done.at(-1);
        if (!command) return null;
        const [pushesBefore, clearsBefore] = [pushes, clears];
        await command.undo();
        if (clears !== clearsBefore) return command.label;
        remove(done, command);
        // A command pushed meanwhile started a new branch: what was undone here can no longer be redone.
        if (pushes === pushesBefore) undone.push(command);
        notify();
        return command.label;
      });
    },

    redo() {
      return enqueue(async () => {
        const command = undone.at(-1);
        if (!command) return null;
        const clearsBefore = clears;
        await command.redo();
        if (clears !== clearsBefore) return command.label;
        remove(undone, command);
        // Even if a push emptied the redo branch meanwhile, the command has been applied again,
        // so it belongs on the undo stack.
        done.push(command);
        trim();
        notify();
        return command.label;
      });
    },

    canUndo: () => done.length > 0,
    canRedo: () => undone.length > 0,

    subscribe(listener) {
      // A wrapper makes each subscription distinct, so subscribing one function twice and
      // disposing once leaves the other subscription working.
      const entry = (): void => listener();
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },

    clear() {
      clears += 1;
      done = [];
      undone = [];
      notify();
    },
  };
}
