import type { NoteRecord } from '../../../shared/model/note';
import { foldForSearch } from '../../../shared/text/fold-for-search';

/** One note that matches a search, with the words around the first match. */
export interface NoteSearchHit {
  note: NoteRecord;
  /** Text before the match, the match as written in the note, text after it. */
  snippet: [before: string, match: string, after: string];
  /** How many times the words occur in the note. */
  count: number;
}

const CONTEXT = 40;

/**
 * The workbench's search folding, composed again so that a folded note keeps one character per
 * character (offsets stay valid) whenever it can; where it cannot (ligatures), see below.
 */
function fold(text: string): string {
  return foldForSearch(text).normalize('NFC');
}

/**
 * Notes whose plain text (or page name) contains `query`, ignoring case and accents, most matches
 * first then most recently edited. A query of only spaces finds nothing.
 */
export function searchNotes(notes: readonly NoteRecord[], query: string): NoteSearchHit[] {
  const needle = fold(query.trim());
  if (!needle) return [];
  const hits: NoteSearchHit[] = [];
  for (const note of notes) {
    const haystack = `${note.title ? `${note.title}\n` : ''}${note.text}`;
    const folded = fold(haystack);
    // Folding may change lengths (rare ligatures); fall back to a plain lower-case search then.
    const comparable = folded.length === haystack.length ? folded : haystack.toLowerCase();
    const first = comparable.indexOf(needle);
    if (first < 0) continue;
    let count = 0;
    for (let at = first; at >= 0; at = comparable.indexOf(needle, at + needle.length)) count += 1;
    const start = Math.max(0, first - CONTEXT);
    const end = Math.min(haystack.length, first + needle.length + CONTEXT);
    hits.push({
      note,
      count,
      snippet: [(start > 0 ? '…' : '') + haystack.slice(start, first).replace(/\s+/g, ' '), haystack.slice(first, first + needle.length), haystack.slice(first + needle.length, end).replace(/\s+/g, ' ') + (end < haystack.length ? '…' : '')],
    });
  }
  return hits.sort((a, b) => b.count - a.count || b.note.updatedAt - a.note.updatedAt);
}
