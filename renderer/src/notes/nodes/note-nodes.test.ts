// @vitest-environment jsdom
import { $createParagraphNode, $createTextNode, $getRoot, createEditor, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { AnnotationId, ArticleId, EntityId } from '../../../../shared/model/ids';
import { SerializedEntityMention, SerializedQuoteCard } from '../../../../shared/model/note';
import { checkNoteContent, NOTE_NODES } from '../note-editor-config';
import { describeNoteContent } from '../note-content';
import { $createEntityMentionNode, $isEntityMentionNode } from './EntityMentionNode';
import { $createQuoteCardNode, $isQuoteCardNode } from './QuoteCardNode';

const CARD = {
  annotationId: AnnotationId.parse('a-denial'),
  articleId: ArticleId.parse('article-001'),
  quote: 'Rwanda denies allegations',
  articleTitle: 'UN experts say Rwandan troops fight alongside M23',
};
const KAGAME = EntityId.parse('entity-kagame');

function headlessEditor(): LexicalEditor {
  return createEditor({
    namespace: 'test',
    nodes: [...NOTE_NODES],
    onError: (error) => {
      throw error;
    },
  });
}

/** A note with a paragraph naming Kagame, then a quote card. */
function writeNote(editor: LexicalEditor): string {
  editor.update(
    () => {
      const paragraph = $createParagraphNode().append($createTextNode('Asked about it, '), $createEntityMentionNode(KAGAME, 'Paul Kagame'), $createTextNode(' said nothing.'));
      $getRoot().append(paragraph, $createQuoteCardNode(CARD));
    },
    { discrete: true },
  );
  return JSON.stringify(editor.getEditorState().toJSON());
}

describe('QuoteCardNode and EntityMentionNode', () => {
  it('serialise exactly as the shared schemas', () => {
    const json = JSON.parse(writeNote(headlessEditor())) as { root: { children: Array<{ children?: unknown[] }> } };
    const [paragraph, card] = json.root.children;
    expect(SerializedQuoteCard.strict().parse(card)).toEqual({ type: 'quote-card', version: 1, ...CARD });
    expect(SerializedEntityMention.strict().parse(paragraph?.children?.[1])).toEqual({ type: 'entity-mention', version: 1, entityId: KAGAME, name: 'Paul Kagame' });
  });

  it('survive a round trip through JSON into another editor', () => {
    const content = writeNote(headlessEditor());
    const other = headlessEditor();
    other.setEditorState(other.parseEditorState(content));
    other.getEditorState().read(() => {
      const [paragraph, card] = $getRoot().getChildren();
      expect($isQuoteCardNode(card) && card.getCard()).toEqual(CARD);
      const mention = paragraph && 'getChildren' in paragraph ? (paragraph as { getChildren(): unknown[] }).getChildren()[1] : undefined;
      expect($isEntityMentionNode(mention as never) && (mention as { getEntityId(): string }).getEntityId()).toBe(KAGAME);
    });
    expect(JSON.stringify(other.getEditorState().toJSON())).toBe(content);
  });

  it('give the note its text and citations', () => {
    expect(describeNoteContent(writeNote(headlessEditor()))).toEqual({
      text: 'Asked about it, Paul Kagame said nothing.\n“Rwanda denies allegations”',
      citedAnnotationIds: [CARD.annotationId],
      citedEntityIds: [KAGAME],
      citedArticleIds: [CARD.articleId],
    });
  });

  it('refuse a malformed card, so the note is recognised as damaged', () => {
    const content = writeNote(headlessEditor()).replace('"annotationId":"a-denial",', '');
    expect(checkNoteContent(content)).toMatch(/annotationId/);
    expect(checkNoteContent('{"root": [')).toMatch(/JSON/);
    expect(checkNoteContent('{"editorState": {}}')).toMatch(/no root node/);
    expect(checkNoteContent(writeNote(headlessEditor()))).toBeNull();
  });
});
