import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type ElementNode,
} from 'lexical';
import { useEffect, useState, type FormEvent } from 'react';
import { useAppServices } from '../app/app-services';

type BlockKind = 'paragraph' | 'h2' | 'h3' | 'quote' | 'bullet' | 'number';

interface ToolbarState {
  bold: boolean;
  italic: boolean;
  block: BlockKind;
  link: boolean;
}

/** What the caret is in, for the buttons' pressed states. */
function $readToolbarState(): ToolbarState | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  const top = anchor.getKey() === 'root' ? null : anchor.getTopLevelElement();
  let block: BlockKind = 'paragraph';
  if ($isHeadingNode(top)) block = top.getTag() === 'h3' ? 'h3' : 'h2';
  else if ($isQuoteNode(top)) block = 'quote';
  else if ($isListNode(top)) block = top.getListType() === 'number' ? 'number' : 'bullet';
  const link = $findMatchingParent(anchor, $isLinkNode) !== null;
  return { bold: selection.hasFormat('bold'), italic: selection.hasFormat('italic'), block, link };
}

/** Turns the selected blocks into `make()`'s kind, or back into paragraphs when they already are. */
function $toggleBlocks(kind: BlockKind, make: () => ElementNode, current: BlockKind): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  const blocks = new Set(selection.getNodes().map((node) => (node.getKey() === 'root' ? null : node.getTopLevelElement())).filter($isElementNode));
  for (const block of blocks) block.replace(current === kind ? $createParagraphNode() : make(), true);
}

/** The note's formatting toolbar: named buttons with their shortcuts, and their pressed states. */
export function NoteToolbar({ label }: { label: string }) {
  const [editor] = useLexicalComposerContext();
  const { isMac } = useAppServices();
  const mod = isMac ? '⌘' : 'Ctrl+';
  const [state, setState] = useState<ToolbarState>({ bold: false, italic: false, block: 'paragraph', link: false });
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [linking, setLinking] = useState(false);
  const [url, setUrl] = useState('https://');
  const editable = editor.isEditable();

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          const next = editorState.read($readToolbarState);
          if (next) setState(next);
        }),
        editor.registerCommand(CAN_UNDO_COMMAND, (value) => (setCanUndo(value), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (value) => (setCanRedo(value), false), COMMAND_PRIORITY_LOW),
      ),
    [editor],
  );

  const block = (kind: BlockKind, make: () => ElementNode) => editor.update(() => $toggleBlocks(kind, make, state.block));
  const list = (kind: 'bullet' | 'number') =>
    editor.dispatchCommand(state.block === kind ? REMOVE_LIST_COMMAND : kind === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
  const applyLink = (event: FormEvent) => {
    event.preventDefault();
    const address = url.trim();
    if (/^(https?:|mailto:)/i.test(address)) editor.dispatchCommand(TOGGLE_LINK_COMMAND, address);
    setLinking(false);
    editor.focus();
  };
  const button = (name: string, pressed: boolean | undefined, run: () => void, keys?: string, disabled = false) => (
    <button
      type="button"
      aria-pressed={pressed}
      title={keys ? `${name} (${keys})` : name}
      disabled={!editable || disabled}
      // Keep the editor's selection: the button acts on it.
      onMouseDown={(event) => event.preventDefault()}
      onClick={run}
    >
      {name}
    </button>
  );
  return (
    <div className="note-toolbar" role="toolbar" aria-label={`${label} formatting`}>
      {button('Bold', state.bold, () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'), `${mod}B`)}
      {button('Italic', state.italic, () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'), `${mod}I`)}
      {button('Heading', state.block === 'h2', () => block('h2', () => $createHeadingNode('h2')), '## then space')}
      {button('Subheading', state.block === 'h3', () => block('h3', () => $createHeadingNode('h3')), '### then space')}
      {button('Bulleted list', state.block === 'bullet', () => list('bullet'), '- then space')}
      {button('Numbered list', state.block === 'number', () => list('number'), '1. then space')}
      {button('Block quote', state.block === 'quote', () => block('quote', () => $createQuoteNode()), '> then space')}
      {button(state.link ? 'Remove link' : 'Link', state.link, () => (state.link ? editor.dispatchCommand(TOGGLE_LINK_COMMAND, null) : setLinking(true)))}
      {button('Undo', undefined, () => editor.dispatchCommand(UNDO_COMMAND, undefined), `${mod}Z`, !canUndo)}
      {button('Redo', undefined, () => editor.dispatchCommand(REDO_COMMAND, undefined), isMac ? '⇧⌘Z' : 'Ctrl+Shift+Z', !canRedo)}
      {linking && (
        <form className="note-link-form" onSubmit={applyLink}>
          <label>
            Link address
            <input type="url" value={url} autoFocus onChange={(event) => setUrl(event.target.value)} onKeyDown={(event) => event.key === 'Escape' && setLinking(false)} />
          </label>
          <button type="submit">Apply link</button>
        </form>
      )}
    </div>
  );
}
