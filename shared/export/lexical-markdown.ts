import type { Entity } from '../model/annotation';
import { SerializedEntityMention, SerializedQuoteCard } from '../model/note';
import { blockQuote, escapeMarkdownInline, escapeMarkdownLineStart, linkDestination } from './markdown-text';

/*
 * A note's content (Lexical's serialised editor state, as JSON) to Markdown, without Lexical: the
 * exporters run in `shared/`. Covers Lexical 0.52's standard nodes (paragraph, heading, text with
 * its format bits, list and listitem, quote, link, linebreak) and the product's two custom nodes.
 * An unknown node with children is rendered as its children; an unknown leaf with `text` as that
 * text, so that a node added later loses its formatting in old exporters, never its words.
 */

interface LexicalNode {
  type?: unknown;
  children?: unknown;
  text?: unknown;
  format?: unknown;
  tag?: unknown;
  listType?: unknown;
  url?: unknown;
  checked?: unknown;
  [key: string]: unknown;
}

/** Lexical's text format bits (`TextNode.__format`). */
const FORMAT_BOLD = 1;
const FORMAT_ITALIC = 2;
const FORMAT_STRIKETHROUGH = 4;
const FORMAT_CODE = 16;

export interface NoteMarkdownContext {
  /** The registry's current entities: a mention shows the entity's current name when it still exists. */
  entityById: ReadonlyMap<string, Entity>;
  /** How to cite a quote card's article (its title and file), by article id. */
  citeArticle: (articleId: string, fallbackTitle: string) => string;
  /** Levels added to the note's own headings, so that they nest under the heading the note is placed under. */
  headingOffset?: number;
}

function isNode(value: unknown): value is LexicalNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function childrenOf(node: LexicalNode): LexicalNode[] {
  return Array.isArray(node.children) ? node.children.filter(isNode) : [];
}

function formatText(node: LexicalNode): string {
  const text = typeof node.text === 'string' ? node.text : '';
  if (text.length === 0) return '';
  const format = typeof node.format === 'number' ? node.format : 0;
  if (format & FORMAT_CODE) return `\`${text.replace(/`/g, 'ˋ')}\``;
  // Emphasis markers must hug the words: spaces at the edges move outside them.
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  const [lead, core, trail] = match ? [match[1] ?? '', match[2] ?? '', match[3] ?? ''] : ['', text, ''];
  if (core.length === 0) return text;
  let out = escapeMarkdownInline(core);
  if (format & FORMAT_STRIKETHROUGH) out = `~~${out}~~`;
  if (format & FORMAT_ITALIC) out = `*${out}*`;
  if (format & FORMAT_BOLD) out = `**${out}**`;
  return `${lead}${out}${trail}`;
}

function entityName(node: LexicalNode, context: NoteMarkdownContext): string {
  const parsed = SerializedEntityMention.safeParse(node);
  if (!parsed.success) return typeof node.name === 'string' ? node.name : '';
  return context.entityById.get(parsed.data.entityId)?.name ?? parsed.data.name;
}

function quoteCard(node: LexicalNode, context: NoteMarkdownContext): string {
  const parsed = SerializedQuoteCard.safeParse(node);
  const quote = parsed.success ? parsed.data.quote : typeof node.quote === 'string' ? node.quote : '';
  const citation = parsed.success ? context.citeArticle(parsed.data.articleId, parsed.data.articleTitle) : '';
  const body = quote.split('\n').map((line) => escapeMarkdownLineStart(escapeMarkdownInline(line))).join('\n');
  return blockQuote(citation ? `${body}\n\n— ${citation}` : body);
}

/** Inline content; a quote card met inline is returned apart, since Markdown has no inline block quote. */
function renderInline(nodes: readonly LexicalNode[], context: NoteMarkdownContext): { parts: string[] } {
  const parts: string[] = [''];
  const append = (text: string) => {
    parts[parts.length - 1] += text;
  };
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        append(formatText(node));
        break;
      case 'linebreak':
        append('\\\n');
        break;
      case 'tab':
        append('\t');
        break;
      case 'entity-mention':
        append(escapeMarkdownInline(entityName(node, context)));
        break;
      case 'link':
      case 'autolink': {
        const label = renderInline(childrenOf(node), context).parts.join(' ');
        const url = typeof node.url === 'string' ? node.url : '';
        append(url ? `[${label}](${linkDestination(url)})` : label);
        break;
      }
      case 'quote-card':
        parts.push(`\u0000${quoteCard(node, context)}`, '');
        break;
      default:
        if (Array.isArray(node.children)) append(renderInline(childrenOf(node), context).parts.join(''));
        else if (typeof node.text === 'string') append(escapeMarkdownInline(node.text));
    }
  }
  return { parts };
}

/** Renders a paragraph-like node's inline children as blocks (text, then any quote cards it holds). */
function inlineBlocks(node: LexicalNode, context: NoteMarkdownContext, prefix = ''): string[] {
  const blocks: string[] = [];
  for (const part of renderInline(childrenOf(node), context).parts) {
    if (part.startsWith('\u0000')) blocks.push(part.slice(1));
    else if (part.trim().length > 0) blocks.push(prefix + escapeMarkdownLineStart(part));
  }
  return blocks;
}

function renderList(node: LexicalNode, context: NoteMarkdownContext, depth: number): string {
  const ordered = node.listType === 'number';
  const lines: string[] = [];
  let number = typeof node.start === 'number' ? node.start : 1;
  for (const item of childrenOf(node)) {
    const indent = '   '.repeat(depth);
    const nested = childrenOf(item).filter((child) => child.type === 'list');
    const inline = childrenOf(item).filter((child) => child.type !== 'list');
    if (inline.length > 0 || nested.length === 0) {
      const marker = ordered ? `${number}.` : node.listType === 'check' ? (item.checked === true ? '- [x]' : '- [ ]') : '-';
      number++;
      const text = inlineBlocks({ children: inline }, context).join('\n').replace(/\n/g, `\n${indent}   `);
      lines.push(`${indent}${marker} ${text}`.trimEnd());
    }
    for (const list of nested) lines.push(renderList(list, context, depth + 1));
  }
  return lines.join('\n');
}

function renderBlock(node: LexicalNode, context: NoteMarkdownContext): string[] {
  switch (node.type) {
    case 'heading': {
      const own = typeof node.tag === 'string' && /^h[1-6]$/.test(node.tag) ? Number(node.tag.slice(1)) : 2;
      const level = Math.min(6, own + (context.headingOffset ?? 0));
      const text = renderInline(childrenOf(node), context).parts.filter((part) => !part.startsWith('\u0000')).join(' ').replace(/\\\n/g, ' ');
      return text.trim() ? [`${'#'.repeat(level)} ${text.trim()}`] : [];
    }
    case 'list':
      return [renderList(node, context, 0)];
    case 'quote': {
      const inner = inlineBlocks(node, context).join('\n\n');
      return inner ? [blockQuote(inner)] : [];
    }
    case 'quote-card':
      return [quoteCard(node, context)];
    case 'horizontalrule':
      return ['---'];
    case 'paragraph':
      return inlineBlocks(node, context);
    default:
      if (Array.isArray(node.children) && childrenOf(node).some((child) => ['paragraph', 'heading', 'list', 'quote'].includes(String(child.type)))) {
        return childrenOf(node).flatMap((child) => renderBlock(child, context));
      }
      return inlineBlocks(isNode(node) && Array.isArray(node.children) ? node : { children: [node] }, context);
  }
}

/**
 * Converts a note's `content` (JSON of a `SerializedEditorState`) to Markdown blocks separated by
 * blank lines. Returns `null` when the content is not a Lexical editor state, so the caller can fall
 * back to the note's plain text.
 */
export function lexicalToMarkdown(content: string, context: NoteMarkdownContext): string | null {
  let state: unknown;
  try {
    state = JSON.parse(content);
  } catch {
    return null;
  }
  if (!isNode(state) || !isNode(state.root)) return null;
  return childrenOf(state.root)
    .flatMap((node) => renderBlock(node, context))
    .join('\n\n');
}
