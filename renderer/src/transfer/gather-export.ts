import { mapLimited } from '../../../shared/async/map-limited';
import type { HostClient } from '../../../shared/contract/host-client';
import type { RequestOutput } from '../../../shared/contract/host-contract';
import { CORPUS_TEXTS_PER_REQUEST } from '../../../shared/contract/host-contract';
import type { ProjectData } from '../../../shared/export/archive-schema';
import type { ExportArticle, ExportInput } from '../../../shared/export/export-input';
import type { CorpusListing } from '../../../shared/model/article';
import { ArticleId, type EntityId } from '../../../shared/model/ids';
import { effectiveMetadata } from '../db/article-meta-store';

/*
 * Gathers what an export covers, by scope, from the project's rows (Dexie) and the articles'
 * canonical texts (main, `corpus.readTexts`): a hundred articles per request, a few requests at
 * once (one request per article took 8 s for 1,000 articles in the bench, on a loaded machine).
 */

export type ExportScope = { kind: 'project' } | { kind: 'articles'; paths: readonly string[] } | { kind: 'entity'; entityId: EntityId } | { kind: 'notebook' };

/** `corpus.readTexts` requests in flight at once. */
const READ_CONCURRENCY = 3;

export interface GatheredExport {
  input: ExportInput;
  /** Articles with annotations that are no longer in the corpus, so their text could not be read. */
  missing: string[];
}

/** What `corpus.readTexts` gives for one article (a `null` text: it could not be read). */
export type ArticleText = RequestOutput<'corpus.readTexts'>['articles'][number];

/** Reads the texts of `paths` from main, in batches; an article that cannot be read is left out. */
export async function readTexts(client: HostClient, paths: readonly string[]): Promise<ArticleText[]> {
  const batches: string[][] = [];
  for (let at = 0; at < paths.length; at += CORPUS_TEXTS_PER_REQUEST) batches.push(paths.slice(at, at + CORPUS_TEXTS_PER_REQUEST));
  const read = await mapLimited(batches, READ_CONCURRENCY, async (batch) => {
    const texts = await client.request('corpus.readTexts', { paths: batch });
    return texts.ok ? texts.value.articles : [];
  });
  return read.flat();
}

/**
 * The project's rows for an export: all of them, or all but the annotations, which the export's
 * workers read themselves (`rows.annotations` then empty), with the articles that have annotations.
 */
export interface ExportRows {
  data: ProjectData;
  /** Set when `data.annotations` is left empty for the workers: the articles that have annotations. */
  annotated?: ReadonlySet<string>;
}

/** The paths of the listing's readable articles, whose texts an export of the whole project reads. */
export const readablePaths = (listing: CorpusListing): string[] => listing.articles.filter((summary) => summary.readable).map((summary) => summary.path);

/**
 * Builds the input of every export format for `scope`. The project's rows may still be on their
 * way (`rows` a promise): the texts of a scope that does not depend on them are read meanwhile.
 * With rows that leave the annotations to the workers (only for a whole project or chosen
 * articles), the input's annotations are left empty for them: they keep those of its articles.
 * `allTexts`, when given, are the texts of every readable article of `listing`, read ahead: the
 * scope's are taken from those instead of being read.
 */
export async function gatherExport(client: HostClient, listing: CorpusListing, rows: ExportRows | Promise<ExportRows>, scope: ExportScope, allTexts?: Promise<readonly ArticleText[]>): Promise<GatheredExport> {
  const readable = listing.articles.filter((summary) => summary.readable);
  const chosenPaths = scope.kind === 'articles' ? new Set(scope.paths) : null;
  const textsOf = async (paths: readonly string[]): Promise<readonly ArticleText[]> => {
    if (!allTexts) return readTexts(client, paths);
    const wanted = new Set(paths);
    return (await allTexts).filter((content) => wanted.has(content.path));
  };
  const early = scope.kind === 'entity' ? null : textsOf(scope.kind === 'notebook' ? [] : readable.filter((summary) => !chosenPaths || chosenPaths.has(summary.path)).map((summary) => summary.path));
  const { data, annotated } = await rows;
  if (annotated && (scope.kind === 'entity' || scope.kind === 'notebook')) throw new Error(`An export of ${scope.kind === 'entity' ? 'one entity' : 'the notebook'} needs the annotations read with the rest of the project`);
  const idByPath = new Map(data.articles.filter((row) => row.path !== '').map((row) => [row.path, row.id]));
  const corrections = new Map(data.articleMeta.map((row) => [row.path, row]));
  let annotations = data.annotations;
  let summaries = readable;
  let notes = data.notes;
  if (scope.kind === 'articles') {
    const chosen = new Set(scope.paths);
    summaries = summaries.filter((summary) => chosen.has(summary.path));
  } else if (scope.kind === 'entity') {
    annotations = annotations.filter((row) => row.kind === 'mention' && row.entityId === scope.entityId);
    const articleIds = new Set<string>(annotations.map((row) => row.articleId));
    summaries = summaries.filter((summary) => articleIds.has(idByPath.get(summary.path) ?? ''));
    notes = notes.filter((note) => note.citedEntityIds.includes(scope.entityId));
  } else if (scope.kind === 'notebook') {
    summaries = [];
    annotations = [];
  }
  if (scope.kind === 'articles') notes = notes.filter((note) => note.kind === 'page' && note.citedArticleIds.some((id) => summaries.some((summary) => idByPath.get(summary.path) === id)));

  const read = await (early ?? textsOf(summaries.map((summary) => summary.path)));
  const present = read.flatMap((content): ExportArticle[] =>
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
  const annotatedIds = annotated ?? new Set(annotations.map((row) => row.articleId));
  const missing = promisesAll ? [...annotatedIds].filter((id) => !presentIds.has(id)).map((id) => registered.get(id) || id) : [];
  return {
    input: {
      projectName: listing.name,
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
