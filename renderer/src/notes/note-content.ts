import { z } from 'zod';
import { AnnotationId, ArticleId, EntityId } from '../../../shared/model/ids';

/*
 * What a note's stored content says, read from Lexical's serialised editor state without an
 * editor: its plain text (for search, back-link previews and recovering a damaged note) and what
 * it cites (for back-links). Pure, so the store derives both on every save and tests need no DOM.
 */

/** One node of a serialised Lexical tree, as far as this module reads it. */
interface SerializedNodeLike {
  type?: unknown;
  text?: unknown;
  children?: unknown;
  [field: string]: unknown;
}

/** What a note's content cites. */
export interface NoteCitations {
  citedAnnotationIds: AnnotationId[];
  citedEntityIds: EntityId[];
  citedArticleIds: ArticleId[];
}

/** What {@link describeNoteContent} reads from a note's content. */
export interface NoteContentSummary extends NoteCitations {
  text: string;
}

/** Nodes that flow inside a line; every other element is a block and starts a new line. */
const INLINE_TYPES = new Set(['text', 'linebreak', 'tab', 'link', 'autolink', 'entity-mention']);

const QuoteCardRefs = z.object({ annotationId: AnnotationId, articleId: ArticleId, quote: z.string() });
const MentionRefs = z.object({ entityId: EntityId, name: z.string() });

/**
 * Reads the plain text and the citations of `content` (`JSON.stringify` of a serialised editor
 * state). Throws a `SyntaxError` when `content` is not JSON, and an `Error` when it is JSON but not
 * an editor state; the caller decides what a damaged note becomes.
 */
export function describeNoteContent(content: string): NoteContentSummary {
  const parsed: unknown = JSON.parse(content);
  const root = typeof parsed === 'object' && parsed !== null && 'root' in parsed ? (parsed as { root: unknown }).root : undefined;
  if (!isNode(root) || root.type !== 'root') throw new Error('not a Lexical editor state (no root node)');
  const annotations = new Set<AnnotationId>();
  const entities = new Set<EntityId>();
  const articles = new Set<ArticleId>();

  const textOf = (node: SerializedNodeLike): string => {
    switch (node.type) {
      case 'text':
        return typeof node.text === 'string' ? node.text : '';
      case 'linebreak':
        return '\n';
      case 'tab':
        return '\t';
      case 'quote-card': {
        const card = QuoteCardRefs.safeParse(node);
        if (!card.success) return '';
        annotations.add(card.data.annotationId);
        articles.add(card.data.articleId);
        return `“${card.data.quote}”`;
      }
      case 'entity-mention': {
        const mention = MentionRefs.safeParse(node);
        if (!mention.success) return '';
        entities.add(mention.data.entityId);
        return mention.data.name;
      }
      default:
        return childrenText(node);
    }
  };
  const childrenText = (node: SerializedNodeLike): string => {
    const children = Array.isArray(node.children) ? node.children.filter(isNode) : [];
    let text = '';
    children.forEach((child, index) => {
      text += textOf(child);
      const isBlock = typeof child.type === 'string' && !INLINE_TYPES.has(child.type);
      if (isBlock && index < children.length - 1) text += '\n';
    });
    return text;
  };

  return {
    text: childrenText(root),
    citedAnnotationIds: [...annotations],
    citedEntityIds: [...entities],
    citedArticleIds: [...articles],
  };
}

function isNode(value: unknown): value is SerializedNodeLike {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
