import { useEffect, useRef, useState } from 'react';
import type { CorpusListing } from '../../../shared/model/article';
import type { Entity } from '../../../shared/model/annotation';
import { EntityId } from '../../../shared/model/ids';
import { useAppServices } from '../app/app-services';
import { ModalDialog } from '../dialogs/ModalDialog';
import { EXPORT_FORMATS, type ExportFormatId } from '../../../shared/export/export-formats';
import { ExportResults } from './ExportResults';
import type { ExportScope } from '../../../shared/export/export-selection';
import { exportProject, fileNameWord, type ExportOutcome, type ExportProgress } from './export-project';
import { prefetchExport, type ExportPrefetch } from './export-prefetch';
import { errorMessage } from '../../../shared/text/error-message';
import { ErrorAlert } from '../dialogs/ErrorAlert';

type ScopeKind = ExportScope['kind'];

const SCOPES: ReadonlyArray<{ kind: ScopeKind; label: string }> = [
  { kind: 'project', label: 'Whole project' },
  { kind: 'articles', label: 'Chosen articles' },
  { kind: 'entity', label: 'One entity' },
  { kind: 'notebook', label: 'The notebook' },
];

/** What the dialog says while exporting, e.g. "Building and writing the formats… 3 of 6 written". */
function exportProgressText(progress: ExportProgress | null): string {
  if (!progress) return 'Sending the project…';
  return `Building and writing the formats… ${progress.done} of ${progress.total} written`;
}

/** Export: choose what (scope) and how (formats), write, then show what was written where. */
export function ExportDialog({ listing, entities, onClose, onMessage }: { listing: CorpusListing | null; entities: readonly Entity[]; onClose(): void; onMessage(message: string): void }) {
  const { client, db, info } = useAppServices();
  const [scope, setScope] = useState<ScopeKind>('project');
  const [paths, setPaths] = useState<ReadonlySet<string>>(new Set());
  const [entityId, setEntityId] = useState<string>('');
  const [formats, setFormats] = useState<ReadonlySet<ExportFormatId>>(new Set(['markdown']));
  const [csvBom, setCsvBom] = useState(false);
  const [folder, setFolder] = useState<{ folder: string | null; canPick: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exists, setExists] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);

  useEffect(() => {
    void client.request('exports.info', {}).then((result) => setFolder(result.ok ? result.value : { folder: null, canPick: false }));
  }, [client]);

  // The project's rows go to main now, while the user chooses (see export-prefetch.ts); main forgets them when the dialog closes.
  const prefetch = useRef<ExportPrefetch | null>(null);
  const hasListing = listing !== null;
  useEffect(() => {
    if (!hasListing) return;
    const read = prefetchExport(client, db);
    prefetch.current = read;
    return () => {
      read.dispose();
      if (prefetch.current === read) prefetch.current = null;
    };
  }, [client, db, hasListing]);

  const pickFolder = async () => {
    const result = await client.request('exports.pickFolder', {});
    if (result.ok && result.value.folder) setFolder({ folder: result.value.folder, canPick: true });
    else if (!result.ok) setError(result.error.message);
  };

  const toggle = <T,>(set: ReadonlySet<T>, value: T): Set<T> => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };

  const problem =
    !listing ? 'Open a folder of articles first.'
    : formats.size === 0 ? 'Choose at least one format.'
    : scope === 'articles' && paths.size === 0 ? 'Choose at least one article.'
    : scope === 'entity' && !entityId ? 'Choose an entity.'
    : !folder?.folder ? 'Choose a folder to export to.'
    : null;

  const run = async (overwrite: boolean) => {
    if (!listing || problem) return;
    setBusy(true);
    setError(null);
    setExists(null);
    try {
      const chosen: ExportScope =
        scope === 'articles' ? { kind: 'articles', paths: [...paths] }
        : scope === 'entity' ? { kind: 'entity', entityId: EntityId.parse(entityId) }
        : { kind: scope };
      const entity = entities.find((candidate) => candidate.id === entityId);
      const baseName = fileNameWord(listing.name) + (scope === 'entity' && entity ? `-${fileNameWord(entity.name)}` : scope === 'notebook' ? '-notebook' : scope === 'articles' ? '-selection' : '');
      const result = await exportProject(client, db, { scope: chosen, baseName, formats: [...formats], csvBom, overwrite, onProgress: setProgress }, prefetch.current);
      if (result.exists) setExists(result.exists);
      else if (result.error) setError(result.error);
      else {
        setOutcome(result);
        const where = result.written[0]?.folder ?? folder?.folder ?? '';
        onMessage(`Exported ${result.written.length} format${result.written.length === 1 ? '' : 's'} to ${where}${result.missing.length ? ` (${result.missing.length} article(s) no longer in the corpus were left out)` : ''}${result.damaged ? ` (${result.damaged} damaged annotation(s) left out of all but the archive)` : ''}`);
      }
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  if (outcome) return <ExportResults outcome={outcome} offerDownloads={info.mode === 'browser'} onClose={onClose} />;

  return (
    <ModalDialog title="Export" onClose={onClose}>
      <form className="form export-form" onSubmit={(event) => (event.preventDefault(), void run(false))}>
        <fieldset>
          <legend>What to export</legend>
          {SCOPES.map((option) => (
            <label key={option.kind} className="choice">
              <input type="radio" name="export-scope" checked={scope === option.kind} onChange={() => setScope(option.kind)} />
              {option.label}
            </label>
          ))}
        </fieldset>
        {scope === 'articles' && (
          <fieldset className="export-articles">
            <legend>Articles</legend>
            {listing?.articles.filter((a) => a.readable).map((article) => (
              <label key={article.path} className="choice">
                <input type="checkbox" checked={paths.has(article.path)} onChange={() => setPaths(toggle(paths, article.path))} />
                {article.meta.title || article.path}
              </label>
            ))}
          </fieldset>
        )}
        {scope === 'entity' && (
          <label>
            Entity
            <select value={entityId} onChange={(event) => setEntityId(event.target.value)}>
              <option value="">Choose an entity…</option>
              {entities.map((entity) => (
                <option key={entity.id} value={entity.id}>
                  {entity.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <fieldset>
          <legend>Formats</legend>
          {EXPORT_FORMATS.map((format) => (
            <label key={format.id} className="choice">
              <input type="checkbox" checked={formats.has(format.id)} onChange={() => setFormats(toggle(formats, format.id))} />
              {format.label} <span className="muted">— {format.description}</span>
            </label>
          ))}
          {formats.has('csv') && (
            <label className="choice">
              <input type="checkbox" checked={csvBom} onChange={() => setCsvBom(!csvBom)} />
              Start the CSV with a byte order mark (for Excel)
            </label>
          )}
        </fieldset>
        <p className="export-folder">
          Folder: <code>{folder?.folder ?? 'none chosen'}</code>{' '}
          {folder?.canPick && (
            <button type="button" onClick={() => void pickFolder()}>
              Choose folder…
            </button>
          )}
        </p>
        {exists && (
          <div className="warning" role="alert">
            <p>{exists}. Replace the existing files?</p>
            <div className="form-buttons">
              <button type="button" onClick={() => setExists(null)}>
                Keep them
              </button>
              <button type="button" onClick={() => void run(true)}>
                Replace existing files
              </button>
            </div>
          </div>
        )}
        {busy && (
          <p className="muted" role="status">
            {exportProgressText(progress)}
          </p>
        )}
        <ErrorAlert message={error} />
        {!error && problem && <p className="muted">{problem}</p>}
        <div className="form-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" disabled={busy || problem !== null} title={problem ?? undefined}>
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
