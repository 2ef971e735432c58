import { z } from 'zod';

/*
 * The last words of a note, written synchronously to localStorage when the page is hidden or
 * unloaded. IndexedDB writes are asynchronous and a reload may cut them off, so a note's content
 * is also kept here at that moment; the next opening prefers a draft newer than the stored note.
 */

const Draft = z.object({ content: z.string(), at: z.number() });
export type NoteDraft = z.infer<typeof Draft>;

const key = (noteId: string) => `workbench-note-draft:${noteId}`;

/** Keeps `content` as the note's draft; returns false when storage refused it (full, or disabled). */
export function writeNoteDraft(storage: Storage, noteId: string, content: string, at = Date.now()): boolean {
  try {
    storage.setItem(key(noteId), JSON.stringify({ content, at }));
    return true;
  } catch {
    return false;
  }
}

/** The note's draft, or `null` when there is none or it is unreadable. */
export function readNoteDraft(storage: Storage, noteId: string): NoteDraft | null {
  try {
    const raw = storage.getItem(key(noteId));
    if (raw === null) return null;
    const parsed = Draft.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Forgets the note's draft once the database holds at least as much. */
export function clearNoteDraft(storage: Storage, noteId: string): void {
  try {
    storage.removeItem(key(noteId));
  } catch {
    // Storage disabled: there was no draft to clear.
  }
}
