import { describe, expect, it } from 'vitest';
import { annotations, articles, EMOJI_RTL_TEXT, entities, entityTypes, exportInput, legend } from '../../test-support/export-fixture';
import { AnnotationId, EntityId } from '../model/ids';
import { articleSourceIri, pathFromSourceIri, toWebAnnotations, WEB_ANNOTATION_CONTEXT } from './web-annotation';
import { importWebAnnotations, readWebAnnotations } from './web-annotation-import';

type Json = Record<string, unknown> & { body?: Array<Record<string, unknown>>; target: { source: string; selector: Array<Record<string, unknown>> } };

const collection = JSON.parse(toWebAnnotations(exportInput())) as { first: { items: Json[] } } & Record<string, unknown>;
const items = collection.first.items;

describe('W3C Web Annotation export', () => {
  it('is an AnnotationCollection with an embedded first page (both with IRI ids) and the standard context', () => {
    expect(collection['@context']).toBe(WEB_ANNOTATION_CONTEXT);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(collection.total).toBe(12);
    expect(collection.first).toMatchObject({ type: 'AnnotationPage', startIndex: 0 });
    expect((collection.first as unknown as { id: string }).id).toMatch(/^urn:uuid:/);
  });

  it('meets every MUST of the model for each annotation: context, IRI id, type, target with source and both selectors', () => {
    const ids = new Set<string>();
    for (const item of items) {
      expect(item['@context']).toBe(WEB_ANNOTATION_CONTEXT);
      expect(item.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      ids.add(item.id as string);
      expect(item.type).toBe('Annotation');
      expect(['highlighting', 'identifying', 'commenting']).toContain(item.motivation);
      expect(item.target.source).toMatch(/^urn:research-workbench:article:/);
      expect(item.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
      for (const body of item.body ?? []) {
        if (body.type === 'TextualBody') expect(typeof body.value).toBe('string');
        else expect(body.id).toMatch(/^http:\/\/www\.wikidata\.org\/entity\/Q\d+$/);
      }
    }
    expect(ids.size).toBe(items.length);
  });

  it('writes a mention linked to Wikidata as an identifying annotation, in code points', () => {
    const kagame = items.find((item) => item.target.source === articleSourceIri('intl/emoji rtl.txt') && item.target.selector[0]?.exact === 'Kagame');
    expect(kagame).toEqual({
      '@context': WEB_ANNOTATION_CONTEXT,
      id: expect.stringMatching(/^urn:uuid:/),
      type: 'Annotation',
      motivation: 'identifying',
      created: '2025-01-30T12:00:00.009Z',
      modified: '2025-01-30T12:00:00.009Z',
      body: [
        { id: 'http://www.wikidata.org/entity/Q57421', purpose: 'identifying' },
        { type: 'TextualBody', value: 'Paul Kagame', format: 'text/plain', purpose: 'tagging' },
        { type: 'TextualBody', value: 'Person', format: 'text/plain', purpose: 'classifying' },
      ],
      target: {
        source: 'urn:research-workbench:article:intl/emoji%20rtl.txt',
        selector: [
          // 32 code points of context each side (in UTF-16 the emoji would make them shorter).
          { type: 'TextQuoteSelector', exact: 'Kagame', prefix: Array.from(EMOJI_RTL_TEXT).slice(10, 42).join(''), suffix: Array.from(EMOJI_RTL_TEXT).slice(48, 80).join('') },
          { type: 'TextPositionSelector', start: 42, end: 48 },
        ],
      },
    });
  });

  it('writes a commented highlight as commenting, its colour a tagging body and its comment a TextualBody', () => {
    const claim = items.find((item) => item.target.selector[0]?.exact === 'M23 rebels captured Goma city on Sunday');
    expect(claim?.motivation).toBe('commenting');
    expect(claim?.body).toEqual([
      { type: 'TextualBody', value: 'Key claim', format: 'text/plain', purpose: 'tagging' },
      { type: 'TextualBody', value: 'Check the date: *Sunday* the 26th?', format: 'text/plain', purpose: 'commenting' },
    ]);
    expect(items.filter((item) => item.motivation === 'highlighting')).toHaveLength(3);
  });

  it('maps article paths to source IRIs and back', () => {
    expect(articleSourceIri('a b/c#d.txt')).toBe('urn:research-workbench:article:a%20b/c%23d.txt');
    expect(pathFromSourceIri(articleSourceIri('a b/c#d.txt'))).toBe('a b/c#d.txt');
    expect(pathFromSourceIri('https://example.org/x')).toBeNull();
  });
});

describe('W3C Web Annotation import', () => {
  let n = 0;
  const context = {
    articles,
    legend,
    entities,
    entityTypes,
    existingAnnotationIds: new Set<string>(),
    now: 1,
    newAnnotationId: () => AnnotationId.parse(`new-${++n}`),
    newEntityId: () => EntityId.parse(`new-entity-${++n}`),
  };

  it('re-imports its own export exactly: same articles, places, colours, entities and comments', () => {
    const read = readWebAnnotations(toWebAnnotations(exportInput()));
    const result = importWebAnnotations(read, context);
    expect(result.newEntities).toEqual([]);
    expect(result.orphans).toBe(1);
    const placed = result.annotations.filter((a) => a.anchor.status !== 'orphan');
    const byPlace = (a: { articleId: string; anchor: { start: number; end: number } }) => `${a.articleId}:${a.anchor.start}-${a.anchor.end}`;
    expect(placed.map((a) => [byPlace(a), a.kind === 'mention' ? a.entityId : a.legendId, a.comment]).sort()).toEqual(
      annotations.map((a) => [byPlace(a), a.kind === 'mention' ? a.entityId : a.legendId, a.comment]).sort(),
    );
  });

  it('skips annotations already in the project (same urn:uuid id)', () => {
    const uuid = '6f1d7e0c-2b1a-4c3d-9e8f-0a1b2c3d4e5f';
    const file = JSON.stringify({ '@context': WEB_ANNOTATION_CONTEXT, id: `urn:uuid:${uuid}`, type: 'Annotation', target: { source: 'x', selector: { type: 'TextQuoteSelector', exact: 'Goma' } } });
    expect(importWebAnnotations(readWebAnnotations(file), { ...context, existingAnnotationIds: new Set([uuid]) }).skipped).toBe(1);
  });

  it('attaches an annotation from another tool by its quote, makes the entity it names, and reports what matches no article', () => {
    const file = JSON.stringify([
      { type: 'Annotation', motivation: 'identifying', body: [{ type: 'TextualBody', value: 'William Ruto', purpose: 'identifying' }, { type: 'TextualBody', value: 'Person', purpose: 'classifying' }], target: { source: 'https://news.example/ruto', selector: [{ type: 'TextQuoteSelector', exact: 'President William Ruto', prefix: 'Kenyan ' }] } },
      { type: 'Annotation', motivation: 'highlighting', target: { source: 'https://elsewhere.example', selector: { type: 'TextQuoteSelector', exact: 'words found in no article' } } },
    ]);
    const result = importWebAnnotations(readWebAnnotations(file), context);
    expect(result.matchedByQuote).toBe(1);
    expect(result.newEntities).toEqual([expect.objectContaining({ name: 'William Ruto', typeId: 'default-person', externalId: '' })]);
    expect(result.annotations).toEqual([expect.objectContaining({ kind: 'mention', articleId: 'a2', anchor: expect.objectContaining({ status: 'moved' }) })]);
    expect(result.unmatched).toEqual([{ source: 'https://elsewhere.example', quote: 'words found in no article' }]);
  });

  it('names the problem with a file it cannot read', () => {
    expect(() => readWebAnnotations('{"type": "Annotation"')).toThrow(/not valid JSON/);
    expect(() => readWebAnnotations('{"hello": 1}')).toThrow(/no Web Annotations/);
    expect(() => readWebAnnotations('[{"type": "Annotation", "target": "https://x.example"}]')).toThrow(/Annotation 1 has no target with selectors/);
    expect(() => readWebAnnotations('{"type": "AnnotationCollection", "first": "https://x.example/page1"}')).toThrow(/not embedded/);
  });
});
