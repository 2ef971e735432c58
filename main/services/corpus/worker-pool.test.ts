import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { answerTasks, createTaskPool, type PoolWorker, type WorkerReply } from './worker-pool';

/** A worker thread stand-in: records what it is sent, answers when the test says so. */
class FakeWorker extends EventEmitter implements PoolWorker {
  readonly received: Array<{ id: number; task: number }> = [];
  terminated = false;
  refs = 0;

  postMessage(message: unknown): void {
    this.received.push(message as { id: number; task: number });
  }

  /** Answers the last task it received with `task * 10`, or a failure. */
  answer(failure?: string): void {
    const { id, task } = this.received.at(-1) ?? { id: -1, task: 0 };
    const reply: WorkerReply<number> = failure ? { id, ok: false, error: failure } : { id, ok: true, result: task * 10 };
    this.emit('message', reply);
  }

  async terminate(): Promise<number> {
    this.terminated = true;
    return 0;
  }

  ref(): void {
    this.refs += 1;
  }

  unref(): void {
    this.refs -= 1;
  }
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function poolOf(workers: FakeWorker[], onFallback = vi.fn()) {
  let started = 0;
  const runInThread = vi.fn(async (task: number) => -task);
  const pool = createTaskPool<number, number>({
    size: workers.length,
    startWorker: () => {
      const worker = workers[started++];
      if (!worker) throw new Error('no more workers');
      return worker;
    },
    runInThread,
    onFallback,
  });
  return { pool, runInThread, onFallback };
}

describe('createTaskPool', () => {
  it('runs every task in this thread when it has no workers', async () => {
    const runInThread = vi.fn(async (task: number) => task + 1);
    const pool = createTaskPool<number, number>({ size: 0, startWorker: () => new FakeWorker(), runInThread });
    expect(await Promise.all([pool.run(1), pool.run(2)])).toEqual([2, 3]);
    expect(pool.threads).toBe(0);
  });

  it('gives each worker one task at a time, in queue order, and matches answers by id', async () => {
    const a = new FakeWorker();
    const b = new FakeWorker();
    const { pool, runInThread } = poolOf([a, b]);
    const results = [1, 2, 3, 4].map((task) => pool.run(task));
    expect(pool.threads).toBe(2);
    // A busy worker keeps the process alive (unref'd when started, ref'd for each task).
    expect([a.refs, b.refs]).toEqual([0, 0]);
    expect(a.received.map((m) => m.task)).toEqual([1]);
    expect(b.received.map((m) => m.task)).toEqual([2]);
    b.answer();
    expect(b.received.map((m) => m.task)).toEqual([2, 3]);
    a.answer();
    expect(a.received.map((m) => m.task)).toEqual([1, 4]);
    a.answer();
    b.answer();
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40]);
    expect(runInThread).not.toHaveBeenCalled();
    // Idle ones do not.
    expect([a.refs, b.refs]).toEqual([-1, -1]);
  });

  it('starts its workers when asked, before any task, once, and not after it is closed', async () => {
    const a = new FakeWorker();
    const b = new FakeWorker();
    const { pool, runInThread } = poolOf([a, b]);
    expect(pool.threads).toBe(0);
    pool.start();
    pool.start();
    expect(pool.threads).toBe(2);
    // Started but idle: they do not keep the process alive.
    expect([a.refs, b.refs]).toEqual([-1, -1]);
    const result = pool.run(5);
    expect(a.received.map((m) => m.task)).toEqual([5]);
    a.answer();
    expect(await result).toBe(50);
    expect(runInThread).not.toHaveBeenCalled();

    const closed = poolOf([new FakeWorker()]);
    await closed.pool.close();
    closed.pool.start();
    expect(closed.pool.threads).toBe(0);
  });

  it('rejects a task the worker reports as failed, and goes on with the next', async () => {
    const a = new FakeWorker();
    const { pool } = poolOf([a]);
    const failing = pool.run(1);
    const next = pool.run(2);
    a.answer('bad bytes');
    await expect(failing).rejects.toThrow('bad bytes');
    a.answer();
    expect(await next).toBe(20);
  });

  it('runs everything in this thread when no worker can start', async () => {
    const onFallback = vi.fn();
    const runInThread = vi.fn(async (task: number) => -task);
    const pool = createTaskPool<number, number>({
      size: 2,
      startWorker: () => {
        throw new Error('no more workers');
      },
      runInThread,
      onFallback,
    });
    expect(await pool.run(5)).toBe(-5);
    expect(runInThread).toHaveBeenCalledWith(5);
    expect(onFallback).toHaveBeenCalledWith(expect.stringContaining('no more workers'));
    expect(pool.threads).toBe(0);
  });

  it('falls back to this thread, with the task it was given, when a worker fails before its first answer', async () => {
    const a = new FakeWorker();
    const { pool, onFallback } = poolOf([a]);
    const result = pool.run(7);
    const queued = pool.run(8);
    a.emit('error', new Error('Cannot find module corpus-worker.js'));
    expect(await Promise.all([result, queued])).toEqual([-7, -8]);
    expect(onFallback).toHaveBeenCalledWith(expect.stringContaining('Cannot find module'));
    expect(a.terminated).toBe(true);
    expect(await pool.run(9)).toBe(-9);
  });

  it('re-runs the task of a worker that dies after it has worked, and keeps the other worker', async () => {
    const a = new FakeWorker();
    const b = new FakeWorker();
    const { pool, onFallback } = poolOf([a, b]);
    const first = [pool.run(1), pool.run(2)];
    a.answer();
    b.answer();
    await Promise.all(first);
    const lost = pool.run(3);
    a.emit('exit', 1);
    expect(await lost).toBe(-3);
    expect(pool.threads).toBe(1);
    expect(onFallback).not.toHaveBeenCalled();
    const next = pool.run(4);
    b.answer();
    expect(await next).toBe(40);
  });

  it('rejects queued and running tasks when closed, and stops its workers', async () => {
    const a = new FakeWorker();
    const { pool } = poolOf([a]);
    const running = pool.run(1);
    const queued = pool.run(2);
    await pool.close();
    await expect(running).rejects.toThrow('closed');
    await expect(queued).rejects.toThrow('closed');
    expect(a.terminated).toBe(true);
    await expect(pool.run(3)).rejects.toThrow('closed');
  });
});

describe('answerTasks', () => {
  it('answers each task with its result or its failure, by id', async () => {
    const port = new EventEmitter() as EventEmitter & { postMessage: (message: unknown) => void };
    const replies: unknown[] = [];
    port.postMessage = (message) => replies.push(message);
    answerTasks<number, number>(port, (task) => {
      if (task < 0) throw new Error('negative');
      return task * 2;
    });
    port.emit('message', { id: 1, task: 4 });
    port.emit('message', { id: 2, task: -1 });
    await tick();
    expect(replies).toEqual([
      { id: 1, ok: true, result: 8 },
      { id: 2, ok: false, error: 'negative' },
    ]);
  });
});

describe('createTaskPool with real worker threads', () => {
  it('runs tasks on them and lets the process exit once idle', async () => {
    const source = `
      const { parentPort } = require('node:worker_threads');
      parentPort.on('message', ({ id, task }) => parentPort.postMessage({ id, ok: true, result: task * task }));
    `;
    const pool = createTaskPool<number, number>({
      size: 2,
      startWorker: () => new Worker(source, { eval: true }),
      runInThread: async () => {
        throw new Error('should run on a worker');
      },
    });
    expect(await Promise.all([1, 2, 3, 4, 5].map((task) => pool.run(task)))).toEqual([1, 4, 9, 16, 25]);
    expect(pool.threads).toBe(2);
    await pool.close();
  });

  it('falls back to this thread when the worker script does not exist', async () => {
    const onFallback = vi.fn();
    const pool = createTaskPool<number, number>({
      size: 1,
      startWorker: () => new Worker(new URL('./no-such-worker.js', import.meta.url)),
      runInThread: async (task) => task + 100,
      onFallback,
    });
    expect(await pool.run(1)).toBe(101);
    expect(onFallback).toHaveBeenCalledOnce();
    await pool.close();
  });
});
