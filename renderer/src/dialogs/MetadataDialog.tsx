import { useState, type FormEvent } from 'react';
import type { DerivedMetadata } from '../../../shared/model/article';
import { EDITABLE_FIELDS, type EditableMetadata } from '../db/article-meta-store';
import { effectiveMetadata } from '../../../shared/export/export-selection';
import type { ArticleMetaRecord } from '../db/workbench-db';
import { ModalDialog } from './ModalDialog';

const LABELS: Record<(typeof EDITABLE_FIELDS)[number], string> = { title: 'Title', source: 'Source', author: 'Author', date: 'Date', url: 'URL' };

interface MetadataDialogProps {
  path: string;
  derived: DerivedMetadata;
  correction: ArticleMetaRecord | undefined;
  onSave(fields: EditableMetadata): void;
  onClose(): void;
}

/** Lets the user correct an article's title, source, author, date and URL. */
export function MetadataDialog({ path, derived, correction, onSave, onClose }: MetadataDialogProps) {
  const [fields, setFields] = useState<EditableMetadata>(() => effectiveMetadata(derived, correction));
  function submit(event: FormEvent) {
    event.preventDefault();
    onSave(fields);
  }
  return (
    <ModalDialog title={`Article details: ${path}`} onClose={onClose}>
      <form onSubmit={submit} className="form">
        {EDITABLE_FIELDS.map((field) => (
          <label key={field}>
            {LABELS[field]}
            <input
              type={field === 'url' ? 'url' : 'text'}
              value={fields[field] ?? ''}
              onChange={(event) => setFields((current) => ({ ...current, [field]: event.target.value }))}
            />
          </label>
        ))}
        <p className="hint">Empty fields fall back to what the text suggests.</p>
        <div className="form-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit">Save details</button>
        </div>
      </form>
    </ModalDialog>
  );
}
