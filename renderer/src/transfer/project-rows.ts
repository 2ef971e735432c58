import { toProjectArchive } from '../../../shared/export/project-archive';
import { errorMessage } from '../../../shared/text/error-message';
import type { WorkbenchDb } from '../db/workbench-db';
import { readProjectData } from './project-data';

/*
 * The project's rows as an export sends them to main: the project archive's text (main checks every
 * row against the archive's schema, and writes the text as it is when the archive is exported),
 * as UTF-8 bytes. Read and encoded in a module worker of
 * its own (`project-rows-worker.ts`), on its own connection to the database, so that the window's
 * thread stays free while the Export dialog is open (50,000 annotations: ~23 MB); in this thread
 * where no worker can be had.
 */

const encoder = new TextEncoder();

/** The rows `read` gives, as the project archive's text in UTF-8. */
export async function projectRowsJson(read: () => ReturnType<typeof readProjectData>): Promise<Uint8Array<ArrayBuffer>> {
  return encoder.encode(toProjectArchive(await read()));
}

/** What the rows worker answers: the bytes, or why it could not read them. */
export type RowsReply = { ok: true; json: Uint8Array<ArrayBuffer> } | { ok: false; message: string };

/** Starts the rows worker (Vite emits it as a file of its own); throws when workers cannot be had. */
export type StartRowsWorker = () => Worker;

export const startRowsWorker: StartRowsWorker = () => {
  if (typeof Worker === 'undefined') throw new Error('this window has no Worker');
  return new Worker(new URL('./project-rows-worker.ts', import.meta.url), { type: 'module', name: 'export rows' });
};

/**
 * The rows of `db` as {@link projectRowsJson} gives them, read in a worker; in this thread when the
 * worker cannot start or fails to load (it says so in the console). A failed read rejects.
 */
export function readProjectRowsJson(db: WorkbenchDb, start: StartRowsWorker = startRowsWorker): Promise<Uint8Array<ArrayBuffer>> {
  const here = (why: string) => {
    console.warn(`Export: reading the project's rows in the window's thread (${why})`);
    return projectRowsJson(() => readProjectData(db));
  };
  let worker: Worker;
  try {
    worker = start();
  } catch (error) {
    return here(errorMessage(error));
  }
  return new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<RowsReply>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.json);
      else reject(new Error(`The project's rows could not be read: ${event.data.message}`));
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      worker.terminate();
      here(event.message || 'its worker failed to start').then(resolve, reject);
    };
    worker.postMessage({ database: db.name });
  });
}
