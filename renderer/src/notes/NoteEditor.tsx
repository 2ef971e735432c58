import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { BOLD_ITALIC_STAR, BOLD_STAR, BOLD_UNDERSCORE, HEADING, ITALIC_STAR, ITALIC_UNDERSCORE, LINK, ORDERED_LIST, QUOTE, UNORDERED_LIST, type Transformer } from '@lexical/markdown';
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor } from 'lexical';
import { useMemo, useState } from 'react';
import type { NoteRecord } from '../../../shared/model/note';
import type { NoteIdentity } from '../db/note-store';
import { NOTE_NODES, NOTE_THEME } from './note-editor-config';
import { NoteToolbar } from './NoteToolbar';
import { AutosavePlugin } from './plugins/AutosavePlugin';
import { MentionsPlugin } from './plugins/MentionsPlugin';
import { PastePlugin } from './plugins/PastePlugin';
import { QuoteCardPlugin } from './plugins/QuoteCardPlugin';

/** The Markdown shortcuts a note understands while typing (no code blocks: notes have no code node). */
const MARKDOWN_SHORTCUTS: Transformer[] = [HEADING, QUOTE, UNORDERED_LIST, ORDERED_LIST, BOLD_ITALIC_STAR, BOLD_STAR, BOLD_UNDERSCORE, ITALIC_STAR, ITALIC_UNDERSCORE, LINK];

const SAFE_LINK = /^(https?:|mailto:)/i;

export interface NoteEditorProps {
  identity: NoteIdentity;
  /** The editor's accessible name ("Comment", "Note on …", "Page …"). */
  label: string;
  /** The stored content (`''` for a note never saved). */
  content: string;
  /** Text a never-saved note starts with (a plain comment written before notes were rich). */
  seedText?: string;
  /** Save the content at once (it came from a draft newer than the database). */
  saveOnMount?: boolean;
  placeholder?: string;
  /** Called with the editor once it exists (to insert quote cards from outside). */
  onEditor?(editor: LexicalEditor | null): void;
  onSaved?(note: NoteRecord): void;
  onMessage(message: string): void;
}

/**
 * A note, edited with Lexical: rich text with headings, lists, links, block quotes, Markdown
 * shortcuts, its own undo history, quote cards and @mentions, saved as the user types.
 */
export function NoteEditor({ identity, label, content, seedText, saveOnMount = false, placeholder, onEditor, onSaved, onMessage }: NoteEditorProps) {
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: `note-${identity.kind}`,
    nodes: [...NOTE_NODES],
    theme: NOTE_THEME,
    onError: (error) => onMessage(`The note editor failed: ${error.message}`),
    editorState: content
      ? content
      : seedText
        ? () => {
            const lines = seedText.split('\n');
            $getRoot().append(...lines.map((line) => $createParagraphNode().append(...(line ? [$createTextNode(line)] : []))));
          }
        : null,
  }));
  const onError = useMemo(() => (message: string) => onMessage(`Not saved: ${message}`), [onMessage]);
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="note-editor">
        <NoteToolbar label={label} />
        <div className="note-editor-body">
          <RichTextPlugin
            contentEditable={<ContentEditable className="note-content" aria-label={label} aria-multiline={true} role="textbox" spellCheck={true} />}
            placeholder={<div className="note-placeholder">{placeholder ?? 'Write here. Type @ to name an entity; drop a highlight to quote it.'}</div>}
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={(url) => SAFE_LINK.test(url)} />
        <MarkdownShortcutPlugin transformers={MARKDOWN_SHORTCUTS} />
        <PastePlugin />
        <QuoteCardPlugin />
        <MentionsPlugin />
        <AutosavePlugin identity={identity} saveOnMount={saveOnMount} onSaved={onSaved} onError={onError} />
        {onEditor && <EditorRefPlugin editorRef={onEditor} />}
      </div>
    </LexicalComposer>
  );
}
