import { describe, expect, it } from 'vitest';
import { NoteId } from '../../../shared/model/ids';
import type { NoteRecord } from '../../../shared/model/note';
import { searchNotes } from './search-notes';

function note(id: string, title: string, text: string, updatedAt: number): NoteRecord {
  return { id: NoteId.parse(id), kind: 'page', targetId: '', title, order: 1, content: '', text, citedAnnotationIds: [], citedEntityIds: [], citedArticleIds: [], createdAt: 1, updatedAt };
}

describe('searchNotes', () => {
  const notes = [
    note('a', 'Goma', 'The M23 took Goma. Fighting near Goma went on.', 1),
    note('b', 'Kinshasa', 'Talks between Kinshasa and Kigali stalled; Félix Tshisekedi spoke.', 2),
    note('c', 'Other', 'Nothing to see', 3),
  ];

  it('finds words ignoring case and accents, most matches first, with the words around them', () => {
    expect(searchNotes(notes, 'goma').map((hit) => [hit.note.id, hit.count])).toEqual([['a', 3]]);
    const [hit] = searchNotes(notes, 'FELIX');
    expect(hit?.snippet).toEqual(['…ks between Kinshasa and Kigali stalled; ', 'Félix', ' Tshisekedi spoke.']);
  });

  it('finds nothing for an empty query', () => {
    expect(searchNotes(notes, '   ')).toEqual([]);
  });
});
