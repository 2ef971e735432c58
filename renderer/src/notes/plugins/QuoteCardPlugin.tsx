import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $insertNodeToNearestRoot, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getNearestNodeFromDOMNode,
  $getRoot,
  $getSelection,
  $isNodeSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_HIGH,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  KEY_ENTER_COMMAND,
  type LexicalNode,
} from 'lexical';
import { useEffect } from 'react';
import { $isEntityMentionNode } from '../nodes/EntityMentionNode';
import { $createQuoteCardNode, $isQuoteCardNode, type QuoteCardPayload } from '../nodes/QuoteCardNode';
import { useNoteServices } from '../note-services';
import { INSERT_QUOTE_CARD_COMMAND } from '../quote-card-command';
import { QUOTE_CARD_MIME, readQuoteCardTransfer } from '../quote-card-transfer';


/** Appends the card after `after`'s block (or at the end), with an empty paragraph to type on. */
function $insertCardAfter(card: QuoteCardPayload, after: LexicalNode | null): void {
  const node = $createQuoteCardNode(card);
  const block = after?.getTopLevelElement() ?? null;
  if (block) block.insertAfter(node);
  else $getRoot().append(node);
  if (!node.getNextSibling()) node.insertAfter($createParagraphNode());
  node.selectNext();
}

/**
 * Quote cards in a note: the insert command (menu, shortcut), drops of a highlight dragged from
 * the Highlights list, and Enter on a card's button, which must open the passage rather than be
 * taken by the editor as a new paragraph.
 */
export function QuoteCardPlugin() {
  const [editor] = useLexicalComposerContext();
  const services = useNoteServices();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          INSERT_QUOTE_CARD_COMMAND,
          ({ card, at }) => {
            const selection = $getSelection();
            if (at === 'selection' && $isRangeSelection(selection)) {
              $insertNodeToNearestRoot($createQuoteCardNode(card));
              return true;
            }
            $insertCardAfter(card, $getRoot().getLastChild());
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          DRAGOVER_COMMAND,
          (event) => {
            if (!event.dataTransfer?.types.includes(QUOTE_CARD_MIME)) return false;
            event.preventDefault();
            event.dataTransfer.dropEffect = 'copy';
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          DROP_COMMAND,
          (event) => {
            const card = readQuoteCardTransfer(event.dataTransfer);
            if (!card) return false;
            event.preventDefault();
            const caret = document.caretRangeFromPoint(event.clientX, event.clientY);
            const near = caret ? $getNearestNodeFromDOMNode(caret.startContainer) : null;
            $insertCardAfter(card, near ?? $getRoot().getLastChild());
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          KEY_ENTER_COMMAND,
          (event) => {
            // The card's own button is focused: let the browser turn Enter into its click.
            if (event?.target instanceof HTMLElement && event.target.closest('.quote-card-open, .entity-mention') !== null) return true;
            // The card is selected as a whole (arrow keys onto it): Enter chooses it.
            const selection = $getSelection();
            const nodes = $isNodeSelection(selection) ? selection.getNodes() : [];
            const only = nodes.length === 1 ? nodes[0] : undefined;
            if ($isQuoteCardNode(only)) {
              event?.preventDefault();
              services.revealQuote(only.getCard());
              return true;
            }
            if ($isEntityMentionNode(only)) {
              event?.preventDefault();
              services.showEntity(only.getEntityId(), only.getTextContent());
              return true;
            }
            return false;
          },
          COMMAND_PRIORITY_CRITICAL,
        ),
      ),
    [editor, services],
  );
  return null;
}
