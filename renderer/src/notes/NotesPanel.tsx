import { useLiveQuery } from 'dexie-react-hooks';
import type { LexicalEditor } from 'lexical';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleId, NoteId } from '../../../shared/model/ids';
import { NOTE_TITLE_MAX_LENGTH } from '../../../shared/model/note';
import { useAppServices } from '../app/app-services';
import { createPage, listPages } from '../db/note-store';
import { CitingNotes } from './CitingNotes';
import { NotebookPages } from './NotebookPages';
import { NoteSearch } from './NoteSearch';
import { INSERT_QUOTE_CARD_COMMAND } from './quote-card-command';
import { StoredNoteEditor } from './LazyStoredNoteEditor';
import type { QuoteRequest } from './use-notes-wiring';
import { errorMessage } from '../../../shared/text/error-message';

interface NotesPanelProps {
  article: { articleId: ArticleId; title: string } | null;
  openPageId: NoteId | null;
  onOpenPage(id: NoteId | null): void;
  quoteRequest: QuoteRequest | null;
  onQuoteDone(seq: number): void;
  onMessage(message: string): void;
}

/** The Notes tab: search, the focused article's note and its back-links, and the notebook. */
export function NotesPanel({ article, openPageId, onOpenPage, quoteRequest, onQuoteDone, onMessage }: NotesPanelProps) {
  const { db } = useAppServices();
  const loaded = useLiveQuery(() => listPages(db), [db]);
  const pages = loaded?.pages;
  // With no page chosen, the first one is open: a reload lands back in the notebook.
  const openPage = pages?.find((page) => page.id === openPageId) ?? (openPageId === null ? pages?.[0] : undefined);
  const [pageEditor, setPageEditor] = useState<{ pageId: NoteId; editor: LexicalEditor } | null>(null);
  const creatingFor = useRef<number | null>(null);
  const [unavailablePageId, setUnavailablePageId] = useState<NoteId | null>(null);
  const openPageKey = openPage?.id;
  const onEditor = useCallback((editor: LexicalEditor | null) => setPageEditor(editor && openPageKey ? { pageId: openPageKey, editor } : null), [openPageKey]);

  const onUnavailable = useCallback(() => setUnavailablePageId(openPageKey ?? null), [openPageKey]);

  useEffect(() => {
    if (!quoteRequest || !pages) return;
    if (!openPage) {
      if (creatingFor.current === quoteRequest.seq) return;
      creatingFor.current = quoteRequest.seq;
      createPage(db, `Notes on ${quoteRequest.card.articleTitle}`.slice(0, NOTE_TITLE_MAX_LENGTH)).then(
        (page) => onOpenPage(page.id),
        (error: unknown) => onMessage(errorMessage(error)),
      );
      return;
    }
    if (unavailablePageId === openPage.id) {
      onQuoteDone(quoteRequest.seq);
      onMessage(`“${openPage.title}” cannot be edited (it is damaged), so the quote was not added: open or add another page, then quote again`);
      return;
    }
    if (pageEditor?.pageId !== openPage.id) return;
    pageEditor.editor.dispatchCommand(INSERT_QUOTE_CARD_COMMAND, { card: quoteRequest.card, at: 'end' });
    onQuoteDone(quoteRequest.seq);
    onMessage(`Quoted in “${openPage.title}”`);
  }, [quoteRequest, pages, openPage, pageEditor, unavailablePageId, db, onOpenPage, onQuoteDone, onMessage]);

  return (
    <aside className="notes-panel" aria-label="Notes">
      <NoteSearch />
      {article && (
        <section className="article-note" aria-label="Article note">
          <h2>Note on {article.title}</h2>
          <StoredNoteEditor key={article.articleId} target={{ kind: 'article', targetId: article.articleId }} label={`Note on ${article.title}`} placeholder="What this article says, and what to check…" onMessage={onMessage} />
          <CitingNotes by="article" id={article.articleId} />
        </section>
      )}
      <section className="notebook" aria-label="Notebook">
        <h2>Notebook</h2>
        {loaded?.skipped.map((skip) => (
          <p key={skip.id} className="warning" role="note">
            Skipped a stored page: {skip.reason}
          </p>
        ))}
        <NotebookPages pages={pages ?? []} openId={openPage?.id ?? null} onOpen={onOpenPage} onMessage={onMessage} />
        {openPage && <StoredNoteEditor key={openPage.id} target={{ kind: 'page', id: openPage.id }} label={`Page ${openPage.title}`} onEditor={onEditor} onUnavailable={onUnavailable} onMessage={onMessage} />}
      </section>
    </aside>
  );
}
