import { errorMessage } from '../../../shared/text/error-message';
import { readProjectDataNamed } from './project-data';
import { projectRowsJson, type RowsReply } from './project-rows';

/*
 * The rows worker (a module worker of its own, started by `project-rows.ts`): reads every research
 * row of the database it is named, in one transaction on its own connection, and posts them back
 * as the project archive's text in UTF-8, the bytes transferred (moved, not copied).
 */

interface WorkerScope {
  onmessage: ((event: MessageEvent<{ database: string }>) => void) | null;
  postMessage(message: RowsReply, transfer: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  projectRowsJson(() => readProjectDataNamed(event.data.database)).then(
    (json) => scope.postMessage({ ok: true, json }, [json.buffer]),
    (error: unknown) => scope.postMessage({ ok: false, message: errorMessage(error) }, []),
  );
};
