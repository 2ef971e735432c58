import { useEffect } from 'react';
import { ModalDialog } from '../dialogs/ModalDialog';
import type { ExportOutcome } from './run-export';
import { downloadFile } from './write-export';

/** Where the formats were built: in background workers, or (when none could be had) in the window's own thread. */
function builtByText(builtBy: ExportOutcome['builtBy']): string {
  const workers = builtBy.workers === 0 ? '' : `Built in ${builtBy.workers} background worker${builtBy.workers === 1 ? '' : 's'}`;
  const inThread = builtBy.inThread.length === 0 ? '' : `${builtBy.inThread.join(', ')} built in the window's own thread (no background worker could be started)`;
  return [workers, inThread].filter(Boolean).join('; ') + '.';
}

/** What an export wrote, and where; in browser mode each file can also be downloaded. */
export function ExportResults({ outcome, offerDownloads, onClose }: { outcome: ExportOutcome; offerDownloads: boolean; onClose(): void }) {
  // The end of an export as the user sees it (the bench times click → this mark).
  useEffect(() => void performance.mark('export-reported'), []);
  return (
    <ModalDialog title="Export finished" onClose={onClose}>
      <div className="form">
        <ul className="export-results" aria-label="Files written">
          {outcome.written.map((entry) => (
            <li key={entry.format}>
              <strong>{entry.format}</strong>: {entry.paths.length === 1 ? <code>{entry.paths[0]}</code> : <>{entry.paths.length} files in <code>{entry.folder}</code></>}
              {offerDownloads && entry.files.length <= 3 &&
                entry.files.map((file) => (
                  <button key={file.name} type="button" className="link-button" onClick={() => downloadFile(file)}>
                    Download {file.name}
                  </button>
                ))}
            </li>
          ))}
        </ul>
        <p className="muted export-built-by">{builtByText(outcome.builtBy)}</p>
        <div className="form-buttons">
          <button type="button" autoFocus onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
