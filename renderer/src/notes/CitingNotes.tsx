import { useLiveQuery } from 'dexie-react-hooks';
import type { NoteRecord } from '../../../shared/model/note';
import { useAppServices } from '../app/app-services';
import { notesCiting, type CitedBy } from '../db/note-store';
import { useNoteServices } from './note-services';

const WHAT = { annotation: 'this highlight', entity: 'this entity', article: 'this article' } as const;

/** How a note is named in lists: a page by its name, the others by what they are about. */
export function describeNote(note: NoteRecord): string {
  if (note.kind === 'page') return `Page “${note.title}”`;
  return note.kind === 'comment' ? 'Comment on a highlight' : 'Note on an article';
}

interface CitingNotesProps {
  by: CitedBy;
  id: string;
}

/** Back-links: the notes that cite a highlight, an entity or an article, each a button opening it. */
export function CitingNotes({ by, id }: CitingNotesProps) {
  const { db } = useAppServices();
  const { openNote } = useNoteServices();
  const notes = useLiveQuery(() => notesCiting(db, by, id), [db, by, id]);
  if (!notes) return null;
  return (
    <section className="citing-notes" aria-label={`Notes citing ${WHAT[by]}`}>
      <h3>Cited in {notes.length === 1 ? '1 note' : `${notes.length} notes`}</h3>
      {notes.length === 0 ? (
        <p className="hint">No note cites {WHAT[by]} yet.</p>
      ) : (
        <ul>
          {notes.map((note) => (
            <li key={note.id}>
              <button type="button" onClick={() => openNote(note)}>
                {describeNote(note)}
              </button>
              <span className="citing-preview">{note.text.slice(0, 80)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
