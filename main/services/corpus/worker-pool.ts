import { errorMessage } from '../../../shared/text/error-message';
/**
 * The part of `node:worker_threads`' Worker that the pool uses, so tests can hand it fakes. The
 * pool posts `{ id, task }` and expects one `WorkerReply` per task, in any order.
 */
export interface PoolWorker {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): Promise<number>;
  /** Lets the process exit while the worker idles (`ref` again while it works). */
  ref?(): void;
  unref?(): void;
}

/** What a worker answers to `{ id, task }`. */
export type WorkerReply<Result> = { id: number; ok: true; result: Result } | { id: number; ok: false; error: string };

export interface TaskPool<Task, Result> {
  /**
   * Runs `task` on the next free worker, or in this thread when no worker could start. A task whose
   * worker dies under it is run again in this thread; one that fails in the worker rejects.
   */
  run(task: Task): Promise<Result>;
  /**
   * Starts the workers now rather than with the first task, so that their start-up (a new V8
   * isolate and the worker's code: ~50–100 ms) overlaps whatever comes before that task.
   */
  start(): void;
  /** Threads that run tasks: 0 until the first task, and once workers could not start. */
  readonly threads: number;
  close(): Promise<void>;
}

export interface TaskPoolOptions<Task, Result> {
  /** Workers to start, on the first task; 0 runs everything in this thread. */
  size: number;
  /** Starts one worker; throwing (or the worker failing before its first answer) means "no workers". */
  startWorker: () => PoolWorker;
  /** The same work in this thread: the fallback where workers cannot run (tests, a missing script). */
  runInThread: (task: Task) => Promise<Result>;
  onFallback?: (reason: string) => void;
}

interface Slot<Task, Result> {
  worker: PoolWorker;
  /** The task it is running, if any. */
  busy: Pending<Task, Result> | null;
  /** True once it has answered a task: a failure before that means workers do not work here. */
  proven: boolean;
}

interface Pending<Task, Result> {
  id: number;
  task: Task;
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

/**
 * A fixed set of worker threads running tasks one at a time each, fed from one queue in order.
 * Workers start lazily on the first task and stay for the pool's life (they keep warm caches and
 * compiled code); while idle they do not keep the process alive.
 */
export function createTaskPool<Task, Result>(options: TaskPoolOptions<Task, Result>): TaskPool<Task, Result> {
  const slots: Slot<Task, Result>[] = [];
  const queue: Pending<Task, Result>[] = [];
  let started = false;
  let inThread = options.size <= 0;
  let closed = false;
  let nextId = 1;

  function fallBack(reason: string): void {
    if (inThread) return;
    inThread = true;
    options.onFallback?.(reason);
    for (const slot of slots.splice(0)) {
      void slot.worker.terminate().catch(() => 0);
      if (slot.busy) runHere(slot.busy);
    }
    for (const pending of queue.splice(0)) runHere(pending);
  }

  function runHere(pending: Pending<Task, Result>): void {
    options.runInThread(pending.task).then(pending.resolve, pending.reject);
  }

  function start(): void {
    started = true;
    for (let i = 0; i < options.size && !inThread; i++) {
      let worker: PoolWorker;
      try {
        worker = options.startWorker();
      } catch (error) {
        // With some workers running, the pool just stays smaller.
        if (slots.length === 0) fallBack(`a worker thread could not start: ${errorMessage(error)}`);
        return;
      }
      const slot: Slot<Task, Result> = { worker, busy: null, proven: false };
      slots.push(slot);
      worker.unref?.();
      worker.on('message', (message) => answered(slot, message as WorkerReply<Result>));
      worker.on('error', (error) => lost(slot, error.message));
      worker.on('exit', (code) => lost(slot, `exited with code ${code}`));
    }
  }

  function answered(slot: Slot<Task, Result>, reply: WorkerReply<Result>): void {
    const pending = slot.busy;
    if (!pending || pending.id !== reply.id) return;
    slot.busy = null;
    slot.proven = true;
    slot.worker.unref?.();
    if (reply.ok) pending.resolve(reply.result);
    else pending.reject(new Error(reply.error));
    dispatch();
  }

  /** A worker died: before ever answering, workers do not work here; after, only that one is lost. */
  function lost(slot: Slot<Task, Result>, reason: string): void {
    const index = slots.indexOf(slot);
    if (index === -1 || closed) return;
    if (!slot.proven) {
      fallBack(`a worker thread failed before its first task: ${reason}`);
      return;
    }
    slots.splice(index, 1);
    if (slot.busy) runHere(slot.busy);
    if (slots.length === 0) fallBack(`every worker thread stopped (last: ${reason})`);
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (slot.busy) continue;
      const pending = queue.shift();
      if (!pending) return;
      slot.busy = pending;
      slot.worker.ref?.();
      slot.worker.postMessage({ id: pending.id, task: pending.task });
    }
  }

  return {
    run(task) {
      if (closed) return Promise.reject(new Error('The worker pool is closed'));
      if (!started) start();
      if (inThread) return options.runInThread(task);
      return new Promise<Result>((resolve, reject) => {
        queue.push({ id: nextId++, task, resolve, reject });
        dispatch();
      });
    },
    start() {
      if (!started && !closed) start();
    },
    get threads() {
      return inThread ? 0 : slots.length;
    },
    async close() {
      closed = true;
      const stopping = slots.splice(0);
      for (const pending of queue.splice(0)) pending.reject(new Error('The worker pool was closed'));
      for (const slot of stopping) slot.busy?.reject(new Error('The worker pool was closed'));
      await Promise.all(stopping.map((slot) => slot.worker.terminate().catch(() => 0)));
    },
  };
}

/** The worker's side: answers each `{ id, task }` from `port` with `handle(task)`'s result or failure. */
export function answerTasks<Task, Result>(
  port: { on(event: 'message', listener: (message: unknown) => void): unknown; postMessage(message: unknown): void },
  handle: (task: Task) => Result | Promise<Result>,
): void {
  port.on('message', (message) => {
    const { id, task } = message as { id: number; task: Task };
    Promise.resolve()
      .then(() => handle(task))
      .then(
        (result) => port.postMessage({ id, ok: true, result } satisfies WorkerReply<Result>),
        (error: unknown) => port.postMessage({ id, ok: false, error: errorMessage(error) } satisfies WorkerReply<Result>),
      );
  });
}
