import { NOTE_TITLE_MAX_LENGTH, NoteRecord, type NoteKind } from '../../../shared/model/note';
import { newNoteId, type NoteId } from '../../../shared/model/ids';
import { describeNoteContent } from '../notes/note-content';
import type { SkippedRow } from './annotation-store';
import { describeIssues, describeRowId } from './describe-invalid-row';
import type { WorkbenchDb } from './workbench-db';
import { errorMessage } from '../../../shared/text/error-message';

/*
 * Notes: comments on annotations, notes on articles and the notebook's pages. Rows are parsed with
 * the shared schema on the way out; a row that fails is reported, never rewritten, so a fixed build
 * can still recover it. `text` and the cited* arrays are derived from `content` on every save, so
 * search and back-links can never disagree with what the note shows.
 */

export type NoteErrorCode = 'empty-title' | 'title-too-long' | 'not-found' | 'not-a-page' | 'invalid-content';

/** A note change the store refused; `message` is written to be shown to the user as is. */
export class NoteError extends Error {
  override name = 'NoteError';

  constructor(
    readonly code: NoteErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Who a note is: enough to create its row on first save. */
export interface NoteIdentity {
  id: NoteId;
  kind: NoteKind;
  targetId: string;
}

/** A stored note as read: valid, or a damaged row with whatever plain text it still has. */
export type LoadedNote = { state: 'valid'; note: NoteRecord } | { state: 'invalid'; id: string; reason: string; text: string };

function readRow(row: unknown): LoadedNote {
  const parsed = NoteRecord.safeParse(row);
  if (parsed.success) return { state: 'valid', note: parsed.data };
  const text = typeof row === 'object' && row !== null && 'text' in row && typeof row.text === 'string' ? row.text : '';
  return { state: 'invalid', id: describeRowId(row, 'a note'), reason: describeIssues(parsed.error), text };
}

/** The note with `id`, or `undefined` when there is none. */
export async function loadNote(db: WorkbenchDb, id: NoteId): Promise<LoadedNote | undefined> {
  const row: unknown = await db.notes.get(id);
  return row === undefined ? undefined : readRow(row);
}

/** The comment on an annotation or the note on an article, or `undefined` when none was written. */
export async function findNoteFor(db: WorkbenchDb, kind: 'comment' | 'article', targetId: string): Promise<LoadedNote | undefined> {
  const rows: unknown[] = await db.notes.where('targetId').equals(targetId).toArray();
  const row = rows.find((candidate) => typeof candidate === 'object' && candidate !== null && 'kind' in candidate && candidate.kind === kind);
  return row === undefined ? undefined : readRow(row);
}

/** The notebook's pages in order, and the rows that could not be read. */
export async function listPages(db: WorkbenchDb): Promise<{ pages: NoteRecord[]; skipped: SkippedRow[] }> {
  const rows: unknown[] = await db.notes.where('kind').equals('page').toArray();
  const pages: NoteRecord[] = [];
  const skipped: SkippedRow[] = [];
  for (const row of rows) {
    const read = readRow(row);
    if (read.state === 'valid') pages.push(read.note);
    else skipped.push({ id: read.id, reason: read.reason });
  }
  pages.sort((a, b) => a.order - b.order || a.createdAt - b.createdAt);
  return { pages, skipped };
}

function checkTitle(title: string): string {
  const trimmed = title.trim();
  if (!trimmed) throw new NoteError('empty-title', 'A page needs a name');
  if (trimmed.length > NOTE_TITLE_MAX_LENGTH) throw new NoteError('title-too-long', `A page name can be at most ${NOTE_TITLE_MAX_LENGTH} characters`);
  return trimmed;
}

/** Adds a page at the end of the notebook; an empty page has no content until it is first saved. */
export async function createPage(db: WorkbenchDb, title: string, now = Date.now()): Promise<NoteRecord> {
  const name = checkTitle(title);
  return db.transaction('rw', db.notes, async () => {
    const last = await db.notes.orderBy('order').filter((row) => row.kind === 'page').last();
    const page = NoteRecord.parse({
      id: newNoteId(),
      kind: 'page',
      targetId: '',
      title: name,
      order: (last?.order ?? 0) + 1,
      content: '',
      text: '',
      citedAnnotationIds: [],
      citedEntityIds: [],
      citedArticleIds: [],
      createdAt: now,
      updatedAt: now,
    });
    await db.notes.add(page);
    return page;
  });
}

async function getPage(db: WorkbenchDb, id: NoteId): Promise<NoteRecord> {
  const read = await loadNote(db, id);
  if (!read || read.state !== 'valid') throw new NoteError('not-found', 'That page no longer exists');
  if (read.note.kind !== 'page') throw new NoteError('not-a-page', 'Only notebook pages have names');
  return read.note;
}

/** Renames a page. */
export async function renamePage(db: WorkbenchDb, id: NoteId, title: string, now = Date.now()): Promise<void> {
  const name = checkTitle(title);
  await db.transaction('rw', db.notes, async () => {
    await getPage(db, id);
    await db.notes.update(id, { title: name, updatedAt: now });
  });
}

/** Moves a page one place up (`-1`) or down (`1`); pages are renumbered 1..n so equal orders cannot stall a move. */
export async function movePage(db: WorkbenchDb, id: NoteId, step: -1 | 1): Promise<void> {
  await db.transaction('rw', db.notes, async () => {
    const { pages } = await listPages(db);
    const index = pages.findIndex((page) => page.id === id);
    const page = pages[index];
    const neighbour = pages[index + step];
    if (!page) throw new NoteError('not-found', 'That page no longer exists');
    if (!neighbour) return;
    pages[index] = neighbour;
    pages[index + step] = page;
    await Promise.all(pages.map((row, position) => (row.order === position + 1 ? undefined : db.notes.update(row.id, { order: position + 1 }))));
  });
}

/** Every valid note, for search. */
export async function loadAllNotes(db: WorkbenchDb): Promise<NoteRecord[]> {
  const rows: unknown[] = await db.notes.toArray();
  return rows.map(readRow).flatMap((read) => (read.state === 'valid' ? [read.note] : []));
}

/** Deletes a note of any kind. */
export async function deleteNote(db: WorkbenchDb, id: NoteId): Promise<void> {
  await db.notes.delete(id);
}

/**
 * Saves a note's content (`JSON.stringify` of the editor state), creating the row on first save;
 * `text` and the citations are derived from the content here. Content that is not an editor state
 * is refused, so a bug can never store a note that would later open damaged.
 */
export async function saveNoteContent(db: WorkbenchDb, identity: NoteIdentity, content: string, now = Date.now()): Promise<NoteRecord> {
  let summary;
  try {
    summary = describeNoteContent(content);
  } catch (error) {
    throw new NoteError('invalid-content', `The note could not be saved: ${errorMessage(error)}`);
  }
  return db.transaction('rw', db.notes, async () => {
    const existing = await loadNote(db, identity.id);
    if (existing?.state === 'invalid') throw new NoteError('invalid-content', 'The stored note is damaged; it is kept as it is and not overwritten');
    // Pages are made by createPage only: a late save from a page's editor must not bring a deleted page back.
    if (!existing && identity.kind === 'page') throw new NoteError('not-found', 'That page was deleted');
    const before = existing?.note;
    const record = NoteRecord.parse({
      id: identity.id,
      kind: identity.kind,
      targetId: identity.targetId,
      title: before?.title ?? '',
      order: before?.order ?? 0,
      content,
      ...summary,
      createdAt: before?.createdAt ?? now,
      updatedAt: Math.max(now, before?.updatedAt ?? 0),
    });
    await db.notes.put(record);
    return record;
  });
}

/** Which index a back-link follows. */
export type CitedBy = 'annotation' | 'entity' | 'article';

const CITED_INDEX = { annotation: 'citedAnnotationIds', entity: 'citedEntityIds', article: 'citedArticleIds' } as const;

/** The valid notes that cite an annotation, an entity or an article, most recently edited first. */
export async function notesCiting(db: WorkbenchDb, by: CitedBy, id: string): Promise<NoteRecord[]> {
  const rows: unknown[] = await db.notes.where(CITED_INDEX[by]).equals(id).distinct().toArray();
  return rows
    .map(readRow)
    .flatMap((read) => (read.state === 'valid' ? [read.note] : []))
    .sort((a, b) => b.updatedAt - a.updatedAt);
}
