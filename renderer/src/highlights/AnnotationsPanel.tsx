import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue } from 'react';
import type { HighlightRecord, LegendEntry } from '../../../shared/model/annotation';
import type { AnnotationId, ArticleId, LegendId } from '../../../shared/model/ids';
import { useAppServices } from '../app/app-services';
import { inTextOrder, loadAnnotations, updateAnnotation } from '../db/annotation-store';
import { CitingNotes } from '../notes/CitingNotes';
import type { QuoteCardPayload } from '../notes/nodes/QuoteCardNode';
import { writeQuoteCardTransfer } from '../notes/quote-card-transfer';
import { StoredNoteEditor } from '../notes/LazyStoredNoteEditor';
import { errorMessage } from '../../../shared/text/error-message';

export interface SelectedHighlight {
  paneId: string;
  id: AnnotationId;
  /** Every highlight under the click, innermost first, so overlapped ones stay reachable. */
  candidates: AnnotationId[];
}

interface AnnotationsPanelProps {
  paneId: string | null;
  articleId: ArticleId | null;
  articleTitle: string;
  legend: readonly LegendEntry[];
  selected: SelectedHighlight | null;
  onSelect(selection: SelectedHighlight | null, scroll: boolean): void;
  onReattach(id: AnnotationId): void;
  onEditLegend(): void;
  /** Quotes a highlight into the open notebook page. */
  onQuote(card: QuoteCardPayload): void;
  /** Tells the user what happened (saved, or why it failed). */
  onMessage(message: string): void;
}

const STATUS_LABEL = { exact: 'exact', moved: 'moved', fuzzy: 'fuzzy', orphan: 'orphan' } as const;

/** The focused pane's highlights in text order, the selected one's editor, and its orphans. */
export function AnnotationsPanel(props: AnnotationsPanelProps) {
  const { db, highlights } = useAppServices();
  const { paneId, articleId, legend, selected } = props;
  // Deferred: a long list must never hold up painting the highlights in the panes.
  const loaded = useDeferredValue(useLiveQuery(() => (articleId ? loadAnnotations(db, articleId) : undefined), [db, articleId]));
  const annotations = loaded ? inTextOrder(loaded.annotations) : [];
  const placed = annotations.filter((annotation) => annotation.anchor.status !== 'orphan');
  const orphans = annotations.filter((annotation) => annotation.anchor.status === 'orphan');
  const current = selected && selected.paneId === paneId ? annotations.find((annotation) => annotation.id === selected.id) : undefined;
  const colour = (id: LegendId) => legend.find((entry) => entry.id === id);
  const cardOf = (annotation: HighlightRecord): QuoteCardPayload => ({ annotationId: annotation.id, articleId: annotation.articleId, quote: annotation.target.quote.exact, articleTitle: props.articleTitle });
  const run = (work: Promise<unknown>, done?: string) =>
    void work.then(() => done && props.onMessage(done)).catch((error: unknown) => props.onMessage(errorMessage(error)));

  return (
    <aside className="annotations" aria-label="Highlights">
      <div className="annotations-header">
        <h2>Highlights</h2>
        <button type="button" onClick={props.onEditLegend}>
          Edit colours…
        </button>
      </div>
      <ul className="legend-list" aria-label="Colour legend">
        {legend.map((entry) => (
          <li key={entry.id}>
            <span className="swatch" style={{ backgroundColor: entry.color }} aria-hidden="true" /> {entry.name} <kbd>Alt+{entry.shortcut}</kbd>
          </li>
        ))}
      </ul>
      {!articleId && <p className="pane-hint">Open an article to see its highlights. Select words in it to highlight them.</p>}
      {loaded?.skipped.map((skip) => (
        <p key={skip.id} className="warning" role="note">
          Skipped a stored highlight: {skip.reason}
        </p>
      ))}
      {current && paneId && (
        <SelectedEditor
          key={current.id}
          annotation={current}
          legend={legend}
          candidates={selected?.candidates ?? []}
          annotations={annotations}
          onRecolour={(legendId) => run(highlights.actions.recolour(current.id, legendId))}
          onCommentText={(text) => {
            // The comment note is the comment; its plain text is kept on the highlight for lists and exports.
            if (text !== current.comment) run(updateAnnotation(db, current.id, { comment: text }), 'Comment saved');
          }}
          onQuote={() => props.onQuote(cardOf(current))}
          onMessage={props.onMessage}
          onDelete={() => run(highlights.actions.remove(current.id).then(() => props.onSelect(null, false)))}
          onPick={(id) => props.onSelect({ paneId, id, candidates: selected?.candidates ?? [id] }, false)}
        />
      )}
      {articleId && (
        <>
          <h3>{placed.length === 1 ? '1 highlight' : `${placed.length} highlights`} in {props.articleTitle}</h3>
          <ul className="highlight-list" aria-label="Highlights in this article">
            {placed.map((annotation) => (
              <li key={annotation.id}>
                <button
                  type="button"
                  draggable
                  onDragStart={(event) => writeQuoteCardTransfer(event.dataTransfer, cardOf(annotation))}
                  title="Drag onto a note to quote it"
                  className={annotation.id === current?.id ? 'selected' : undefined}
                  aria-current={annotation.id === current?.id}
                  onClick={() => paneId && props.onSelect({ paneId, id: annotation.id, candidates: [annotation.id] }, true)}
                >
                  <span className="swatch" style={{ backgroundColor: colour(annotation.legendId)?.color ?? '#999999' }} aria-hidden="true" />
                  <span className="quote">{annotation.target.quote.exact}</span>
                  <span className={`status status-${annotation.anchor.status}`}>{STATUS_LABEL[annotation.anchor.status]}</span>
                </button>
              </li>
            ))}
          </ul>
          {orphans.length > 0 && (
            <section aria-label="Orphaned highlights" className="orphans">
              <h3>Orphaned ({orphans.length})</h3>
              <p className="hint">Their words are no longer in the text. Select the passage they belong to, then re-attach.</p>
              <ul>
                {orphans.map((annotation) => (
                  <li key={annotation.id}>
                    <span className="quote">“{annotation.target.quote.exact}”</span> <span className="status status-orphan">orphan</span>
                    <button type="button" onClick={() => props.onReattach(annotation.id)}>
                      Re-attach to selection
                    </button>
                    <button type="button" aria-label={`Delete orphaned highlight “${annotation.target.quote.exact.slice(0, 40)}”`} onClick={() => run(highlights.actions.remove(annotation.id))}>
                      Delete
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </aside>
  );
}

interface SelectedEditorProps {
  annotation: HighlightRecord;
  annotations: readonly HighlightRecord[];
  candidates: readonly AnnotationId[];
  legend: readonly LegendEntry[];
  onRecolour(id: LegendId): void;
  onCommentText(text: string): void;
  onQuote(): void;
  onMessage(message: string): void;
  onDelete(): void;
  onPick(id: AnnotationId): void;
}

function SelectedEditor({ annotation, annotations, candidates, legend, onRecolour, onCommentText, onQuote, onMessage, onDelete, onPick }: SelectedEditorProps) {
  const others = candidates.filter((id) => id !== annotation.id).map((id) => annotations.find((candidate) => candidate.id === id)).filter((candidate) => candidate !== undefined);
  return (
    <section className="selected-highlight" aria-label="Selected highlight">
      <blockquote>{annotation.target.quote.exact}</blockquote>
      <label>
        Colour
        <select value={annotation.legendId} onChange={(event) => onRecolour(event.target.value as LegendId)}>
          {legend.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.name}
            </option>
          ))}
        </select>
      </label>
      <div className="comment-note">
        <span className="field-label">Comment</span>
        <StoredNoteEditor
          target={{ kind: 'comment', targetId: annotation.id }}
          label="Comment"
          seedText={annotation.comment}
          placeholder="Comment on this highlight…"
          onSaved={(note) => onCommentText(note.text)}
          onMessage={onMessage}
        />
      </div>
      <div className="form-buttons">
        <button type="button" onClick={onQuote} title="Quote it in the open notebook page (Ctrl+Shift+Q)">
          Quote in note
        </button>
        <button type="button" onClick={onDelete}>
          Delete highlight
        </button>
      </div>
      <CitingNotes by="annotation" id={annotation.id} />
      {others.length > 0 && (
        <div className="overlapping">
          <span>Also under the click:</span>
          {others.map((other) => (
            <button key={other.id} type="button" onClick={() => onPick(other.id)}>
              {other.target.quote.exact.length > 40 ? `${other.target.quote.exact.slice(0, 40)}…` : other.target.quote.exact}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
