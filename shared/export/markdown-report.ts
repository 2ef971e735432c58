import type { AnnotationRecord } from '../model/annotation';
import type { NoteRecord } from '../model/note';
import { compareStrings, describeAnnotation, type ExportArticle, type ExportIndex, type ExportInput } from './export-input';
import { preparationOf, type PreparedArticle } from './prepared-export';
import { lexicalToMarkdown, type NoteMarkdownContext } from './lexical-markdown';
import { blockQuote, escapeMarkdownInline, escapeMarkdownText, linkDestination } from './markdown-text';
import { joinedPieces } from './text-pieces';

/*
 * The Markdown report: YAML front matter, then one section per article (its metadata, then its
 * highlights and mentions in text order as block quotes), then the notebook. Plain CommonMark +
 * front matter, so it reads well in any Markdown tool and in a text editor.
 */

export interface MarkdownReportOptions {
  /** The report's title (front matter and first heading). */
  title?: string;
  /** Included in the front matter when given; left out by default so that the output is reproducible. */
  generatedAt?: string;
}

/** A YAML scalar: JSON strings are valid YAML double-quoted scalars, escapes included. */
function yamlString(value: string): string {
  return JSON.stringify(value);
}

function frontMatter(input: ExportInput, options: MarkdownReportOptions, counts: { highlights: number; mentions: number; pages: number }): string {
  const lines = [
    '---',
    `title: ${yamlString(options.title ?? `${input.projectName} — research report`)}`,
    `project: ${yamlString(input.projectName)}`,
    ...(options.generatedAt ? [`generated: ${yamlString(options.generatedAt)}`] : []),
    `articles: ${input.articles.length}`,
    `highlights: ${counts.highlights}`,
    `mentions: ${counts.mentions}`,
    `notebook_pages: ${counts.pages}`,
    'generator: "Research Workbench"',
    '---',
  ];
  return lines.join('\n');
}

/** The heading text of an article: its title, or its file when it has none. */
export function articleHeading(article: ExportArticle): string {
  return article.meta.title.trim() || article.path;
}

function metadataList(article: ExportArticle): string {
  const rows: Array<[string, string]> = [
    ['Source', article.meta.source],
    ['Author', article.meta.author],
    ['Date', article.meta.date],
  ];
  const lines = rows.filter(([, value]) => value.trim()).map(([label, value]) => `- **${label}:** ${escapeMarkdownInline(value)}`);
  if (article.meta.url.trim()) lines.push(`- **URL:** [${escapeMarkdownInline(article.meta.url)}](${linkDestination(article.meta.url)})`);
  lines.push(`- **File:** \`${article.path.replace(/`/g, 'ˋ')}\``);
  return lines.join('\n');
}

function annotationBlock(quote: string, label: string, details: string[], comment: string): string {
  const lines = [blockQuote(escapeMarkdownText(quote)), '', `— **${escapeMarkdownInline(label)}**${details.length ? ` (${details.map(escapeMarkdownInline).join(', ')})` : ''}`];
  if (comment.trim()) lines.push('', `*Comment:* ${escapeMarkdownText(comment.trim()).replace(/\n/g, '  \n')}`);
  return lines.join('\n');
}

/** Notes written in the editor about one article or one annotation, by the id they are about. */
type NotesByTarget = ReadonlyMap<string, readonly NoteRecord[]>;

function noteBlocks(notes: readonly NoteRecord[] | undefined, label: string, context: NoteMarkdownContext): string[] {
  return (notes ?? []).flatMap((note) => {
    const body = lexicalToMarkdown(note.content, { ...context, headingOffset: 3 }) ?? escapeMarkdownText(note.text);
    return body.trim() ? [`*${label}:*\n\n${body}`] : [];
  });
}

/**
 * The start of an annotation's attribution line, up to its offsets: `— **label** (details, `. The
 * same for every annotation of a colour or an entity, so it is escaped once per colour and entity
 * (what `annotationBlock` writes, in the same characters, measured a third of the time on 50,000).
 */
class AttributionStarts {
  private readonly byLegend = new Map<string, string>();
  private readonly byEntity = new Map<string, string>();

  constructor(private readonly index: ExportIndex) {}

  of(record: AnnotationRecord): string {
    const cache = record.kind === 'highlight' ? this.byLegend : this.byEntity;
    const key = record.kind === 'highlight' ? record.legendId : record.entityId;
    let start = cache.get(key);
    if (start === undefined) {
      const { label, entity, type } = describeAnnotation(record, this.index);
      const details = record.kind === 'highlight' ? ['highlight'] : [type?.name ?? 'entity', ...(entity?.externalId ? [`Wikidata ${entity.externalId}`] : [])];
      start = `— **${escapeMarkdownInline(label)}** (${details.map((detail) => `${escapeMarkdownInline(detail)}, `).join('')}`;
      cache.set(key, start);
    }
    return start;
  }
}

/** `annotationBlock` for a placed annotation, its attribution's start made once per colour or entity. */
function placedBlock(quote: string, attribution: string, start: number, end: number, comment: string): string {
  // `characters 12–34` has nothing to escape.
  const block = `${blockQuote(escapeMarkdownText(quote))}\n\n${attribution}characters ${start}–${end})`;
  return comment.trim() ? `${block}\n\n*Comment:* ${escapeMarkdownText(comment.trim()).replace(/\n/g, '  \n')}` : block;
}

function articleSection({ article, placed, orphans }: PreparedArticle, index: ExportIndex, notes: NotesByTarget, context: NoteMarkdownContext, attributions: AttributionStarts): string {
  const blocks = [`## ${escapeMarkdownInline(articleHeading(article))}`, metadataList(article), ...noteBlocks(notes.get(article.id), 'Article note', context)];
  for (const { record, quote, start, end } of placed) {
    blocks.push(placedBlock(quote, attributions.of(record), start, end, record.comment));
    const recordNotes = notes.get(record.id);
    if (recordNotes) blocks.push(...noteBlocks(recordNotes, 'Note', context));
  }
  if (orphans.length > 0) {
    blocks.push(`### Not found in the current text (${orphans.length})`);
    for (const record of orphans) blocks.push(annotationBlock(record.target.quote.exact, describeAnnotation(record, index).label, ['orphan'], record.comment));
  }
  if (placed.length === 0 && orphans.length === 0) blocks.push('*No highlights or mentions.*');
  return blocks.join('\n\n');
}

function notebookSection(pages: readonly NoteRecord[], context: NoteMarkdownContext): string {
  const blocks = ['# Notebook'];
  for (const page of pages) {
    blocks.push(`## ${escapeMarkdownInline(page.title.trim() || 'Untitled page')}`);
    const body = lexicalToMarkdown(page.content, { ...context, headingOffset: 2 }) ?? escapeMarkdownText(page.text);
    if (body.trim()) blocks.push(body);
  }
  return blocks.join('\n\n');
}

/** The notebook's pages in the notebook's order (then by id, so ties never depend on storage). */
export function notebookPages(notes: readonly NoteRecord[]): NoteRecord[] {
  return notes.filter((note) => note.kind === 'page').sort((a, b) => a.order - b.order || compareStrings(a.id, b.id));
}

/** Serialises `input` as a Markdown report (UTF-8 text, `\n` line ends, ending with one newline). */
export function toMarkdownReport(input: ExportInput, options: MarkdownReportOptions = {}): string {
  return markdownReportPieces(input, options).join('');
}

/** {@link toMarkdownReport}'s text in pieces, in order (a section each), for the export to encode without joining them. */
export function markdownReportPieces(input: ExportInput, options: MarkdownReportOptions = {}): string[] {
  const { index, articles } = preparationOf(input);
  const pages = notebookPages(input.notes);
  const articleById = new Map<string, ExportArticle>(input.articles.map((article) => [article.id, article]));
  const context: NoteMarkdownContext = {
    entityById: index.entityById,
    citeArticle: (articleId, fallbackTitle) => {
      const article = articleById.get(articleId);
      const title = article ? articleHeading(article) : fallbackTitle;
      return article ? `*${escapeMarkdownInline(title)}* (\`${article.path.replace(/`/g, 'ˋ')}\`)` : `*${escapeMarkdownInline(title)}*`;
    },
  };
  const counts = { highlights: 0, mentions: 0, pages: pages.length };
  for (const annotation of input.annotations) {
    if (annotation.kind === 'highlight') counts.highlights++;
    else if (annotation.kind === 'mention') counts.mentions++;
  }
  const blocks = [frontMatter(input, options, counts), `# ${escapeMarkdownInline(options.title ?? `${input.projectName} — research report`)}`];
  const notesByTarget = new Map<string, NoteRecord[]>();
  for (const note of [...input.notes].sort((a, b) => a.createdAt - b.createdAt || compareStrings(a.id, b.id))) {
    if (note.kind === 'page') continue;
    const list = notesByTarget.get(note.targetId);
    if (list) list.push(note);
    else notesByTarget.set(note.targetId, [note]);
  }
  const attributions = new AttributionStarts(index);
  if (articles.length > 0) blocks.push(...articles.map((article) => articleSection(article, index, notesByTarget, context, attributions)));
  if (pages.length > 0) blocks.push(notebookSection(pages, context));
  return joinedPieces(blocks, '\n\n', '\n');
}
