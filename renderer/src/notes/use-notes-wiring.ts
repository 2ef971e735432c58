import { createElement, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { AnnotationId, ArticleId, type EntityId, type NoteId } from '../../../shared/model/ids';
import type { NoteRecord } from '../../../shared/model/note';
import { matchesKeyBinding } from '../actions/key-binding';
import { useAppServices } from '../app/app-services';
import { getAnnotation } from '../db/annotation-packs';
import type { SelectedHighlight } from '../highlights/AnnotationsPanel';
import type { PaneAction, PaneLayout } from '../reader/pane-layout';
import { useRevealPassage } from '../reader/use-reveal-passage';
import type { QuoteCardPayload } from './nodes/QuoteCardNode';
import { NoteServicesContext, type CopiedPassage, type NoteServices } from './note-services';
import { errorMessage } from '../../../shared/text/error-message';

/** A quote card waiting to go into the open notebook page (`seq` tells two requests apart). */
export interface QuoteRequest {
  card: QuoteCardPayload;
  seq: number;
}

interface NotesWiringOptions {
  layout: PaneLayout;
  dispatch(action: PaneAction): void;
  /** The article each pane shows, to cite a passage copied from it. */
  paneArticles: ReadonlyMap<string, { articleId: ArticleId; title: string }>;
  setSideTab(id: string): void;
  /** Selects a highlight in a pane (so its comment shows in the Highlights tab). */
  onSelectHighlight(selection: SelectedHighlight): void;
  /** The highlight selected in a pane, which Mod+Shift+Q quotes. */
  selected: SelectedHighlight | null;
  isMac: boolean;
  onMessage(message: string): void;
}

/** Quotes the selected highlight into the open notebook page. */
export const QUOTE_IN_NOTE_KEYS = 'Mod+Shift+Q';

/**
 * What the app gives notes: revealing a quote card's passage, showing an entity in the index, the
 * passage last copied from a pane, and the notebook's open page with quote requests into it.
 */
export function useNotesWiring({ layout, dispatch, paneArticles, setSideTab, onSelectHighlight, selected, isMac, onMessage }: NotesWiringOptions) {
  const { db, highlights, entities } = useAppServices();
  const reveal = useRevealPassage(layout, dispatch);
  const copied = useRef<CopiedPassage | null>(null);
  const paneArticlesRef = useRef(paneArticles);
  paneArticlesRef.current = paneArticles;
  const [openPageId, setOpenPageId] = useState<NoteId | null>(null);
  const [quoteRequest, setQuoteRequest] = useState<QuoteRequest | null>(null);

  useEffect(() => {
    // Remembered on copy, so that pasting the same words into a note can cite their article.
    const onCopy = () => {
      const selection = document.getSelection();
      const paneId = highlights.surfaces.paneOf(selection?.anchorNode ?? null);
      const article = paneId ? paneArticlesRef.current.get(paneId) : undefined;
      copied.current = article && selection ? { text: selection.toString(), articleId: article.articleId, articleTitle: article.title } : null;
    };
    document.addEventListener('copy', onCopy);
    return () => document.removeEventListener('copy', onCopy);
  }, [highlights]);

  const services: NoteServices = useMemo(() => {
    /** Shows an annotation's passage; resolves to the pane showing it, or `null` after saying why not. */
    const showAnnotation = async (annotationId: AnnotationId, articleTitle: string): Promise<string | null> => {
      const annotation = await getAnnotation(db, annotationId);
      if (!annotation) return (onMessage('The quoted highlight was deleted, so its passage cannot be shown; the card keeps its quote'), null);
      if (annotation.anchor.status === 'orphan') return (onMessage('The quoted highlight is orphaned: its words are no longer in the article, so the passage cannot be shown'), null);
      const problem = await reveal({ articleId: annotation.articleId, start: annotation.anchor.start, end: annotation.anchor.end });
      onMessage(problem ?? `Showing the quoted passage in ${articleTitle}`);
      if (problem) return null;
      const panes = [...document.querySelectorAll<HTMLElement>('[data-pane-id]')].map((pane) => pane.dataset.paneId ?? '');
      return panes.find((paneId) => highlights.surfaces.get(paneId)?.articleId === annotation.articleId) ?? null;
    };
    const fail = (error: unknown) => onMessage(errorMessage(error));
    const openNote = (note: NoteRecord) => {
      if (note.kind === 'page') {
        setOpenPageId(note.id);
        setSideTab('notes');
        return;
      }
      if (note.kind === 'article') {
        void db.articles.get(ArticleId.parse(note.targetId)).then((article) => {
          if (!article?.path) return onMessage('That article is no longer in the corpus');
          dispatch({ type: 'open', path: article.path, where: 'focused' });
          setSideTab('notes');
        }, fail);
        return;
      }
      const annotationId = AnnotationId.parse(note.targetId);
      void showAnnotation(annotationId, 'its article').then((paneId) => {
        if (!paneId) return;
        setSideTab('highlights');
        onSelectHighlight({ paneId, id: annotationId, candidates: [annotationId] });
      }, fail);
    };
    return {
      revealQuote: (card) => void showAnnotation(card.annotationId, card.articleTitle).catch(fail),
      showEntity: (entityId: EntityId, name: string) => {
        entities.selection.set({ entityId, mention: null });
        setSideTab('entities');
        onMessage(`Showing ${name} in the entity index`);
      },
      lastCopiedPassage: () => copied.current,
      openNote,
      onMessage,
    };
  }, [db, highlights, entities, reveal, dispatch, setSideTab, onSelectHighlight, onMessage]);

  const requestQuote = useCallback(
    (card: QuoteCardPayload) => {
      setSideTab('notes');
      setQuoteRequest((previous) => ({ card, seq: (previous?.seq ?? 0) + 1 }));
    },
    [setSideTab],
  );
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!matchesKeyBinding(event, QUOTE_IN_NOTE_KEYS, isMac)) return;
      event.preventDefault();
      const article = selected ? paneArticlesRef.current.get(selected.paneId) : undefined;
      if (!selected || !article) return onMessage('Select a highlight first (click it in the text or in the Highlights list), then quote it');
      void getAnnotation(db, selected.id).then((annotation) => {
        if (!annotation) return onMessage('That highlight no longer exists');
        requestQuote({ annotationId: annotation.id, articleId: annotation.articleId, quote: annotation.target.quote.exact, articleTitle: article.title });
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [db, selected, isMac, requestQuote, onMessage]);
  const quoteDone = useCallback((seq: number) => setQuoteRequest((current) => (current?.seq === seq ? null : current)), []);

  /** Gives the notes' services to everything inside `children` (editors in any tab, back-links). */
  const provide = useCallback((children: ReactNode) => createElement(NoteServicesContext.Provider, { value: services }, children), [services]);

  return { services, provide, openPageId, setOpenPageId, quoteRequest, requestQuote, quoteDone };
}
