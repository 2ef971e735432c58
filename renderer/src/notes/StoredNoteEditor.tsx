import type { LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import type { NoteRecord } from '../../../shared/model/note';
import { DamagedNote } from './DamagedNote';
import { NoteEditor } from './NoteEditor';
import { useStoredNote, type NoteToOpen } from './use-stored-note';

export interface StoredNoteEditorProps {
  target: NoteToOpen;
  label: string;
  seedText?: string;
  placeholder?: string;
  /** Called with the editor once it exists (to insert quote cards from outside). */
  onEditor?(editor: LexicalEditor | null): void;
  onSaved?(note: NoteRecord): void;
  /** Called when the note cannot be edited (damaged or gone), so a caller waiting for its editor can stop. */
  onUnavailable?(): void;
  onMessage(message: string): void;
}

/** Loads a note and opens it in an editor, or read-only when it is damaged. */
export function StoredNoteEditor({ target, label, seedText, placeholder, onEditor, onSaved, onUnavailable, onMessage }: StoredNoteEditorProps) {
  const stored = useStoredNote(target);
  const unavailable = stored.state === 'damaged' || stored.state === 'missing';
  useEffect(() => {
    if (unavailable) onUnavailable?.();
  }, [unavailable, onUnavailable]);
  if (stored.state === 'loading') return <p className="pane-hint">Loading the note…</p>;
  if (stored.state === 'missing') return <p className="pane-hint">That note no longer exists.</p>;
  if (stored.state === 'damaged') return <DamagedNote label={label} text={stored.text} reason={stored.reason} />;
  return (
    <NoteEditor
      key={stored.identity.id}
      identity={stored.identity}
      label={label}
      content={stored.content}
      seedText={stored.exists ? undefined : seedText}
      saveOnMount={stored.restoredDraft}
      placeholder={placeholder}
      onEditor={onEditor}
      onSaved={onSaved}
      onMessage={onMessage}
    />
  );
}
