import type { ArchiveArticleMeta, ProjectData } from './archive-schema';
import type { ExportArticle, ExportArticleMeta, ExportInput } from './export-input';
import type { DerivedMetadata } from '../model/article';
import { ArticleId, type EntityId } from '../model/ids';

/*
 * What an export covers, by scope: from the project's rows and the articles' canonical texts, the
 * input every format reads. Pure: main runs it in its export threads, on the rows the renderer sent
 * and the texts main read itself.
 */

export type ExportScope = { kind: 'project' } | { kind: 'articles'; paths: string[] } | { kind: 'entity'; entityId: EntityId } | { kind: 'notebook' };

/** An article's canonical text and derived metadata, as main reads them; nulls when it cannot be read. */
export interface ArticleText {
  path: string;
  text: string | null;
  meta: DerivedMetadata | null;
}

/** The user's corrections an article's metadata may carry (a row of the `articleMeta` table). */
export type MetadataCorrections = Pick<ArchiveArticleMeta, 'title' | 'source' | 'author' | 'date' | 'url'>;

/** The metadata shown for an article: the user's corrections over what the text suggested. */
export function effectiveMetadata(derived: DerivedMetadata, corrected: MetadataCorrections | undefined): ExportArticleMeta {
  return {
    title: corrected?.title ?? derived.title,
    source: corrected?.source ?? derived.source ?? '',
    author: corrected?.author ?? derived.byline?.replace(/^by\s+/i, '') ?? '',
    date: corrected?.date ?? derived.dateline ?? '',
    url: corrected?.url ?? '',
  };
}

/** Of the readable articles `readable` (paths, in the library's order), those whose texts `scope` may need. */
export function pathsToRead(readable: readonly string[], scope: ExportScope): string[] {
  if (scope.kind === 'notebook') return [];
  if (scope.kind !== 'articles') return [...readable];
  const chosen = new Set(scope.paths);
  return readable.filter((path) => chosen.has(path));
}

export interface SelectedExport {
  input: ExportInput;
  /** Annotated articles no longer in the corpus (their text could not be read), by path when registered. */
  missing: string[];
}

/**
 * The input of every export format for `scope`, from the project's rows and `texts` (those of
 * {@link pathsToRead}; an article whose text is null is left out). A whole project or one entity
 * promises every annotation: the annotated articles that could not be read are named in `missing`.
 */
export function selectExport(data: ProjectData, projectName: string, texts: readonly ArticleText[], scope: ExportScope): SelectedExport {
  const idByPath = new Map(data.articles.filter((row) => row.path !== '').map((row) => [row.path, row.id]));
  const corrections = new Map(data.articleMeta.map((row) => [row.path, row]));
  let annotations = data.annotations;
  let readable = texts;
  let notes = data.notes;
  if (scope.kind === 'articles') {
    const chosen = new Set(scope.paths);
    readable = readable.filter((content) => chosen.has(content.path));
    const chosenIds = new Set<string>(readable.flatMap((content) => idByPath.get(content.path) ?? []));
    notes = notes.filter((note) => note.kind === 'page' && note.citedArticleIds.some((id) => chosenIds.has(id)));
  } else if (scope.kind === 'entity') {
    annotations = annotations.filter((row) => row.kind === 'mention' && row.entityId === scope.entityId);
    const articleIds = new Set<string>(annotations.map((row) => row.articleId));
    readable = readable.filter((content) => articleIds.has(idByPath.get(content.path) ?? ''));
    notes = notes.filter((note) => note.citedEntityIds.includes(scope.entityId));
  } else if (scope.kind === 'notebook') {
    readable = [];
    annotations = [];
  }
  const present = readable.flatMap((content): ExportArticle[] =>
    content.text === null || content.meta === null
      ? []
      : [
          {
            // An article never registered has no annotations yet; a stand-in id keeps it in the export.
            id: idByPath.get(content.path) ?? ArticleId.parse(`unregistered:${content.path}`),
            path: content.path,
            text: content.text,
            meta: effectiveMetadata(content.meta, corrections.get(content.path)),
          },
        ],
  );
  const presentIds = new Set<string>(present.map((article) => article.id));
  const registered = new Map<string, string>(data.articles.map((row) => [row.id, row.path]));
  // Only whole-project and entity exports promise every annotation; a chosen set leaves others out on purpose.
  const promisesAll = scope.kind === 'project' || scope.kind === 'entity';
  const annotatedIds = new Set<string>(annotations.map((row) => row.articleId));
  const missing = promisesAll ? [...annotatedIds].filter((id) => !presentIds.has(id)).map((id) => registered.get(id) || id) : [];
  return {
    input: {
      projectName,
      articles: present,
      annotations: annotations.filter((row) => presentIds.has(row.articleId)),
      legend: data.legend,
      entities: data.entities,
      entityTypes: data.entityTypes,
      notes,
    },
    missing,
  };
}
