import { runExportJob, type ExportJob } from '../../../shared/export/export-job';

/*
 * An export worker (a module worker of its own, started by `export-workers.ts`): builds the
 * formats of the one job it is sent and posts each format's files back as soon as they are built.
 */

interface WorkerScope {
  onmessage: ((event: MessageEvent<ExportJob>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => void runExportJob(event.data, (reply) => scope.postMessage(reply));
