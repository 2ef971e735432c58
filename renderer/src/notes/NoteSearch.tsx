import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo, useState } from 'react';
import { useAppServices } from '../app/app-services';
import { loadAllNotes } from '../db/note-store';
import { describeNote } from './CitingNotes';
import { useNoteServices } from './note-services';
import { searchNotes } from './search-notes';

/** Search across every note's text; each result opens its note. */
export function NoteSearch() {
  const { db } = useAppServices();
  const { openNote } = useNoteServices();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const notes = useLiveQuery(() => (deferred.trim() ? loadAllNotes(db) : []), [db, deferred.trim() === '']);
  const hits = useMemo(() => searchNotes(notes ?? [], deferred), [notes, deferred]);
  return (
    <section className="note-search" aria-label="Search notes">
      <input type="search" aria-label="Search notes" placeholder="Search notes…" value={query} onChange={(event) => setQuery(event.target.value)} />
      {deferred.trim() && (
        <>
          <p className="hint" aria-live="polite">
            {hits.length === 0 ? `No note contains “${deferred.trim()}”` : hits.length === 1 ? '1 note found' : `${hits.length} notes found`}
          </p>
          <ul className="note-search-results" aria-label="Notes found">
            {hits.map((hit) => (
              <li key={hit.note.id}>
                <button type="button" onClick={() => openNote(hit.note)}>
                  <span className="note-search-title">{describeNote(hit.note)}</span>
                  <span className="note-search-snippet">
                    {hit.snippet[0]}
                    <mark>{hit.snippet[1]}</mark>
                    {hit.snippet[2]}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
