import type { OffsetConverter } from '../anchoring/code-points';
import type { ExportArticle, ExportIndex, ExportInput, PlacedAnnotation } from './export-input';
import { preparationOf, type PreparedArticle } from './prepared-export';

/*
 * brat standoff (https://brat.nlplab.org/standoff.html): per article a `.txt` holding exactly the
 * canonical text and a `.ann` beside it, plus `annotation.conf` (the types) and `tools.conf` (the
 * normalisation databases `N` lines refer to).
 *
 * Offsets are CODE POINTS. brat is Python 3 and indexes `str`, which counts code points, so an
 * emoji is one character to brat as it is to the W3C selectors; UTF-16 offsets would drift by one
 * after every astral character. A span that crosses a line break is written as discontinuous
 * fragments split at the breaks (brat's text field cannot hold a newline); its text field joins
 * the fragments with a space, as brat itself does.
 */

export interface ExportFile {
  /** A file name, relative to the folder the export is written to. */
  name: string;
  content: string;
}

/** A brat type name: letters, digits, `-` and `_`, starting with a letter. */
export function bratTypeName(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `T_${cleaned || 'type'}`;
}

/** The `.txt`/`.ann` base name of an article: its path with folders joined by `__`, extension dropped. */
function baseName(path: string): string {
  const withoutExtension = path.replace(/\.[^./]*$/, '');
  return withoutExtension.split('/').map((part) => part.replace(/[^\p{L}\p{N}._-]+/gu, '_')).join('__') || 'article';
}

/** Unique base names for the articles, in path order: a clash gets `-2`, `-3`... */
function baseNames(articles: readonly ExportArticle[]): Map<string, string> {
  const used = new Set<string>();
  const names = new Map<string, string>();
  for (const article of articles) {
    const base = baseName(article.path);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    used.add(name.toLowerCase());
    names.set(article.id, name);
  }
  return names;
}

const LINE_BREAK = /[\r\n]/;

/** Fragments of `[start, end)` that do not cross a line break, with the text of each. */
function fragments(text: string, converter: OffsetConverter, { start, end, quote }: PlacedAnnotation): Array<{ start: number; end: number; text: string }> {
  if (end <= start) return [];
  if (!LINE_BREAK.test(quote)) return [{ start, end, text: quote }];
  const out: Array<{ start: number; end: number; text: string }> = [];
  let from = start;
  const slice = (a: number, b: number) => text.slice(converter.toUtf16(a), converter.toUtf16(b));
  const words = slice(start, end);
  let cp = start;
  for (const char of words) {
    if (char === '\n' || char === '\r') {
      if (cp > from) out.push({ start: from, end: cp, text: slice(from, cp) });
      from = cp + 1;
    }
    cp++;
  }
  if (end > from) out.push({ start: from, end, text: slice(from, end) });
  return out;
}

interface TypeNames {
  highlight: (legendId: string) => string;
  mention: (entityTypeId: string) => string;
  all: { entities: string[] };
}

function typeNames(index: ExportIndex): TypeNames {
  const mentionNames = new Map<string, string>();
  const used = new Set<string>();
  const types = [...index.typeById.values()].sort((a, b) => a.order - b.order);
  for (const type of types) {
    let name = bratTypeName(type.name);
    for (let n = 2; used.has(name); n++) name = `${bratTypeName(type.name)}_${n}`;
    used.add(name);
    mentionNames.set(type.id, name);
  }
  const highlightNames = new Map<string, string>();
  for (const entry of [...index.legendById.values()].sort((a, b) => a.order - b.order)) {
    let name = bratTypeName(entry.name);
    // Highlights share brat's one namespace of entity types with the entity types.
    if (used.has(name)) name = `${name}_highlight`;
    for (let n = 2; used.has(name); n++) name = `${bratTypeName(entry.name)}_highlight_${n}`;
    used.add(name);
    highlightNames.set(entry.id, name);
  }
  return {
    highlight: (id) => highlightNames.get(id) ?? 'Highlight',
    mention: (id) => mentionNames.get(id) ?? 'Entity',
    all: { entities: [...mentionNames.values(), ...highlightNames.values()] },
  };
}

/** One line of a `.ann` file's free text: no tabs or line breaks. */
function oneLine(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
}

/** The end of an entity's `N` line (after `Reference T<n> `), made once per entity. */
function referenceTexts(index: ExportIndex): (entityId: string) => string | null {
  const texts = new Map<string, string | null>();
  return (entityId) => {
    let text = texts.get(entityId);
    if (text === undefined) {
      const entity = index.entityById.get(entityId);
      text = entity ? `${entity.externalId ? `Wikidata:${entity.externalId}` : `Workbench:${entity.id}`}\t${oneLine(entity.name)}` : null;
      texts.set(entityId, text);
    }
    return text;
  };
}

function annFile({ article, converter, placed }: PreparedArticle, index: ExportIndex, names: TypeNames, referenceOf: (entityId: string) => string | null): string {
  const lines: string[] = [];
  let t = 0;
  let notes = 0;
  let norms = 0;
  for (const place of placed) {
    const { record } = place;
    const parts = fragments(article.text, converter, place);
    if (parts.length === 0) continue;
    t++;
    const type = record.kind === 'highlight' ? names.highlight(record.legendId) : names.mention(index.entityById.get(record.entityId)?.typeId ?? '');
    const only = parts.length === 1 ? parts[0] : undefined;
    if (only) lines.push(`T${t}\t${type} ${only.start} ${only.end}\t${oneLine(only.text)}`);
    else lines.push(`T${t}\t${type} ${parts.map((part) => `${part.start} ${part.end}`).join(';')}\t${oneLine(parts.map((part) => part.text).join(' '))}`);
    if (record.kind === 'mention') {
      const reference = referenceOf(record.entityId);
      if (reference !== null) {
        norms++;
        lines.push(`N${norms}\tReference T${t} ${reference}`);
      }
    }
    if (record.comment.trim()) {
      notes++;
      lines.push(`#${notes}\tAnnotatorNotes T${t}\t${oneLine(record.comment.trim())}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function annotationConf(names: TypeNames): string {
  return ['[entities]', ...names.all.entities, '', '[relations]', '', '[events]', '', '[attributes]', ''].join('\n');
}

const TOOLS_CONF = [
  '[normalization]',
  'Wikidata\tDB:none,<URL>:https://www.wikidata.org/,<URLBASE>:https://www.wikidata.org/wiki/%s',
  'Workbench\tDB:none,<URL>:https://example.invalid/research-workbench/entity/',
  '',
].join('\n');

/**
 * Serialises `input` as a brat standoff collection: `annotation.conf`, `tools.conf`, then a
 * `.txt` and an `.ann` per article (in path order). Orphans are left out: brat needs offsets.
 */
export function toBratStandoff(input: ExportInput): ExportFile[] {
  const { index, articles: prepared } = preparationOf(input);
  const names = typeNames(index);
  const bases = baseNames(prepared.map(({ article }) => article));
  const files: ExportFile[] = [
    { name: 'annotation.conf', content: annotationConf(names) },
    { name: 'tools.conf', content: TOOLS_CONF },
  ];
  const referenceOf = referenceTexts(index);
  for (const entry of prepared) {
    const base = bases.get(entry.article.id) ?? 'article';
    files.push({ name: `${base}.txt`, content: entry.article.text }, { name: `${base}.ann`, content: annFile(entry, index, names, referenceOf) });
  }
  return files;
}
