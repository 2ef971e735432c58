import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { runActionForKey, type AppAction } from '../actions/app-actions';
import { describeKeyBinding } from '../actions/key-binding';
import { useCorpus } from '../corpus/use-corpus';
import { saveArticleMeta } from '../db/article-meta-store';
import { renameArticle } from '../db/article-registry';
import type { ArticleMetaRecord } from '../db/workbench-db';
import { MetadataDialog } from '../dialogs/MetadataDialog';
import { OpenFolderDialog } from '../dialogs/OpenFolderDialog';
import { LibraryPanel } from '../library/LibraryPanel';
import { MAX_PANES } from '../reader/pane-layout';
import { ReaderArea } from '../reader/ReaderArea';
import { useLayout } from '../reader/use-layout';
import { useRevealPassage } from '../reader/use-reveal-passage';
import { AnnotationsPanel } from '../highlights/AnnotationsPanel';
import { LegendDialog } from '../highlights/LegendDialog';
import { SelectionToolbar } from '../highlights/SelectionToolbar';
import { useHighlighting } from '../highlights/use-highlighting';
import { NotesPanel } from '../notes/NotesPanel';
import { useNotesWiring } from '../notes/use-notes-wiring';
import { EntitiesPanel } from '../entities/EntitiesPanel';
import { TagPicker } from '../entities/TagPicker';
import { useEntities } from '../entities/use-entities';
import { ExportDialog, ImportDialog } from '../transfer/LazyTransferDialogs';
import type { ArticleId } from '../../../shared/model/ids';
import { useAppServices } from './app-services';
import { SidePanel } from './SidePanel';

const NO_CORRECTIONS: ReadonlyMap<string, ArticleMetaRecord> = new Map();

/** The workbench: toolbar, library on the left, reading panes on the right. */
export function App() {
  const { client, platform, db, info, isMac } = useAppServices();
  const corpus = useCorpus();
  const openCorpus = corpus.open;
  const { layout, dispatch } = useLayout();
  const [typingFolder, setTypingFolder] = useState(false);
  const [editingPath, setEditingPath] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [editingLegend, setEditingLegend] = useState(false);
  const [sideTab, setSideTab] = useState('highlights');
  const [transfer, setTransfer] = useState<'export' | 'import' | null>(null);
  const entityRows = useLiveQuery(() => db.entities.orderBy('name').toArray(), [db]);
  const [paneArticles, setPaneArticles] = useState<ReadonlyMap<string, { articleId: ArticleId; title: string }>>(new Map());
  const highlighting = useHighlighting(setAnnouncement);
  const showEntities = useCallback(() => setSideTab('entities'), []);
  const entities = useEntities(setAnnouncement, showEntities);
  const summaries = useMemo(() => new Map(corpus.listing?.articles.map((article) => [article.path, article]) ?? []), [corpus.listing]);
  const livePaths = useMemo(() => new Set(summaries.keys()), [summaries]);
  const onPaneArticle = useCallback((paneId: string, article: { articleId: ArticleId; title: string } | null) => {
    setPaneArticles((current) => {
      const next = new Map(current);
      if (article) next.set(paneId, article);
      else next.delete(paneId);
      return next;
    });
  }, []);
  const focusedArticle = paneArticles.get(layout.focusedId) ?? null;
  const selectHighlight = highlighting.select;
  const notes = useNotesWiring({
    layout,
    dispatch,
    paneArticles,
    setSideTab,
    onSelectHighlight: useCallback((selection) => selectHighlight(selection, false), [selectHighlight]),
    selected: highlighting.selected,
    isMac,
    onMessage: setAnnouncement,
  });
  const reveal = useRevealPassage(layout, dispatch);
  const titleForPath = useCallback((path: string) => summaries.get(path)?.meta.title, [summaries]);
  const correctionRows = useLiveQuery(() => db.articleMeta.toArray(), [db]);
  const corrections = useMemo(() => (correctionRows ? new Map(correctionRows.map((row) => [row.path, row])) : NO_CORRECTIONS), [correctionRows]);

  const actions: AppAction[] = useMemo(
    () => [
      {
        id: 'open-folder',
        label: 'Open folder…',
        keys: 'Mod+O',
        run: () => {
          if (!platform.pickFolder) {
            setTypingFolder(true);
            return;
          }
          void platform.pickFolder().then((root) => (root ? openCorpus(root) : false));
        },
      },
      { id: 'new-pane', label: 'New pane', keys: 'Mod+Shift+N', run: () => dispatch({ type: 'add-pane' }) },
      { id: 'focus-next-pane', label: 'Focus next pane', keys: 'Mod+]', run: () => dispatch({ type: 'focus-step', step: 1 }) },
      { id: 'focus-previous-pane', label: 'Focus previous pane', keys: 'Mod+[', run: () => dispatch({ type: 'focus-step', step: -1 }) },
      { id: 'toggle-sync-scroll', label: 'Synchronised scrolling', keys: 'Mod+Shift+S', run: () => dispatch({ type: 'toggle-sync' }) },
      { id: 'undo', label: 'Undo', keys: 'Mod+Z', run: highlighting.undo, notInTextFields: true },
      { id: 'redo', label: 'Redo', keys: 'Mod+Shift+Z', run: highlighting.redo, notInTextFields: true },
      { id: 'export', label: 'Export…', keys: 'Mod+Shift+E', run: () => setTransfer('export') },
      { id: 'import', label: 'Import…', keys: '', run: () => setTransfer('import') },
    ],
    [platform, openCorpus, dispatch, highlighting.undo, highlighting.redo],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => entities.onKey(event) || highlighting.highlightWithShortcut(event) || runActionForKey(actions, event, isMac);
    window.addEventListener('keydown', onKey);
    const unsubscribe = client.subscribe('app.command', ({ id }) => actions.find((action) => action.id === id)?.run());
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, [actions, client, isMac, highlighting, entities]);

  useEffect(() => {
    // Keyboard focus follows the focused pane, so Mod+] really moves the reader's attention.
    document.querySelector<HTMLElement>('.pane.focused .pane-body')?.focus({ preventScroll: true });
  }, [layout.focusedId]);

  useEffect(() => {
    const change = corpus.lastChange;
    if (!change) return;
    if (change.kind === 'renamed' && change.from) {
      dispatch({ type: 'rename-path', from: change.from, to: change.path });
      renameArticle(db, change.from, change.path).catch((error: unknown) => console.error('Could not follow a renamed file', error));
    }
    const verbs = { added: 'added to', changed: 'changed in', removed: 'removed from', renamed: 'renamed in', 'root-missing': 'missing from' } as const;
    setAnnouncement(change.kind === 'root-missing' ? 'The corpus folder no longer exists' : `${change.path} was ${verbs[change.kind]} the corpus`);
  }, [corpus.lastChange, dispatch, db]);

  const action = (id: AppAction['id']) => actions.find((candidate) => candidate.id === id);
  const editing = editingPath ? corpus.listing?.articles.find((article) => article.path === editingPath) : undefined;
  return notes.provide(
    <div className="app">
      <header className="toolbar">
        <h1>Research Workbench</h1>
        <span className="corpus-name" title={corpus.listing?.root}>
          {corpus.loading ? 'Opening…' : corpus.listing ? corpus.listing.name : 'No folder open'}
        </span>
        <div className="toolbar-buttons" role="toolbar" aria-label="Workbench">
          {(['open-folder', 'new-pane', 'export', 'import'] as const).map((id) => (
            <button key={id} type="button" title={describeKeyBinding(action(id)?.keys ?? '', isMac)} disabled={id === 'new-pane' && layout.panes.length >= MAX_PANES} onClick={() => action(id)?.run()}>
              {action(id)?.label}
            </button>
          ))}
          <button type="button" aria-pressed={layout.syncScroll} title={describeKeyBinding('Mod+Shift+S', isMac)} onClick={() => action('toggle-sync-scroll')?.run()}>
            Sync scroll
          </button>
        </div>
        <span className="app-mode">{info.mode === 'browser' ? 'Browser mode' : ''}</span>
      </header>
      {corpus.error && !typingFolder && (
        <p className="warning app-error" role="alert">
          {corpus.error}
        </p>
      )}
      <div className="workspace">
        <LibraryPanel listing={corpus.listing} corrections={corrections} onOpen={(path, where) => dispatch({ type: 'open', path, where })} />
        <ReaderArea
          layout={layout}
          dispatch={dispatch}
          corrections={corrections}
          lastChange={corpus.lastChange}
          onEditDetails={setEditingPath}
          livePaths={livePaths}
          summaries={summaries}
          onArticle={onPaneArticle}
          onSelectHighlight={(selection) => highlighting.select(selection, false)}
        />
        <SidePanel
          active={sideTab}
          onActivate={setSideTab}
          tabs={[
            {
              id: 'highlights',
              label: 'Highlights',
              render: () => (
                <AnnotationsPanel
                  paneId={focusedArticle ? layout.focusedId : null}
                  articleId={focusedArticle?.articleId ?? null}
                  articleTitle={focusedArticle?.title ?? ''}
                  legend={highlighting.legend}
                  selected={highlighting.selected}
                  onSelect={highlighting.select}
                  onReattach={highlighting.reattach}
                  onEditLegend={() => setEditingLegend(true)}
                  onQuote={notes.requestQuote}
                  onMessage={setAnnouncement}
                />
              ),
            },
            {
              id: 'notes',
              label: 'Notes',
              render: () => (
                <NotesPanel
                  article={focusedArticle}
                  openPageId={notes.openPageId}
                  onOpenPage={notes.setOpenPageId}
                  quoteRequest={notes.quoteRequest}
                  onQuoteDone={notes.quoteDone}
                  onMessage={setAnnouncement}
                />
              ),
            },
            {
              id: 'entities',
              label: 'Entities',
              render: () => (
                <EntitiesPanel
                  types={entities.types}
                  selection={entities.selection}
                  stepping={entities.stepping}
                  titleForPath={titleForPath}
                  reveal={(passage) => void reveal(passage).then((problem) => problem && setAnnouncement(problem))}
                  onMessage={setAnnouncement}
                />
              ),
            },
          ]}
        />
      </div>
      <SelectionToolbar
        legend={highlighting.legend}
        onHighlight={(target, entry) => void highlighting.highlightSelection(target, entry).catch((error: unknown) => setAnnouncement(String(error)))}
        entityTypes={entities.types}
        onTag={entities.tagging.openPicker}
      />
      {entities.tagging.picker && (
        <TagPicker
          key={`${entities.tagging.picker.type.id}|${entities.tagging.picker.selectedText}`}
          type={entities.tagging.picker.type}
          selectedText={entities.tagging.picker.selectedText}
          position={entities.tagging.picker.position}
          onChoose={(option) => void entities.tagging.choose(option)}
          onClose={entities.tagging.closePicker}
        />
      )}
      {transfer === 'export' && <ExportDialog listing={corpus.listing} entities={entityRows ?? []} onClose={() => setTransfer(null)} onMessage={setAnnouncement} />}
      {transfer === 'import' && <ImportDialog listing={corpus.listing} onClose={() => setTransfer(null)} onMessage={setAnnouncement} />}
      {editingLegend && <LegendDialog legend={highlighting.legend} onClose={() => setEditingLegend(false)} />}
      <p className="status-bar" role="status" aria-live="polite">
        {announcement}
      </p>
      {typingFolder && (
        <OpenFolderDialog
          error={corpus.error}
          opening={corpus.loading}
          onClose={() => setTypingFolder(false)}
          onOpen={(root) => void corpus.open(root).then((opened) => opened && setTypingFolder(false))}
        />
      )}
      {editing && (
        <MetadataDialog
          path={editing.path}
          derived={editing.meta}
          correction={corrections.get(editing.path)}
          onClose={() => setEditingPath(null)}
          onSave={(fields) => void saveArticleMeta(db, editing.path, fields).then(() => setEditingPath(null))}
        />
      )}
    </div>
  );
}
