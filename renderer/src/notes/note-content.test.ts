import { describe, expect, it } from 'vitest';
import { describeNoteContent } from './note-content';

const text = (value: string, format = 0) => ({ type: 'text', version: 1, text: value, detail: 0, format, mode: 'normal', style: '' });
const element = (type: string, children: object[], extra: object = {}) => ({ type, version: 1, children, direction: null, format: '', indent: 0, ...extra });
const state = (...children: object[]) => JSON.stringify({ root: element('root', children) });

describe('describeNoteContent', () => {
  it('reads blocks as lines and inline nodes (links, mentions, breaks) within them', () => {
    const content = state(
      element('heading', [text('Timeline')], { tag: 'h2' }),
      element('list', [element('listitem', [text('Goma falls')], { value: 1 }), element('listitem', [text('Talks in '), element('link', [text('Nairobi')], { url: 'https://example.org' })], { value: 2 })], { listType: 'bullet', start: 1, tag: 'ul' }),
      element('paragraph', [text('Line one'), { type: 'linebreak', version: 1 }, text('line two, '), { type: 'entity-mention', version: 1, entityId: 'e-m23', name: 'M23' }]),
    );
    expect(describeNoteContent(content)).toEqual({
      text: 'Timeline\nGoma falls\nTalks in Nairobi\nLine one\nline two, M23',
      citedAnnotationIds: [],
      citedEntityIds: ['e-m23'],
      citedArticleIds: [],
    });
  });

  it('lists each cited thing once, and skips a malformed card instead of citing it', () => {
    const card = { type: 'quote-card', version: 1, annotationId: 'a1', articleId: 'art1', quote: 'Goma', articleTitle: 'T' };
    const content = state(card, { ...card }, { type: 'quote-card', version: 1, quote: 'no ids' });
    expect(describeNoteContent(content)).toMatchObject({ citedAnnotationIds: ['a1'], citedArticleIds: ['art1'], text: '“Goma”\n“Goma”\n' });
  });

  it('throws on text that is not an editor state', () => {
    expect(() => describeNoteContent('{')).toThrow(SyntaxError);
    expect(() => describeNoteContent('{"root": {"type": "paragraph"}}')).toThrow('not a Lexical editor state');
  });
});
