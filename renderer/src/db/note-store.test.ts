import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newNoteId } from '../../../shared/model/ids';
import { createPage, deleteNote, findNoteFor, listPages, loadNote, movePage, NoteError, notesCiting, renamePage, saveNoteContent } from './note-store';
import { WorkbenchDb } from './workbench-db';

let db: WorkbenchDb;

beforeEach(() => {
  db = new WorkbenchDb('note-store-test', { indexedDB, IDBKeyRange });
});

afterEach(async () => {
  await db.delete();
});

const text = (value: string) => ({ type: 'text', version: 1, text: value, detail: 0, format: 0, mode: 'normal', style: '' });
const paragraph = (...children: object[]) => ({ type: 'paragraph', version: 1, children, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '' });
const state = (...children: object[]) => JSON.stringify({ root: { type: 'root', version: 1, children, direction: null, format: '', indent: 0 } });
const card = { type: 'quote-card', version: 1, annotationId: 'a-denial', articleId: 'article-001', quote: 'Rwanda denies allegations', articleTitle: 'M23' };
const mention = { type: 'entity-mention', version: 1, entityId: 'entity-kagame', name: 'Paul Kagame' };

async function titles(): Promise<string[]> {
  return (await listPages(db)).pages.map((page) => page.title);
}

describe('notebook pages', () => {
  it('are created at the end, renamed, moved and deleted', async () => {
    const evidence = await createPage(db, '  Evidence ');
    const people = await createPage(db, 'People');
    const open = await createPage(db, 'Open questions');
    expect(await titles()).toEqual(['Evidence', 'People', 'Open questions']);
    await renamePage(db, people.id, 'Who is who');
    await movePage(db, open.id, -1);
    expect(await titles()).toEqual(['Evidence', 'Open questions', 'Who is who']);
    await movePage(db, evidence.id, 1);
    await movePage(db, evidence.id, 1);
    await movePage(db, evidence.id, 1);
    expect(await titles()).toEqual(['Open questions', 'Who is who', 'Evidence']);
    await deleteNote(db, open.id);
    expect(await titles()).toEqual(['Who is who', 'Evidence']);
  });

  it('need a name that fits', async () => {
    await expect(createPage(db, '   ')).rejects.toThrow(new NoteError('empty-title', 'A page needs a name'));
    await expect(createPage(db, 'x'.repeat(201))).rejects.toThrow(/at most 200/);
  });

  it('report a damaged row instead of listing it', async () => {
    await createPage(db, 'Fine');
    await db.notes.put({ id: 'broken', kind: 'page', title: 7 } as never);
    const { pages, skipped } = await listPages(db);
    expect(pages.map((page) => page.title)).toEqual(['Fine']);
    expect(skipped).toEqual([{ id: 'broken', reason: expect.stringContaining('targetId') as string }]);
  });
});

describe('saveNoteContent', () => {
  it('creates the note on first save and derives its text and citations every time', async () => {
    const id = newNoteId();
    const identity = { id, kind: 'comment' as const, targetId: 'a-denial' };
    await saveNoteContent(db, identity, state(paragraph(text('First thought'))), 10);
    const saved = await saveNoteContent(db, identity, state(paragraph(text('Ask '), mention), card), 20);
    expect(saved).toMatchObject({ id, kind: 'comment', targetId: 'a-denial', text: 'Ask Paul Kagame\n“Rwanda denies allegations”', createdAt: 10, updatedAt: 20 });
    expect(await findNoteFor(db, 'comment', 'a-denial')).toEqual({ state: 'valid', note: saved });
    expect((await notesCiting(db, 'annotation', 'a-denial')).map((note) => note.id)).toEqual([id]);
    expect((await notesCiting(db, 'entity', 'entity-kagame')).map((note) => note.id)).toEqual([id]);
    expect((await notesCiting(db, 'article', 'article-001')).map((note) => note.id)).toEqual([id]);
    await saveNoteContent(db, identity, state(paragraph(text('No citations left'))), 30);
    expect(await notesCiting(db, 'annotation', 'a-denial')).toEqual([]);
  });

  it('keeps a page’s name and place', async () => {
    const page = await createPage(db, 'Evidence', 5);
    await saveNoteContent(db, { id: page.id, kind: 'page', targetId: '' }, state(paragraph(text('Body'))), 6);
    expect(await loadNote(db, page.id)).toEqual({ state: 'valid', note: expect.objectContaining({ title: 'Evidence', order: 1, text: 'Body' }) as object });
  });

  it('never brings back a deleted page from a late save', async () => {
    const page = await createPage(db, 'Doomed');
    await deleteNote(db, page.id);
    await expect(saveNoteContent(db, { id: page.id, kind: 'page', targetId: '' }, state(paragraph(text('late'))))).rejects.toThrow('That page was deleted');
    expect(await loadNote(db, page.id)).toBeUndefined();
  });

  it('refuses content that is not an editor state, and never overwrites a damaged row', async () => {
    const id = newNoteId();
    await expect(saveNoteContent(db, { id, kind: 'page', targetId: '' }, '{"nope":1}')).rejects.toThrow(/no root node/);
    await db.notes.put({ id, kind: 'page', text: 'Recovered words', content: '{' } as never);
    await expect(saveNoteContent(db, { id, kind: 'page', targetId: '' }, state())).rejects.toThrow(/damaged/);
    expect(await loadNote(db, id)).toEqual({ state: 'invalid', id, reason: expect.any(String) as string, text: 'Recovered words' });
  });
});
