import { runExportJob } from '../../../shared/export/export-job';
import { fromJobMessage, type ExportJobMessage } from '../../../shared/export/export-job-message';
import { errorMessage } from '../../../shared/text/error-message';
import { outputBuffers } from '../../../shared/export/encoded-output';
import type { ExportReply } from '../../../shared/export/export-job';

/*
 * An export worker (a module worker of its own, started by `export-workers.ts`): builds the
 * formats of the one job it is sent and posts each format's files back as soon as they are built,
 * their bytes transferred (moved, not copied: the page gets tens of megabytes for nothing).
 */

interface WorkerScope {
  onmessage: ((event: MessageEvent<ExportJobMessage>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => {
  const post = (reply: ExportReply) => scope.postMessage(reply, reply.kind === 'built' ? outputBuffers(reply.output) : []);
  try {
    void runExportJob(fromJobMessage(event.data), post);
  } catch (error) {
    post({ kind: 'failed', format: null, message: `its job could not be read: ${errorMessage(error)}` });
  }
};
