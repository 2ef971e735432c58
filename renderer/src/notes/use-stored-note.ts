import { useEffect, useState } from 'react';
import { newNoteId, type NoteId } from '../../../shared/model/ids';
import { useAppServices } from '../app/app-services';
import { findNoteFor, loadNote, type NoteIdentity } from '../db/note-store';
import { checkNoteContent } from './note-editor-config';
import { clearNoteDraft, readNoteDraft } from './note-drafts';
import { errorMessage } from '../../../shared/text/error-message';

/** Which note to open: a page by id, or the comment/article note about a target. */
export type NoteToOpen = { kind: 'page'; id: NoteId } | { kind: 'comment' | 'article'; targetId: string };

/** A note ready to edit, or a damaged one shown read-only with its recovered text. */
export type StoredNote =
  | { state: 'loading' }
  | { state: 'ready'; identity: NoteIdentity; content: string; exists: boolean; restoredDraft: boolean }
  | { state: 'damaged'; text: string; reason: string }
  | { state: 'missing' };

/**
 * Loads a note once per target (the editor owns its content afterwards). A draft newer than the
 * stored note (see `note-drafts.ts`) wins; stored content Lexical cannot read opens as damaged.
 */
export function useStoredNote(target: NoteToOpen): StoredNote {
  const { db } = useAppServices();
  const [stored, setStored] = useState<StoredNote>({ state: 'loading' });
  const targetKey = target.kind === 'page' ? `page:${target.id}` : `${target.kind}:${target.targetId}`;
  useEffect(() => {
    let live = true;
    setStored({ state: 'loading' });
    const load = async (): Promise<StoredNote> => {
      const read = target.kind === 'page' ? await loadNote(db, target.id) : await findNoteFor(db, target.kind, target.targetId);
      if (read?.state === 'invalid') return { state: 'damaged', text: read.text, reason: read.reason };
      if (!read && target.kind === 'page') return { state: 'missing' };
      const note = read?.note;
      const identity: NoteIdentity = note ? { id: note.id, kind: note.kind, targetId: note.targetId } : { id: newNoteId(), kind: target.kind, targetId: target.kind === 'page' ? '' : target.targetId };
      const draft = readNoteDraft(localStorage, identity.id);
      const useDraft = draft !== null && draft.at > (note?.updatedAt ?? 0) && checkNoteContent(draft.content) === null;
      if (draft && !useDraft) clearNoteDraft(localStorage, identity.id);
      const content = useDraft ? draft.content : (note?.content ?? '');
      const problem = checkNoteContent(content);
      if (problem) return { state: 'damaged', text: note?.text ?? '', reason: problem };
      return { state: 'ready', identity, content, exists: note !== undefined, restoredDraft: useDraft };
    };
    load().then(
      (result) => live && setStored(result),
      (error: unknown) => live && setStored({ state: 'damaged', text: '', reason: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
    // targetKey stands for target.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, targetKey]);
  return stored;
}
