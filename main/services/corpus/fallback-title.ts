import type { ArticleSummary } from '../../../shared/model/article';

/** The summary with its file name as its title when its text gave none (as the library lists it). */
export function withFallbackTitle(summary: ArticleSummary): ArticleSummary {
  if (summary.meta.title.trim() !== '') return summary;
  return { ...summary, meta: { ...summary.meta, title: summary.path.split('/').pop() ?? summary.path } };
}
