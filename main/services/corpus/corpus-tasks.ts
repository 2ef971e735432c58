import { realpathSync } from 'node:fs';
import type { ArticleSummary } from '../../../shared/model/article';
import { createMentionMatcher, type MentionMatcher } from '../../../shared/search/mention-matcher';
import { packHits, type PackedHits } from './mention-hit-packing';
import { boilerplateLines, DEFAULT_CONTEXT_CHARS, hitsIn, type MentionQuery } from './mention-hits';
import { summariseArticleFileSync } from './read-article-file';
import { readForSearchSync, type SearchTarget } from './search-text-reader';
import type { MentionHit } from '../../../shared/model/mention';

/** One file to list: where it is, and its path relative to the corpus root. */
export interface FileToList {
  absolutePath: string;
  relativePath: string;
}

/**
 * An article as listed, with the lines a search skips by default (see `SearchTarget`) when the
 * listing worked them out; without them, the first search does.
 */
export interface ListedArticle {
  summary: ArticleSummary;
  boilerplate?: number[];
}

/** The work a corpus worker thread does, a batch of articles at a time. */
export type CorpusTask =
  | { kind: 'summarise'; files: FileToList[] }
  | { kind: 'search'; root: string; targets: readonly SearchTarget[]; query: MentionQuery };

export type CorpusTaskResult =
  | { kind: 'summarise'; articles: ListedArticle[] }
  | {
      kind: 'search';
      /** Articles read and searched. */
      searched: number;
      hits: PackedHits;
      /** Targets whose boilerplate lines were worked out afresh (changed, or not known): worth keeping. */
      learnt: SearchTarget[];
    };

/**
 * Runs corpus tasks with blocking reads: one runner per worker thread, and one in main where
 * workers cannot run. It keeps the last search's matcher and resolved root.
 */
export function createCorpusTaskRunner(): (task: CorpusTask) => CorpusTaskResult {
  let lastMatcher: { key: string; matcher: MentionMatcher } | null = null;
  let lastRoot: { root: string; real: string } | null = null;

  function matcherFor(terms: readonly string[]): MentionMatcher {
    const key = JSON.stringify(terms);
    if (lastMatcher?.key !== key) lastMatcher = { key, matcher: createMentionMatcher(terms) };
    return lastMatcher.matcher;
  }

  /** The root with its links resolved, or null when it is gone (then nothing can be read). */
  function realRootOf(root: string): string | null {
    if (lastRoot?.root === root) return lastRoot.real;
    try {
      lastRoot = { root, real: realpathSync.native(root) };
      return lastRoot.real;
    } catch {
      return null;
    }
  }

  return (task) => {
    if (task.kind === 'summarise') {
      return {
        kind: 'summarise',
        articles: task.files.map((file) => {
          const { summary, lines } = summariseArticleFileSync(file.absolutePath, file.relativePath);
          return lines ? { summary, boilerplate: boilerplateLines(lines) } : { summary };
        }),
      };
    }
    const matcher = matcherFor(task.query.terms);
    const realRoot = realRootOf(task.root);
    if (realRoot === null) return { kind: 'search', searched: 0, hits: packHits([]), learnt: [] };
    const contextChars = task.query.contextChars ?? DEFAULT_CONTEXT_CHARS;
    let searched = 0;
    const hits: MentionHit[] = [];
    const learnt: SearchTarget[] = [];
    for (const target of task.targets) {
      const article = readForSearchSync(task.root, realRoot, target);
      if (!article) continue;
      searched += 1;
      if (!article.reused) learnt.push({ path: target.path, size: article.size, modifiedMs: article.modifiedMs, boilerplate: article.boilerplate });
      for (const hit of hitsIn(target.path, article, matcher, task.query.includeBoilerplate, contextChars)) hits.push(hit);
    }
    return { kind: 'search', searched, hits: packHits(hits), learnt };
  };
}
