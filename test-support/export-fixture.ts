import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ProjectData } from '../shared/export/archive-schema';
import { describeRange } from '../shared/anchoring/describe-range';
import { codePointLength } from '../shared/anchoring/code-points';
import type { AnnotationRecord, Entity, EntityType, LegendEntry } from '../shared/model/annotation';
import { AnnotationId, ArticleId, EntityId, EntityTypeId, LegendId, NoteId } from '../shared/model/ids';
import type { NoteRecord } from '../shared/model/note';
import type { ExportArticle, ExportInput } from '../shared/export/export-input';

/*
 * Annotations made on the sample corpus, plus one article in Arabic with emoji (where code points
 * and UTF-16 units differ), shared by the exporters' tests. Ids and times are fixed so that the
 * expected outputs are exact.
 */

const corpusDir = new URL('../corpus/', import.meta.url);

/** A text where code points and UTF-16 differ: emoji (astral, with a modifier and a flag) and right-to-left script. */
export const EMOJI_RTL_TEXT = 'قال الرئيس بول كاغامي 👍🏽 إن الحوار ضروري.\nKagame 🇷🇼 met Rubio in Kigali. "=cmd|calc" was, said Rubio, a joke.';

const T0 = Date.UTC(2025, 0, 30, 12, 0, 0);

export const legend: LegendEntry[] = [
  { id: LegendId.parse('default-key-claim'), name: 'Key claim', color: '#f5d90a', shortcut: '1', order: 1 },
  { id: LegendId.parse('default-evidence'), name: 'Evidence', color: '#30a46c', shortcut: '2', order: 2 },
];

export const entityTypes: EntityType[] = [
  { id: EntityTypeId.parse('default-person'), name: 'Person', color: '#d6409f', shortcut: 'p', order: 1 },
  { id: EntityTypeId.parse('default-location'), name: 'Location', color: '#f76b15', shortcut: 'l', order: 3 },
];

export const entities: Entity[] = [
  { id: EntityId.parse('e-kagame'), typeId: EntityTypeId.parse('default-person'), name: 'Paul Kagame', aliases: ['Kagame', 'كاغامي'], description: 'President of Rwanda', externalId: 'Q57421', createdAt: T0, updatedAt: T0 },
  { id: EntityId.parse('e-rubio'), typeId: EntityTypeId.parse('default-person'), name: 'Marco Rubio', aliases: ['Rubio'], description: '', externalId: '', createdAt: T0, updatedAt: T0 },
  { id: EntityId.parse('e-goma'), typeId: EntityTypeId.parse('default-location'), name: 'Goma', aliases: [], description: '', externalId: 'Q167192', createdAt: T0, updatedAt: T0 },
];

function loadArticles(): ExportArticle[] {
  const files = readdirSync(corpusDir).filter((name) => name.endsWith('.txt')).sort();
  const corpus = files.map((name, i) => ({
    id: ArticleId.parse(`a${i + 1}`),
    path: name,
    text: readFileSync(new URL(name, corpusDir), 'utf8'),
    meta: { title: '', source: '', author: '', date: '', url: '' },
  }));
  const [first] = corpus;
  if (first) first.meta = { title: 'Kagame and Rubio discuss ceasefire', source: 'The New Times', author: 'Staff writer', date: '2025-01-29', url: 'https://example.org/kagame-rubio (1)' };
  return [...corpus, { id: ArticleId.parse('a-rtl'), path: 'intl/emoji rtl.txt', text: EMOJI_RTL_TEXT, meta: { title: 'كاغامي 👍🏽', source: '', author: '', date: '', url: '' } }];
}

export const articles = loadArticles();

let counter = 0;

/** An annotation on the `occurrence`-th (0-based) place `quote` appears in the article. */
function annotate(articleId: string, quote: string, what: { legendId?: string; entityId?: string; comment?: string }, occurrence = 0): AnnotationRecord {
  const article = articles.find((a) => a.id === articleId);
  if (!article) throw new Error(`no article ${articleId}`);
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = article.text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`"${quote}" is not in ${articleId}`);
  const start = codePointLength(article.text.slice(0, at));
  const end = start + codePointLength(quote);
  const target = describeRange(article.text, { start, end });
  counter++;
  const base = {
    id: AnnotationId.parse(`ann-${String(counter).padStart(2, '0')}`),
    articleId: ArticleId.parse(articleId),
    comment: what.comment ?? '',
    target,
    anchor: { status: 'exact' as const, start, end, confidence: 1 },
    createdAt: T0 + counter,
    updatedAt: T0 + counter,
  };
  return what.entityId
    ? { ...base, kind: 'mention', entityId: EntityId.parse(what.entityId) }
    : { ...base, kind: 'highlight', legendId: LegendId.parse(what.legendId ?? 'default-key-claim') };
}

export const annotations: AnnotationRecord[] = [
  annotate('a1', 'President Paul Kagame', { entityId: 'e-kagame' }),
  annotate('a1', 'Marco Rubio', { entityId: 'e-rubio' }),
  annotate('a1', 'Goma', { entityId: 'e-goma' }),
  annotate('a1', 'M23 rebels captured Goma city on Sunday', { legendId: 'default-key-claim', comment: 'Check the date: *Sunday* the 26th?' }),
  annotate('a1', 'home to about two million people', { legendId: 'default-evidence' }),
  annotate('a2', 'Rubio', { entityId: 'e-rubio' }),
  annotate('a-rtl', 'كاغامي', { entityId: 'e-kagame', comment: 'Arabic spelling' }),
  annotate('a-rtl', 'إن الحوار ضروري', { legendId: 'default-key-claim' }),
  annotate('a-rtl', 'Kagame', { entityId: 'e-kagame' }),
  annotate('a-rtl', 'Rubio in Kigali. "=cmd|calc"', { legendId: 'default-evidence' }),
  annotate('a-rtl', 'Rubio', { entityId: 'e-rubio' }, 1),
];

/** An orphan: made on text that is no longer there. */
export const orphan: AnnotationRecord = {
  ...annotate('a2', 'Rubio', { legendId: 'default-evidence', comment: 'gone' }),
  target: {
    quote: { type: 'TextQuoteSelector', exact: 'A sentence since deleted from the article', prefix: 'Before it ', suffix: ' and after' },
    position: { type: 'TextPositionSelector', start: 40, end: 81 },
  },
  anchor: { status: 'orphan', start: -1, end: -1, confidence: 0 },
};

const cardAnnotation = annotations[3]!;

/** A notebook page in Lexical 0.52's serialised form, with a quote card and an entity mention. */
export const pageContent = {
  root: {
    type: 'root', version: 1, direction: 'ltr', format: '', indent: 0,
    children: [
      { type: 'heading', tag: 'h2', version: 1, direction: 'ltr', format: '', indent: 0, children: [{ type: 'text', text: 'Timeline', format: 0, detail: 0, mode: 'normal', style: '', version: 1 }] },
      {
        type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '',
        children: [
          { type: 'text', text: 'Who spoke first: ', format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
          { type: 'entity-mention', version: 1, entityId: 'e-kagame', name: 'Kagame' },
          { type: 'text', text: ' or ', format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
          { type: 'text', text: 'Rubio', format: 3, detail: 0, mode: 'normal', style: '', version: 1 },
          { type: 'text', text: '? See ', format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
          { type: 'link', url: 'https://example.org/a b', version: 1, direction: 'ltr', format: '', indent: 0, rel: null, target: null, title: null, children: [{ type: 'text', text: 'the call', format: 0, detail: 0, mode: 'normal', style: '', version: 1 }] },
          { type: 'text', text: '.', format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
        ],
      },
      { type: 'quote-card', version: 1, annotationId: cardAnnotation.id, articleId: 'a1', quote: 'M23 rebels captured Goma city on Sunday', articleTitle: 'Old title' },
      {
        type: 'list', listType: 'bullet', start: 1, tag: 'ul', version: 1, direction: 'ltr', format: '', indent: 0,
        children: [
          { type: 'listitem', value: 1, version: 1, direction: 'ltr', format: '', indent: 0, children: [{ type: 'text', text: '# not a heading', format: 0, detail: 0, mode: 'normal', style: '', version: 1 }] },
          {
            type: 'listitem', value: 2, version: 1, direction: 'ltr', format: '', indent: 0,
            children: [{ type: 'list', listType: 'number', start: 1, tag: 'ol', version: 1, direction: 'ltr', format: '', indent: 0, children: [{ type: 'listitem', value: 1, version: 1, direction: 'ltr', format: '', indent: 0, children: [{ type: 'text', text: 'nested', format: 2, detail: 0, mode: 'normal', style: '', version: 1 }] }] }],
          },
        ],
      },
      { type: 'quote', version: 1, direction: 'ltr', format: '', indent: 0, children: [{ type: 'text', text: 'A line', format: 0, detail: 0, mode: 'normal', style: '', version: 1 }, { type: 'linebreak', version: 1 }, { type: 'text', text: 'and another', format: 0, detail: 0, mode: 'normal', style: '', version: 1 }] },
    ],
  },
};

export const notes: NoteRecord[] = [
  {
    id: NoteId.parse('n-page-1'), kind: 'page', targetId: '', title: 'Findings', order: 1,
    content: JSON.stringify(pageContent), text: 'Timeline\nWho spoke first: Kagame or Rubio? See the call.',
    citedAnnotationIds: [cardAnnotation.id], citedEntityIds: [EntityId.parse('e-kagame')], citedArticleIds: [ArticleId.parse('a1')],
    createdAt: T0, updatedAt: T0,
  },
  {
    id: NoteId.parse('n-page-0'), kind: 'page', targetId: '', title: 'Broken page', order: 0,
    content: '{not json', text: 'Recovered *plain* text', citedAnnotationIds: [], citedEntityIds: [], citedArticleIds: [], createdAt: T0, updatedAt: T0,
  },
];

/** The whole fixture as exporters take it. */
export function exportInput(overrides: Partial<ExportInput> = {}): ExportInput {
  return { projectName: 'corpus', articles, annotations: [...annotations, orphan], legend, entities, entityTypes, notes, ...overrides };
}

/**
 * The fixture as a project's rows (what the renderer sends main for an export): every article
 * registered at its path, the first one's metadata corrected as `articles` shows it.
 */
export function projectData(): ProjectData {
  const first = articles[0]!;
  return {
    articles: articles.map((article) => ({ id: article.id, path: article.path, sha256: '', createdAt: T0, updatedAt: T0 })),
    articleMeta: [{ path: first.path, articleId: first.id, ...first.meta, updatedAt: T0 }],
    legend,
    entityTypes,
    entities,
    annotations: [orphan, ...annotations],
    rejectedHits: [],
    notes,
  };
}

/** Writes the fixture's articles as a corpus folder under `root` (their texts are their canonical texts). */
export function writeFixtureCorpus(root: string): void {
  for (const article of articles) {
    mkdirSync(path.dirname(path.join(root, article.path)), { recursive: true });
    writeFileSync(path.join(root, article.path), article.text);
  }
}
