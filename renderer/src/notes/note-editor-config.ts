import { LinkNode, AutoLinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { createEditor, type EditorThemeClasses, type Klass, type LexicalNode } from 'lexical';
import { describeNoteContent } from './note-content';
import { EntityMentionNode } from './nodes/EntityMentionNode';
import { QuoteCardNode } from './nodes/QuoteCardNode';
import { errorMessage } from '../../../shared/text/error-message';

/** Every node a note may contain; stored notes are parsed against exactly this list. */
export const NOTE_NODES: ReadonlyArray<Klass<LexicalNode>> = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, AutoLinkNode, QuoteCardNode, EntityMentionNode];

/** Class names for the note's elements (styled in app.css). */
export const NOTE_THEME: EditorThemeClasses = {
  paragraph: 'note-paragraph',
  heading: { h1: 'note-h1', h2: 'note-h2', h3: 'note-h3' },
  quote: 'note-quote',
  list: { ul: 'note-ul', ol: 'note-ol', listitem: 'note-li', nested: { listitem: 'note-li-nested' } },
  link: 'note-link',
  text: { bold: 'note-bold', italic: 'note-italic' },
};

/**
 * Why a note's stored content cannot be opened, or `null` when it can: it must be JSON that Lexical
 * accepts as an editor state with the notes' nodes. An empty string is a note never written yet.
 */
export function checkNoteContent(content: string): string | null {
  if (content === '') return null;
  try {
    const editor = createEditor({
      namespace: 'note-check',
      nodes: [...NOTE_NODES],
      onError: (error) => {
        throw error;
      },
    });
    // The shape check first: Lexical may accept JSON without a root as an empty note, which would then be saved over it.
    describeNoteContent(content);
    editor.parseEditorState(content);
    return null;
  } catch (error) {
    return errorMessage(error);
  }
}
