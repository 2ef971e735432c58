import { createContext, useContext } from 'react';
import type { ArticleId, EntityId } from '../../../shared/model/ids';
import type { NoteRecord } from '../../../shared/model/note';
import type { QuoteCardPayload } from './nodes/QuoteCardNode';

/** A passage the user copied from a reading pane, so that pasting it into a note can cite it. */
export interface CopiedPassage {
  text: string;
  articleId: ArticleId;
  articleTitle: string;
}

/** What notes need from the rest of the workbench, given by the app (see `use-note-services.ts`). */
export interface NoteServices {
  /** Opens the card's article at its highlight's passage, or says why it cannot. */
  revealQuote(card: QuoteCardPayload): void;
  /** Shows the entity in the entity index. */
  showEntity(entityId: EntityId, name: string): void;
  /** The passage last copied from a reading pane, if any. */
  lastCopiedPassage(): CopiedPassage | null;
  /** Opens a note where it is edited: a page in the notebook, a comment at its highlight, an article note in the Notes tab. */
  openNote(note: NoteRecord): void;
  /** Tells the user something (the status bar). */
  onMessage(message: string): void;
}

export const NoteServicesContext = createContext<NoteServices | null>(null);

export function useNoteServices(): NoteServices {
  const services = useContext(NoteServicesContext);
  if (!services) throw new Error('useNoteServices must be used inside <NoteServicesContext>');
  return services;
}
