import { describe, expect, it } from 'vitest';
import { lexicalToMarkdown, type NoteMarkdownContext } from './lexical-markdown';

const context: NoteMarkdownContext = { entityById: new Map(), citeArticle: (_id, title) => `*${title}*` };
const text = (value: string, format = 0) => ({ type: 'text', text: value, format, detail: 0, mode: 'normal', style: '', version: 1 });
const state = (...children: unknown[]) => JSON.stringify({ root: { type: 'root', version: 1, children } });
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', version: 1, children });

describe('Lexical to Markdown', () => {
  it('renders headings, bold, italic, strikethrough and code', () => {
    expect(lexicalToMarkdown(state({ type: 'heading', tag: 'h1', children: [text('Title')] }, paragraph(text('bold', 1), text(' and '), text('italic ', 2), text('gone', 4), text(' '), text('x = 1', 16))), context)).toBe(
      '# Title\n\n**bold** and *italic* ~~gone~~ `x = 1`',
    );
  });

  it('numbers ordered lists and marks check lists', () => {
    const list = { type: 'list', listType: 'number', start: 3, children: [{ type: 'listitem', children: [text('three')] }, { type: 'listitem', children: [text('four')] }] };
    const checks = { type: 'list', listType: 'check', children: [{ type: 'listitem', checked: true, children: [text('done')] }, { type: 'listitem', checked: false, children: [text('todo')] }] };
    expect(lexicalToMarkdown(state(list, checks), context)).toBe('3. three\n4. four\n\n- [x] done\n- [ ] todo');
  });

  it('takes a quote card out of its paragraph as a block quote with its citation', () => {
    const card = { type: 'quote-card', version: 1, annotationId: 'h1', articleId: 'a1', quote: 'Line one\nLine two', articleTitle: 'An article' };
    expect(lexicalToMarkdown(state(paragraph(text('Before'), card, text('after'))), context)).toBe('Before\n\n> Line one\n> Line two\n>\n> — *An article*\n\nafter');
  });

  it('keeps the words of unknown nodes, and returns null for content that is not an editor state', () => {
    expect(lexicalToMarkdown(state(paragraph({ type: 'hashtag', text: '#tag' }), { type: 'future-block', children: [text('inside')] }), context)).toBe('\\#tag\n\ninside');
    expect(lexicalToMarkdown('{"root": 1}', context)).toBeNull();
    expect(lexicalToMarkdown('not json', context)).toBeNull();
  });
});
