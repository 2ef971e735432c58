import { silentLogger } from '../../main/host/logger';
import { createCorpusService } from '../../main/services/corpus/corpus-service';
import { searchMentions } from '../../main/services/corpus/mention-search';
import { median, type BenchRow } from './bench-stats';

/** One entity's names as a researcher would type them: an acronym, a surname, a full name, aliases. */
const TERMS = ['M23', 'Kagame', 'Paul Kagame', 'DR Congo', 'DRC'];
const FIRST_RESULTS_BUDGET_MS = 300;
const COMPLETE_BUDGET_MS = 2000;

/**
 * Searches the whole generated corpus for one entity's mentions, as `corpus.findMentions` does,
 * with the real corpus service reading from disk. Reports the medians of `runs` searches, until
 * the first batch of hits reaches the caller (what the user waits for before results appear) and
 * until the last, and on its own the first search after opening: that one also works out every
 * article's line structure, which later searches remember, and competes with the watcher's
 * initial walk of the folder.
 */
export async function benchMentionSearch(corpusDir: string, runs: number): Promise<BenchRow[]> {
  const service = createCorpusService({ log: silentLogger, mayOpen: () => true, onChange: () => {} });
  try {
    const listing = await service.open(corpusDir);
    const search = async (): Promise<{ firstMs: number; completeMs: number }> => {
      const started = performance.now();
      let firstMs = Number.NaN;
      await searchMentions(service.searchContext(), { terms: TERMS, includeBoilerplate: false }, () => {
        if (Number.isNaN(firstMs)) firstMs = performance.now() - started;
      });
      return { firstMs, completeMs: performance.now() - started };
    };
    const first = await search();
    const samples = [];
    for (let run = 0; run < runs; run += 1) samples.push(await search());
    const label = `Find mentions (${TERMS.length} terms, ${listing.articles.length} articles)`;
    return [
      { name: `${label}: first results`, value: median(samples.map((sample) => sample.firstMs)), unit: 'ms', budget: FIRST_RESULTS_BUDGET_MS },
      { name: `${label}: complete`, value: median(samples.map((sample) => sample.completeMs)), unit: 'ms', budget: COMPLETE_BUDGET_MS },
      { name: 'Find mentions: first search after opening, complete', value: first.completeMs, unit: 'ms', budget: COMPLETE_BUDGET_MS },
    ];
  } finally {
    await service.close();
  }
}
