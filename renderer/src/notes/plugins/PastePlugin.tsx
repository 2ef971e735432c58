import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $createParagraphNode, $createTextNode, $getSelection, $isRangeSelection, COMMAND_PRIORITY_HIGH, PASTE_COMMAND, type LexicalNode } from 'lexical';
import { useEffect } from 'react';
import { useNoteServices } from '../note-services';
import { planPaste } from '../paste-as-text';

/** Lexical's own clipboard format: a copy from another note keeps its cards and mentions. */
const LEXICAL_MIME = 'application/x-lexical-editor';

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
            editor.update(() => {
              const selection = $getSelection();
              if (!$isRangeSelection(selection)) return;
              const nodes: LexicalNode[] = plan.paragraphs.map((line) => $createParagraphNode().append(...(line ? [$createTextNode(line)] : [])));
              if (plan.citeTitle !== null) nodes.push($createParagraphNode().append($createTextNode(`— from “${plan.citeTitle}”`).setFormat('italic')));
              selection.insertNodes(nodes);
            });
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor, services],
  );
  return null;
}
