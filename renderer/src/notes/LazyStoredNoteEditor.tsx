import { loadOnFirstUse } from '../app/load-on-first-use';
import type { StoredNoteEditorProps } from './StoredNoteEditor';

/**
 * {@link StoredNoteEditor}, loaded on first use: the note editor's code (Lexical and its plugins)
 * is a chunk of its own, so that the library appears without waiting for it to be parsed.
 */
export const StoredNoteEditor = loadOnFirstUse<StoredNoteEditorProps>(
  () => import('./StoredNoteEditor').then((module) => module.StoredNoteEditor),
  <p className="note-editor-loading" role="status">
    Loading the editor…
  </p>,
);
