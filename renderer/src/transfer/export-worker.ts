import { runExportJob, type ExportJob, type ExportReply } from '../../../shared/export/export-job';
import { fromJobMessage, type ExportJobMessage, type ReadAheadMessage } from '../../../shared/export/export-job-message';
import { outputBuffers } from '../../../shared/export/encoded-output';
import { errorMessage } from '../../../shared/text/error-message';
import { readStoredAnnotations } from './project-data';
import { RowReadings } from './row-readings';

/*
 * An export worker (a module worker of its own, started by `export-workers.ts`): builds the
 * formats of the one job it is sent and posts each format's files back as soon as they are built,
 * their bytes transferred (moved, not copied: the page gets tens of megabytes for nothing). A job
 * naming a database has its annotation rows read from it here, on this thread, started by a
 * read-ahead message when the window has sent one (the latest, when it sent more).
 */

interface WorkerScope {
  onmessage: ((event: MessageEvent<ExportJobMessage | ReadAheadMessage>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;
const readings = new RowReadings(readStoredAnnotations);

async function jobOf(message: ExportJobMessage): Promise<ExportJob> {
  return fromJobMessage(message, message.database !== null ? await readings.rows(message.database) : null);
}

scope.onmessage = (event) => {
  const post = (reply: ExportReply) => scope.postMessage(reply, reply.kind === 'built' ? outputBuffers(reply.output) : []);
  const message = event.data;
  if ('readAhead' in message) {
    // A failure is reported by the job that awaits this read.
    readings.readAhead(message.readAhead).catch(() => {});
    return;
  }
  jobOf(message).then(
    (job) => runExportJob(job, post),
    (error: unknown) => post({ kind: 'failed', format: null, message: `its job could not be read: ${errorMessage(error)}` }),
  );
};
