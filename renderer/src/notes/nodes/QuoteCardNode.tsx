import { $applyNodeReplacement, DecoratorNode, type DOMExportOutput, type LexicalNode, type NodeKey, type SerializedLexicalNode } from 'lexical';
import type { JSX } from 'react';
import { SerializedQuoteCard } from '../../../../shared/model/note';
import type { AnnotationId, ArticleId } from '../../../../shared/model/ids';
import { QuoteCard } from './QuoteCard';

/** What a quote card cites and shows: copied in when it is made, so it outlives its highlight. */
export interface QuoteCardPayload {
  annotationId: AnnotationId;
  articleId: ArticleId;
  quote: string;
  articleTitle: string;
}

/**
 * A highlight cited in a note: a block showing the quoted passage and its article's title.
 * Serialised exactly as `SerializedQuoteCard` (shared/model/note.ts), which the exporters read.
 */
export class QuoteCardNode extends DecoratorNode<JSX.Element> {
  __card: QuoteCardPayload;

  static override getType(): string {
    return 'quote-card';
  }

  static override clone(node: QuoteCardNode): QuoteCardNode {
    return new QuoteCardNode(node.__card, node.__key);
  }

  /** Refuses a malformed card (throws), so a damaged note is recognised as such and opens read-only. */
  static override importJSON(serialized: SerializedLexicalNode & Record<string, unknown>): QuoteCardNode {
    const { annotationId, articleId, quote, articleTitle } = SerializedQuoteCard.parse(serialized);
    return $createQuoteCardNode({ annotationId, articleId, quote, articleTitle });
  }

  constructor(card: QuoteCardPayload, key?: NodeKey) {
    super(key);
    this.__card = card;
  }

  override exportJSON(): SerializedQuoteCard & SerializedLexicalNode {
    const { annotationId, articleId, quote, articleTitle } = this.getLatest().__card;
    return { type: 'quote-card', version: 1, annotationId, articleId, quote, articleTitle };
  }

  getCard(): QuoteCardPayload {
    return this.getLatest().__card;
  }

  override createDOM(): HTMLElement {
    const element = document.createElement('div');
    element.className = 'quote-card-block';
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  override exportDOM(): DOMExportOutput {
    const element = document.createElement('blockquote');
    element.textContent = `${this.__card.quote} (${this.__card.articleTitle})`;
    return { element };
  }

  override getTextContent(): string {
    return `“${this.__card.quote}” (${this.__card.articleTitle})\n`;
  }

  override isInline(): false {
    return false;
  }

  override isKeyboardSelectable(): boolean {
    return true;
  }

  override decorate(): JSX.Element {
    return <QuoteCard nodeKey={this.getKey()} card={this.__card} />;
  }
}

export function $createQuoteCardNode(card: QuoteCardPayload): QuoteCardNode {
  return $applyNodeReplacement(new QuoteCardNode(card));
}

export function $isQuoteCardNode(node: LexicalNode | null | undefined): node is QuoteCardNode {
  return node instanceof QuoteCardNode;
}
