import { useState, type FormEvent } from 'react';
import { ModalDialog } from './ModalDialog';
import { ErrorAlert } from './ErrorAlert';

/**
 * Browser mode has no native folder dialog: the user types the folder's path. While main lists
 * the folder (a second or so for 10,000 articles never opened before) the dialog says so and
 * does not take the same folder twice.
 */
export function OpenFolderDialog({ error, opening, onOpen, onClose }: { error: string | null; opening: boolean; onOpen(root: string): void; onClose(): void }) {
  const [root, setRoot] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    if (root.trim() && !opening) onOpen(root.trim());
  }
  return (
    <ModalDialog title="Open a folder of articles" onClose={onClose}>
      <form onSubmit={submit} className="form">
        <label>
          Folder path
          <input autoFocus value={root} onChange={(event) => setRoot(event.target.value)} placeholder="/home/me/articles" />
        </label>
        {opening ? (
          <p role="status" className="form-status">
            Reading the folder’s articles…
          </p>
        ) : (
          <ErrorAlert message={error} />
        )}
        <div className="form-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" disabled={!root.trim() || opening}>
            {opening ? 'Opening…' : 'Open folder'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
