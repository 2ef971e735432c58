import { describe, expect, it, vi } from 'vitest';
import { createUndoStack, type UndoCommand } from './undo-stack';

/** A command over a shared log, so tests can see what ran and in which order. */
function command(label: string, log: string[], delay?: Promise<void>): UndoCommand {
  return {
    label,
    async undo() {
      log.push(`start undo ${label}`);
      await delay;
      log.push(`undo ${label}`);
    },
    async redo() {
      log.push(`start redo ${label}`);
      await delay;
      log.push(`redo ${label}`);
    },
  };
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('createUndoStack', () => {
  it('undoes and redoes in order and reports the labels', async () => {
    const log: string[] = [];
    const stack = createUndoStack();
    expect([stack.canUndo(), stack.canRedo()]).toEqual([false, false]);
    stack.push(command('highlight', log));
    stack.push(command('recolour highlight', log));

    expect(await stack.undo()).toBe('recolour highlight');
    expect(await stack.undo()).toBe('highlight');
    expect(await stack.undo()).toBeNull();
    expect([stack.canUndo(), stack.canRedo()]).toEqual([false, true]);
    expect(await stack.redo()).toBe('highlight');
    expect([stack.canUndo(), stack.canRedo()]).toEqual([true, true]);
    expect(log.filter((line) => !line.startsWith('start'))).toEqual(['undo recolour highlight', 'undo highlight', 'redo highlight']);
  });

  it('discards the redo branch when a new command is pushed', async () => {
    const stack = createUndoStack();
    stack.push(command('highlight', []));
    await stack.undo();
    stack.push(command('edit comment', []));
    expect(stack.canRedo()).toBe(false);
    expect(await stack.redo()).toBeNull();
  });

  it('runs an undo asked for during a redo only after the redo has finished', async () => {
    const log: string[] = [];
    const redoGate = deferred();
    const stack = createUndoStack();
    stack.push({
      label: 'recolour highlight',
      undo: async () => {
        log.push('undo');
      },
      redo: async () => {
        log.push('redo started');
        await redoGate.promise;
        log.push('redo finished');
      },
    });
    await stack.undo();
    log.length = 0;

    const redoing = stack.redo();
    const undoing = stack.undo();
    await new Promise((settle) => setTimeout(settle, 0));
    expect(log).toEqual(['redo started']);
    redoGate.resolve();
    expect([await redoing, await undoing]).toEqual(['recolour highlight', 'recolour highlight']);
    expect(log).toEqual(['redo started', 'redo finished', 'undo']);
    expect([stack.canUndo(), stack.canRedo()]).toEqual([false, true]);
  });

  it('keeps a command whose undo failed, so the history still matches the data', async () => {
    const stack = createUndoStack();
    let fail = true;
    stack.push({
      label: 'delete highlight',
      undo: async () => {
        if (fail) throw new Error('QuotaExceededError');
      },
      redo: async () => {},
    });
    await expect(stack.undo()).rejects.toThrow('QuotaExceededError');
    expect([stack.canUndo(), stack.canRedo()]).toEqual([true, false]);
    fail = false;
    expect(await stack.undo()).toBe('delete highlight');
  });

  it('keeps only the latest commands up to its limit', async () => {
    const stack = createUndoStack(2);
    for (const label of ['a', 'b', 'c']) stack.push(command(label, []));
    expect([await stack.undo(), await stack.undo(), await stack.undo()]).toEqual(['c', 'b', null]);
  });

  it('does not offer to redo what was undone while a new command was pushed', async () => {
    const gate = deferred();
    const log: string[] = [];
    const stack = createUndoStack();
    stack.push(command('highlight', log, gate.promise));
    const undoing = stack.undo();
    await new Promise((settle) => setTimeout(settle, 0));
    expect(log).toEqual(['start undo highlight']);
    stack.push(command('edit comment', []));
    gate.resolve();
    await undoing;
    expect(stack.canRedo()).toBe(false);
    expect(await stack.undo()).toBe('edit comment');
  });

  it('notifies subscribers of every change until they dispose of the subscription', async () => {
    const stack = createUndoStack();
    const listener = vi.fn();
    const dispose = stack.subscribe(listener);
    stack.push(command('highlight', []));
    await stack.undo();
    await stack.redo();
    stack.clear();
    expect(listener).toHaveBeenCalledTimes(4);

    dispose();
    stack.push(command('highlight', []));
    await stack.undo();
    expect(listener).toHaveBeenCalledTimes(4);
  });

  it('forgets everything on clear', async () => {
    const stack = createUndoStack();
    stack.push(command('highlight', []));
    stack.push(command('edit comment', []));
    await stack.undo();
    stack.clear();
    expect([stack.canUndo(), stack.canRedo()]).toEqual([false, false]);
  });
});
