import type { ArticleSummary } from '../../../shared/model/article';
import { createMentionMatcher, type MentionMatcher } from '../../../shared/search/mention-matcher';
import { searchArticleBatch, type ArticleBatchResult, type MentionQuery } from './mention-hits';
import { readArticleFileSync } from './read-article-file';
import { createSearchTextReader } from './search-text-reader';

/** One file to list: where it is, and its path relative to the corpus root. */
export interface FileToList {
  absolutePath: string;
  relativePath: string;
}

/** The work a corpus worker thread does, a batch of articles at a time. */
export type CorpusTask =
  | { kind: 'summarise'; files: FileToList[] }
  | { kind: 'search'; root: string; paths: readonly string[]; query: MentionQuery };

export type CorpusTaskResult = { kind: 'summarise'; summaries: ArticleSummary[] } | { kind: 'search'; found: ArticleBatchResult };

/**
 * Runs corpus tasks with blocking reads: one runner per worker thread, and one in main where
 * workers cannot run. Each keeps its own caches (plain-text line structures by content, the last
 * search's matcher), which is why the same runner should serve all of one thread's tasks.
 */
export function createCorpusTaskRunner(): (task: CorpusTask) => CorpusTaskResult {
  const texts = createSearchTextReader();
  let lastMatcher: { key: string; matcher: MentionMatcher } | null = null;

  function matcherFor(terms: readonly string[]): MentionMatcher {
    const key = JSON.stringify(terms);
    if (lastMatcher?.key !== key) lastMatcher = { key, matcher: createMentionMatcher(terms) };
    return lastMatcher.matcher;
  }

  return (task) => {
    if (task.kind === 'summarise') {
      return { kind: 'summarise', summaries: task.files.map((file) => readArticleFileSync(file.absolutePath, file.relativePath).summary) };
    }
    return { kind: 'search', found: searchArticleBatch(task.paths, texts.forRootSync(task.root), matcherFor(task.query.terms), task.query) };
  };
}
