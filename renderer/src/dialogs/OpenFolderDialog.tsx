import { useState, type FormEvent } from 'react';
import { ModalDialog } from './ModalDialog';
import { ErrorAlert } from './ErrorAlert';

/** Browser mode has no native folder dialog: the user types the folder's path. */
export function OpenFolderDialog({ error, onOpen, onClose }: { error: string | null; onOpen(root: string): void; onClose(): void }) {
  const [root, setRoot] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    if (root.trim()) onOpen(root.trim());
  }
  return (
    <ModalDialog title="Open a folder of articles" onClose={onClose}>
      <form onSubmit={submit} className="form">
        <label>
          Folder path
          <input autoFocus value={root} onChange={(event) => setRoot(event.target.value)} placeholder="/home/me/articles" />
        </label>
        <ErrorAlert message={error} />
        <div className="form-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" disabled={!root.trim()}>
            Open folder
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
