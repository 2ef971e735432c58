import type { AnnotationRecord, Entity } from '../model/annotation';
import { describeRange } from '../anchoring/describe-range';
import type { OffsetConverter } from '../anchoring/code-points';
import type { ExportIndex, ExportInput, PlacedAnnotation } from './export-input';
import { preparationOf } from './prepared-export';
import { isoTimestamp } from './iso-timestamp';
import { uuidIri } from './stable-uuid';
import { joinedPieces } from './text-pieces';

/*
 * W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) as JSON-LD: one
 * AnnotationCollection with one AnnotationPage holding every annotation. Each annotation has the
 * MUSTs: the standard @context, an IRI id (urn:uuid:), type Annotation, and a target; the target
 * names its article (`source`) and carries both a TextQuoteSelector and a TextPositionSelector,
 * whose offsets count code points as §4.2.1 requires. Highlights are `highlighting` (their colour's
 * meaning a `tagging` body), mentions `identifying` (the Wikidata item when linked, else the name),
 * and either becomes `commenting` when it carries a comment, which is a TextualBody.
 */

export const WEB_ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The IRI prefix of an article's `source`: stable across projects, since it is built from the file's path. */
export const ARTICLE_SOURCE_PREFIX = 'urn:research-workbench:article:';

/** The `source` IRI of the article at `path` (each path segment percent-encoded). */
export function articleSourceIri(path: string): string {
  return ARTICLE_SOURCE_PREFIX + path.split('/').map(encodeURIComponent).join('/');
}

/** The article path named by a `source` IRI made by {@link articleSourceIri}, or null. */
export function pathFromSourceIri(source: string): string | null {
  if (!source.startsWith(ARTICLE_SOURCE_PREFIX)) return null;
  try {
    return source.slice(ARTICLE_SOURCE_PREFIX.length).split('/').map(decodeURIComponent).join('/');
  } catch {
    return null;
  }
}

/** A TextualBody as JSON text. */
function textualBody(value: string, purpose: string): string {
  return `{"type":"TextualBody","value":${JSON.stringify(value)},"format":"text/plain","purpose":${JSON.stringify(purpose)}}`;
}

function wikidataIri(entity: Entity): string | null {
  return entity.externalId ? `http://www.wikidata.org/entity/${entity.externalId}` : null;
}

/**
 * The bodies a colour or an entity gives, as JSON texts joined by commas ('' for none): made once
 * per colour and per entity, not once per annotation.
 */
class BodyTexts {
  private readonly byLegend = new Map<string, string>();
  private readonly byEntity = new Map<string, string>();

  constructor(private readonly index: ExportIndex) {}

  of(record: AnnotationRecord): string {
    if (record.kind === 'highlight') {
      let bodies = this.byLegend.get(record.legendId);
      if (bodies === undefined) {
        const legend = this.index.legendById.get(record.legendId);
        bodies = legend ? textualBody(legend.name, 'tagging') : '';
        this.byLegend.set(record.legendId, bodies);
      }
      return bodies;
    }
    let bodies = this.byEntity.get(record.entityId);
    if (bodies === undefined) {
      const list: string[] = [];
      const entity = this.index.entityById.get(record.entityId);
      if (entity) {
        const iri = wikidataIri(entity);
        list.push(iri ? `{"id":${JSON.stringify(iri)},"purpose":"identifying"}` : textualBody(entity.name, 'identifying'));
        if (iri) list.push(textualBody(entity.name, 'tagging'));
        const type = this.index.typeById.get(entity.typeId);
        if (type) list.push(textualBody(type.name, 'classifying'));
      }
      bodies = list.join(',');
      this.byEntity.set(record.entityId, bodies);
    }
    return bodies;
  }
}

function motivationOf(record: AnnotationRecord, commented: boolean): string {
  if (commented) return 'commenting';
  return record.kind === 'highlight' ? 'highlighting' : 'identifying';
}

const ITEM_SEPARATOR = ',\n      ';

const ITEM_START = `{"@context":${JSON.stringify(WEB_ANNOTATION_CONTEXT)},"id":`;

/**
 * One annotation as one line of JSON text, written directly (the keys in the order the model's
 * examples use): a tenth of the garbage of building objects for `JSON.stringify`.
 */
function annotationJson(record: AnnotationRecord, sourceJson: string, place: PlacedAnnotation | null, converter: OffsetConverter, bodyTexts: BodyTexts): string {
  // A placed annotation is described afresh on the current text (the words and context where it is
  // now); an orphan keeps the selectors it was made with, so another tool may still find it.
  const unmoved = place !== null && record.target.position.start === place.start && record.target.position.end === place.end && record.anchor.status === 'exact';
  const { quote, position } = place && !unmoved ? describeRange(converter.text, place, converter) : record.target;
  const commented = record.comment.trim().length > 0;
  const bodies = bodyTexts.of(record);
  const body = commented ? (bodies ? `${bodies},${textualBody(record.comment, 'commenting')}` : textualBody(record.comment, 'commenting')) : bodies;
  const created = isoTimestamp(record.createdAt);
  // A `urn:uuid:` IRI is hex digits and dashes: nothing in it for JSON to escape.
  return (
    `${ITEM_START}"${uuidIri(record.id)}","type":"Annotation","motivation":"${motivationOf(record, commented)}",` +
    `"created":"${created}","modified":"${record.updatedAt === record.createdAt ? created : isoTimestamp(record.updatedAt)}",` +
    (body.length > 0 ? `"body":[${body}],` : '') +
    `"target":{"source":${sourceJson},"selector":[{"type":"TextQuoteSelector","exact":${JSON.stringify(quote.exact)},"prefix":${JSON.stringify(quote.prefix)},"suffix":${JSON.stringify(quote.suffix)}},` +
    `{"type":"TextPositionSelector","start":${JSON.stringify(position.start)},"end":${JSON.stringify(position.end)}}]}}`
  );
}

export interface WebAnnotationOptions {
  /** The collection's label. */
  label?: string;
}

/**
 * Serialises the annotations of `input` as a W3C AnnotationCollection (JSON-LD): the collection
 * indented, each annotation on one line (a tenth of the size and time of indenting 50,000 of them,
 * and still one annotation per line for diffs and grep). Articles in path order, annotations in
 * text order, orphans last in each article.
 */
export function toWebAnnotations(input: ExportInput, options: WebAnnotationOptions = {}): string {
  return webAnnotationPieces(input, options).join('');
}

/**
 * {@link toWebAnnotations}'s text in pieces, in order (an article's annotations each): the export
 * encodes them one after another and never joins them into one string, which for 50,000
 * annotations is 38 million characters, two bytes each once an emoji is among them.
 */
export function webAnnotationPieces(input: ExportInput, options: WebAnnotationOptions = {}): string[] {
  const { index, articles } = preparationOf(input);
  const bodyTexts = new BodyTexts(index);
  // Joined article by article: the many small strings of an annotation die young instead of all
  // living until the end (measured ~20 % faster on 50,000 annotations).
  const chunks: string[] = [];
  let total = 0;
  for (const { article, converter, placed, orphans } of articles) {
    const sourceJson = JSON.stringify(articleSourceIri(article.path));
    const items: string[] = [];
    for (const place of placed) items.push(annotationJson(place.record, sourceJson, place, converter, bodyTexts));
    for (const record of orphans) items.push(annotationJson(record, sourceJson, null, converter, bodyTexts));
    if (items.length > 0) chunks.push(items.join(ITEM_SEPARATOR));
    total += items.length;
  }
  const label = options.label ?? `${input.projectName} — annotations`;
  const header = [
    '{',
    `  "@context": ${JSON.stringify(WEB_ANNOTATION_CONTEXT)},`,
    `  "id": ${JSON.stringify(uuidIri(`collection:${input.projectName}`))},`,
    '  "type": "AnnotationCollection",',
    `  "label": ${JSON.stringify(label)},`,
    `  "total": ${total},`,
    '  "first": {',
    `    "id": ${JSON.stringify(uuidIri(`page:${input.projectName}`))},`,
    '    "type": "AnnotationPage",',
    '    "startIndex": 0,',
  ];
  const head = `${header.join('\n')}\n`;
  if (total === 0) return [`${head}    "items": []\n  }\n}\n`];
  return [`${head}    "items": [\n      `, ...joinedPieces(chunks, ITEM_SEPARATOR, '\n    ]\n  }\n}\n')];
}
