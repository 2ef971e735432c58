import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { BLUR_COMMAND, COMMAND_PRIORITY_LOW, type EditorState } from 'lexical';
import { useEffect, useRef } from 'react';
import type { NoteRecord } from '../../../../shared/model/note';
import { useAppServices } from '../../app/app-services';
import { saveNoteContent, type NoteIdentity } from '../../db/note-store';
import { clearNoteDraft, writeNoteDraft } from '../note-drafts';
import { errorMessage } from '../../../../shared/text/error-message';

/** Typing pauses shorter than this are one save; measured keystroke gaps are ~100–250 ms. */
export const AUTOSAVE_DELAY_MILLISECONDS = 400;

interface AutosavePluginProps {
  identity: NoteIdentity;
  /** Save the content as loaded at once (a draft restored after a reload). */
  saveOnMount: boolean;
  onSaved?(note: NoteRecord): void;
  onError(message: string): void;
}

/**
 * Saves the note to Dexie: debounced while typing, at once on blur and when the editor goes away
 * (pane or tab closed), and on `pagehide`/`beforeunload`, where a synchronous draft is also kept
 * because the asynchronous write may be cut off by the unload. Saves run one after another, so an
 * older state can never land after a newer one.
 */
export function AutosavePlugin({ identity, saveOnMount, onSaved, onError }: AutosavePluginProps) {
  const [editor] = useLexicalComposerContext();
  const { db } = useAppServices();
  const callbacks = useRef({ onSaved, onError });
  callbacks.current = { onSaved, onError };

  useEffect(() => {
    let pending: EditorState | null = saveOnMount ? editor.getEditorState() : null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let queue: Promise<unknown> = Promise.resolve();
    const flush = () => {
      clearTimeout(timer);
      if (!pending) return;
      const content = JSON.stringify(pending.toJSON());
      pending = null;
      queue = queue
        .then(() => saveNoteContent(db, identity, content))
        .then(
          (note) => {
            if (!pending) clearNoteDraft(localStorage, identity.id);
            callbacks.current.onSaved?.(note);
          },
          (error: unknown) => callbacks.current.onError(errorMessage(error)),
        );
    };
    const onLeave = () => {
      if (pending) writeNoteDraft(localStorage, identity.id, JSON.stringify(pending.toJSON()));
      flush();
    };
    if (pending) flush();
    window.addEventListener('pagehide', onLeave);
    window.addEventListener('beforeunload', onLeave);
    return mergeRegister(
      editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves }) => {
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
        pending = editorState;
        clearTimeout(timer);
        timer = setTimeout(flush, AUTOSAVE_DELAY_MILLISECONDS);
      }),
      editor.registerCommand(
        BLUR_COMMAND,
        () => {
          flush();
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
      () => window.removeEventListener('pagehide', onLeave),
      () => window.removeEventListener('beforeunload', onLeave),
      flush,
    );
  }, [editor, db, identity, saveOnMount]);
  return null;
}
