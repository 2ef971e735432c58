import { ModalDialog } from '../dialogs/ModalDialog';
import type { ExportOutcome } from './run-export';
import { downloadFile } from './write-export';

/** What an export wrote, and where; in browser mode each file can also be downloaded. */
export function ExportResults({ outcome, offerDownloads, onClose }: { outcome: ExportOutcome; offerDownloads: boolean; onClose(): void }) {
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
        <div className="form-buttons">
          <button type="button" autoFocus onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
