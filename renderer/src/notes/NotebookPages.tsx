import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { NoteId } from '../../../shared/model/ids';
import type { NoteRecord } from '../../../shared/model/note';
import { NOTE_TITLE_MAX_LENGTH } from '../../../shared/model/note';
import { useAppServices } from '../app/app-services';
import { createPage, deleteNote, movePage, renamePage } from '../db/note-store';
import { errorMessage } from '../../../shared/text/error-message';
import { nextTask } from '../app/next-task';

interface NotebookPagesProps {
  pages: readonly NoteRecord[];
  openId: NoteId | null;
  onOpen(id: NoteId | null): void;
  onMessage(message: string): void;
}

/**
 * The notebook's pages: add, open, rename, move (buttons, or Ctrl/Cmd+Shift+Arrow on a page) and
 * delete (after asking). Each operation tells the user what happened or why it failed.
 */
export function NotebookPages({ pages, openId, onOpen, onMessage }: NotebookPagesProps) {
  const { db, isMac } = useAppServices();
  const [newTitle, setNewTitle] = useState('');
  const [renaming, setRenaming] = useState<{ id: NoteId; title: string } | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState<NoteId | null>(null);
  const run = <T,>(work: Promise<T>, done: (value: T) => string) =>
    void work.then((value) => onMessage(done(value))).catch((error: unknown) => onMessage(errorMessage(error)));

  const add = (event: FormEvent) => {
    event.preventDefault();
    run(createPage(db, newTitle), (page) => {
      setNewTitle('');
      onOpen(page.id);
      return `Page “${page.title}” added to the notebook`;
    });
  };
  const move = (page: NoteRecord, step: -1 | 1) => run(movePage(db, page.id, step), () => `Moved “${page.title}” ${step < 0 ? 'up' : 'down'}`);
  const onPageKey = (event: KeyboardEvent, page: NoteRecord) => {
    if (!event.shiftKey || !(isMac ? event.metaKey : event.ctrlKey)) return;
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    move(page, event.key === 'ArrowUp' ? -1 : 1);
  };
  const rename = (event: FormEvent) => {
    event.preventDefault();
    if (!renaming) return;
    run(renamePage(db, renaming.id, renaming.title), () => {
      setRenaming(null);
      return `Page renamed “${renaming.title.trim()}”`;
    });
  };
  // The page's editor saves as it closes; deleting after that save started keeps it from landing last.
  const closeThenDelete = async (id: NoteId) => {
    if (openId === id) onOpen(null);
    await nextTask();
    await deleteNote(db, id);
  };
  const moveKeys = isMac ? '⌘⇧↑ / ⌘⇧↓' : 'Ctrl+Shift+Up / Down';

  return (
    <section className="notebook-pages" aria-label="Notebook pages">
      <form className="new-page" onSubmit={add}>
        <input aria-label="New page name" placeholder="New page name" maxLength={NOTE_TITLE_MAX_LENGTH} value={newTitle} onChange={(event) => setNewTitle(event.target.value)} />
        <button type="submit">Add page</button>
      </form>
      {pages.length === 0 && <p className="hint">No pages yet. Name one above, or quote a highlight into the notebook.</p>}
      <ol className="page-list" aria-label="Pages">
        {pages.map((page, index) => (
          <li key={page.id} className={page.id === openId ? 'open' : undefined}>
            {renaming?.id === page.id ? (
              <form className="rename-page" onSubmit={rename}>
                <input
                  aria-label={`New name for “${page.title}”`}
                  value={renaming.title}
                  maxLength={NOTE_TITLE_MAX_LENGTH}
                  autoFocus
                  onChange={(event) => setRenaming({ id: page.id, title: event.target.value })}
                  onKeyDown={(event) => event.key === 'Escape' && setRenaming(null)}
                />
                <button type="submit">Save name</button>
                <button type="button" onClick={() => setRenaming(null)}>
                  Cancel
                </button>
              </form>
            ) : (
              <button type="button" className="page-open" aria-current={page.id === openId ? 'page' : undefined} title={`Open; ${moveKeys} moves it`} onClick={() => onOpen(page.id)} onKeyDown={(event) => onPageKey(event, page)}>
                {page.title}
              </button>
            )}
            {page.id === openId && renaming?.id !== page.id && (
              <span className="page-buttons">
                <button type="button" onClick={() => setRenaming({ id: page.id, title: page.title })} aria-label={`Rename “${page.title}”`}>
                  Rename
                </button>
                <button type="button" disabled={index === 0} onClick={() => move(page, -1)} aria-label={`Move “${page.title}” up`}>
                  ↑
                </button>
                <button type="button" disabled={index === pages.length - 1} onClick={() => move(page, 1)} aria-label={`Move “${page.title}” down`}>
                  ↓
                </button>
                <button type="button" onClick={() => setConfirmingDelete(page.id)} aria-label={`Delete “${page.title}”`}>
                  Delete
                </button>
              </span>
            )}
            {confirmingDelete === page.id && (
              <div className="confirm-delete" role="group" aria-label={`Delete “${page.title}”?`}>
                <span>Delete “{page.title}” and everything written on it?</span>
                <button
                  type="button"
                  autoFocus
                  onClick={() =>
                    run(closeThenDelete(page.id), () => {
                      setConfirmingDelete(null);
                      return `Page “${page.title}” deleted`;
                    })
                  }
                >
                  Delete page
                </button>
                <button type="button" onClick={() => setConfirmingDelete(null)}>
                  Keep it
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
