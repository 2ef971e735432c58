import { useState } from 'react';
import type { ImportMode } from '../../../shared/export/archive-merge';
import { ARCHIVE_FORMAT_NAME } from '../../../shared/export/archive-schema';
import type { CorpusListing } from '../../../shared/model/article';
import { useAppServices } from '../app/app-services';
import { ModalDialog } from '../dialogs/ModalDialog';
import { importProjectArchive } from './import-archive';
import { importWebAnnotationFile } from './import-web-annotations';
import { errorMessage } from '../../../shared/text/error-message';
import { ErrorAlert } from '../dialogs/ErrorAlert';

/**
 * Import: a project archive (replacing the project, or merged into it) or a W3C Web Annotation
 * file. The file is read here; nothing in the project changes unless the whole import succeeds.
 */
export function ImportDialog({ listing, onClose, onMessage }: { listing: CorpusListing | null; onClose(): void; onMessage(message: string): void }) {
  const { client, db } = useAppServices();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('merge');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<string | null>(null);

  const run = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const text = await file.text();
      // Told apart without parsing twice: only an archive names this format (wherever the key sits).
      const isArchive = new RegExp(`"format"\\s*:\\s*"${ARCHIVE_FORMAT_NAME}"`).test(text);
      let summary: string;
      if (isArchive) summary = (await importProjectArchive(db, text, mode)).summary;
      else {
        if (!listing) throw new Error('Open the folder of articles the annotations belong to first.');
        summary = (await importWebAnnotationFile(db, client, listing, text)).summary;
      }
      setReport(summary);
      onMessage(`Imported ${file.name}: ${summary}`);
    } catch (failure) {
      const message = errorMessage(failure);
      setError(`${file.name} was not imported, and nothing in the project changed. ${message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalDialog title="Import" onClose={onClose}>
      <form className="form" onSubmit={(event) => (event.preventDefault(), void run())}>
        <label>
          File to import (project archive or W3C Web Annotations)
          <input type="file" accept=".json,.jsonld,application/json,application/ld+json" onChange={(event) => (setFile(event.target.files?.[0] ?? null), setReport(null), setError(null))} />
        </label>
        <fieldset>
          <legend>A project archive</legend>
          <label className="choice">
            <input type="radio" name="import-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} />
            Merge into this project (keep what is here; report what was added, skipped or conflicting)
          </label>
          <label className="choice">
            <input type="radio" name="import-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} />
            Replace this project with the archive
          </label>
        </fieldset>
        <ErrorAlert message={error} />
        {report && (
          <p className="import-report" role="status">
            {report}
          </p>
        )}
        <div className="form-buttons">
          <button type="button" onClick={onClose}>
            {report ? 'Done' : 'Cancel'}
          </button>
          <button type="submit" disabled={!file || busy}>
            {busy ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
