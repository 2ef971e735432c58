import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $createParagraphNode, $createTextNode, $getNodeByKey, $getSelection, $isRangeSelection, COMMAND_PRIORITY_HIGH, HISTORY_MERGE_TAG, PASTE_COMMAND, SKIP_SCROLL_INTO_VIEW_TAG, type LexicalEditor, type LexicalNode } from 'lexical';
import { useEffect } from 'react';
import { useNoteServices } from '../note-services';
import { planPaste } from '../paste-as-text';

/** Lexical's own clipboard format: a copy from another note keeps its cards and mentions. */
const LEXICAL_MIME = 'application/x-lexical-editor';

/**
 * Paragraphs per update. Lexical reconciles each update in one task; measured here, 11,000
 * paragraphs (1 MB) in one update blocked the window for ~1.5 s, 500 take ~70 ms.
 */
const PARAGRAPHS_PER_UPDATE = 500;

/**
 * Inserts the paragraphs at the caret, the first chunk at once and the rest in later tasks after
 * the last one inserted, so the window paints and takes keys in between. The later chunks merge
 * into the first one's history entry: one undo removes the whole paste.
 */
function insertInChunks(editor: LexicalEditor, makers: ReadonlyArray<() => LexicalNode>): void {
  let lastKey: string | null = null;
  let next = 0;
  const step = (first: boolean) => {
    editor.update(
      () => {
        const nodes = makers.slice(next, next + PARAGRAPHS_PER_UPDATE).map((make) => make());
        next += nodes.length;
        if (first) {
          const selection = $getSelection();
          if (!$isRangeSelection(selection)) return;
          selection.insertNodes(nodes);
        } else {
          let after = lastKey ? $getNodeByKey(lastKey) : null;
          if (!after) return;
          for (const node of nodes) after = after.insertAfter(node);
          // The caret moves once, at the end: moving it per chunk would lay out the whole note each time.
          if (next >= makers.length) after.selectEnd();
        }
        lastKey = nodes[nodes.length - 1]?.getKey() ?? lastKey;
        // Scheduled from inside: within a command the update runs after this function returns.
        if (next < makers.length && lastKey) setTimeout(() => step(false), 0);
      },
      first ? undefined : { tag: [HISTORY_MERGE_TAG, SKIP_SCROLL_INTO_VIEW_TAG] },
    );
  };
  step(true);
}

/**
 * Pastes text, never foreign markup: rich text (from an article, a web page, a word processor)
 * comes in as its plain text, one paragraph per line, with a citation of the article when it is
 * the passage last copied from a reading pane. Very long text (1 MB) becomes plain paragraphs in
 * one update, which Lexical reconciles without freezing the window.
 */
export function PastePlugin() {
  const [editor] = useLexicalComposerContext();
  const services = useNoteServices();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          PASTE_COMMAND,
          (event) => {
            const data = 'clipboardData' in event ? event.clipboardData : null;
            if (!data || data.types.includes(LEXICAL_MIME)) return false;
            const text = data.getData('text/plain');
            if (!text) return false;
            event.preventDefault();
            const copied = services.lastCopiedPassage();
            const plan = planPaste(text, copied);
            const lines = plan.paragraphs.map((line) => () => $createParagraphNode().append(...(line ? [$createTextNode(line)] : [])));
            if (plan.citeTitle !== null) {
              const title = plan.citeTitle;
              lines.push(() => $createParagraphNode().append($createTextNode(`— from “${title}”`).setFormat('italic')));
            }
            insertInChunks(editor, lines);
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor, services],
  );
  return null;
}
