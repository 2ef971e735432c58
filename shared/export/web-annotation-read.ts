import { codePointLength } from '../anchoring/code-points';
import type { AnchorSelectors } from '../anchoring/selectors';
import { uuidFromIri } from './stable-uuid';
import { errorMessage } from '../text/error-message';

/*
 * Reading W3C Web Annotations from JSON: an AnnotationCollection (with its first page embedded),
 * an AnnotationPage, an array of annotations or one annotation. Only what this app can anchor is
 * kept: a target with a TextQuoteSelector (a TextPositionSelector too when there is one). Every
 * problem is reported with the annotation's place in the file.
 */

export interface ReadAnnotation {
  /** The annotation's UUID when its id is a `urn:uuid:` (kept, so importing twice adds nothing). */
  id: string | null;
  source: string;
  selectors: AnchorSelectors;
  comment: string;
  /** The colour's name, from a `tagging` body of a highlight. */
  tag: string | null;
  /** Set for an `identifying` annotation (a mention of an entity). */
  entity: { name: string; wikidataId: string | null; typeName: string | null } | null;
  created: number | null;
  modified: number | null;
}

export class WebAnnotationProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebAnnotationProblem';
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function hasType(value: Json, type: string): boolean {
  return asArray(value.type).includes(type);
}

function time(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}

function annotationsIn(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (!isObject(json)) throw new WebAnnotationProblem('The file holds no Web Annotations (expected a JSON object or array).');
  if (hasType(json, 'AnnotationCollection')) {
    if (json.first === undefined) return [];
    if (!isObject(json.first)) throw new WebAnnotationProblem('The collection\'s pages are not embedded in the file ("first" is a link): download the pages and import them one by one.');
    return asArray(json.first.items);
  }
  if (hasType(json, 'AnnotationPage')) return asArray(json.items);
  if (hasType(json, 'Annotation')) return [json];
  throw new WebAnnotationProblem('The file holds no Web Annotations (no "type": "Annotation", "AnnotationPage" or "AnnotationCollection").');
}

function selectorsOf(target: Json, where: string): { source: string; selectors: AnchorSelectors } {
  const source = typeof target.source === 'string' ? target.source : isObject(target.source) && typeof target.source.id === 'string' ? target.source.id : '';
  const selectors = asArray(target.selector).filter(isObject);
  const quote = selectors.find((s) => hasType(s, 'TextQuoteSelector'));
  if (!quote || typeof quote.exact !== 'string' || quote.exact.length === 0) throw new WebAnnotationProblem(`${where} has no TextQuoteSelector with the words it annotates.`);
  const position = selectors.find((s) => hasType(s, 'TextPositionSelector'));
  const exact = quote.exact;
  const start = position && Number.isInteger(position.start) && (position.start as number) >= 0 ? (position.start as number) : 0;
  const end = position && Number.isInteger(position.end) && (position.end as number) > start ? (position.end as number) : start + codePointLength(exact);
  return {
    source,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact, prefix: typeof quote.prefix === 'string' ? quote.prefix : '', suffix: typeof quote.suffix === 'string' ? quote.suffix : '' },
      position: { type: 'TextPositionSelector', start, end },
    },
  };
}

function bodyText(body: Json): string | null {
  if (typeof body.value === 'string') return body.value;
  if (typeof body.chars === 'string') return body.chars;
  return null;
}

function readOne(value: unknown, where: string): ReadAnnotation {
  if (!isObject(value) || !hasType(value, 'Annotation')) throw new WebAnnotationProblem(`${where} is not an Annotation.`);
  const target = asArray(value.target).find(isObject);
  if (!target) throw new WebAnnotationProblem(`${where} has no target with selectors (a target that is only a link cannot be placed in a text).`);
  const { source, selectors } = selectorsOf(target, where);
  const bodies = asArray(value.body).filter(isObject);
  const motivations = asArray(value.motivation);
  const purposeOf = (body: Json) => asArray(body.purpose)[0] ?? (motivations.length === 1 ? motivations[0] : undefined);
  const comment = bodies.filter((body) => purposeOf(body) === 'commenting' || purposeOf(body) === 'describing').map(bodyText).filter((text): text is string => text !== null).join('\n\n');
  const identifying = bodies.filter((body) => purposeOf(body) === 'identifying');
  const tags = bodies.filter((body) => purposeOf(body) === 'tagging').map(bodyText).filter((text): text is string => text !== null);
  const typeName = bodies.filter((body) => purposeOf(body) === 'classifying').map(bodyText).find((text) => text !== null) ?? null;
  let entity: ReadAnnotation['entity'] = null;
  if (identifying.length > 0 || motivations.includes('identifying')) {
    const wikidata = identifying.map((body) => (typeof body.id === 'string' ? /wikidata\.org\/(?:entity|wiki)\/(Q\d+)$/.exec(body.id)?.[1] : undefined)).find((id) => id !== undefined) ?? null;
    const name = identifying.map(bodyText).find((text) => text !== null) ?? tags[0] ?? wikidata ?? selectors.quote.exact;
    entity = { name: name.trim() || selectors.quote.exact, wikidataId: wikidata, typeName };
  }
  return {
    id: typeof value.id === 'string' ? uuidFromIri(value.id) : null,
    source,
    selectors,
    comment,
    tag: entity ? null : (tags[0] ?? null),
    entity,
    created: time(value.created),
    modified: time(value.modified),
  };
}

/**
 * Reads the annotations of a W3C Web Annotation JSON(-LD) file.
 * @throws WebAnnotationProblem naming the first problem (not JSON, no annotations, an annotation without a quote).
 */
export function readWebAnnotations(text: string): ReadAnnotation[] {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new WebAnnotationProblem(`The file is not valid JSON: ${errorMessage(error)}`);
  }
  return annotationsIn(json).map((item, i) => readOne(item, `Annotation ${i + 1}`));
}
