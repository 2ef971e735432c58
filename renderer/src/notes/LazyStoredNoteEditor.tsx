import { lazy, Suspense } from 'react';
import type { StoredNoteEditorProps } from './StoredNoteEditor';

/**
 * The note editor's code (Lexical and its plugins) is a chunk of its own, loaded the first time
 * an editor is shown, so that the library appears without waiting for it to be parsed.
 */
const LoadedStoredNoteEditor = lazy(() => import('./StoredNoteEditor').then((module) => ({ default: module.StoredNoteEditor })));

/** {@link StoredNoteEditor}, loaded on first use; says so while it loads. */
export function StoredNoteEditor(props: StoredNoteEditorProps) {
  return (
    <Suspense fallback={<p className="note-editor-loading" role="status">Loading the editor…</p>}>
      <LoadedStoredNoteEditor {...props} />
    </Suspense>
  );
}
