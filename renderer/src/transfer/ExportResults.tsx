import { useEffect, useState } from 'react';
import { useAppServices } from '../app/app-services';
import { ErrorAlert } from '../dialogs/ErrorAlert';
import { ModalDialog } from '../dialogs/ModalDialog';
import { downloadWritten, fileNameOf } from './download-file';
import type { ExportOutcome } from './export-project';

/** Where the formats were built: in background threads of the app's main process, or in that process's own thread. */
function builtByText(threads: number): string {
  return threads === 0 ? "Built in the app's main thread (no background thread could be started)." : `Built in ${threads} background thread${threads === 1 ? '' : 's'}.`;
}

/** What an export wrote, and where; in browser mode each file can also be downloaded. */
export function ExportResults({ outcome, offerDownloads, onClose }: { outcome: ExportOutcome; offerDownloads: boolean; onClose(): void }) {
  const { client } = useAppServices();
  const [error, setError] = useState<string | null>(null);
  const download = async (path: string) => {
    const result = await downloadWritten(client, path);
    setError(result.ok ? null : `Could not download ${path}: ${result.error.message}`);
  };
  // The end of an export as the user sees it (the bench times click → this mark).
  useEffect(() => void performance.mark('export-reported'), []);
  return (
    <ModalDialog title="Export finished" onClose={onClose}>
      <div className="form">
        <ul className="export-results" aria-label="Files written">
          {outcome.written.map((entry) => (
            <li key={entry.format}>
              <strong>{entry.format}</strong>: {entry.paths.length === 1 ? <code>{entry.paths[0]}</code> : <>{entry.paths.length} files in <code>{entry.folder}</code></>}
              {offerDownloads && entry.paths.length <= 3 &&
                entry.paths.map((path) => (
                  <button key={path} type="button" className="link-button" onClick={() => void download(path)}>
                    Download {fileNameOf(path)}
                  </button>
                ))}
            </li>
          ))}
        </ul>
        {outcome.damaged > 0 && (
          <p className="warning" role="note">
            {outcome.damaged} damaged annotation{outcome.damaged === 1 ? ' was' : 's were'} left out of the formats (the project archive keeps {outcome.damaged === 1 ? 'it' : 'them'} as stored).
          </p>
        )}
        <p className="muted export-built-by">{builtByText(outcome.threads)}</p>
        <ErrorAlert message={error} />
        <div className="form-buttons">
          <button type="button" autoFocus onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
