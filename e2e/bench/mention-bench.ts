import path from 'node:path';
import { silentLogger } from '../../main/host/logger';
import { createCorpusService, type CorpusService } from '../../main/services/corpus/corpus-service';
import { searchMentions } from '../../main/services/corpus/mention-search';
import { median, type BenchRow } from './bench-stats';

/** One entity's names as a researcher would type them: an acronym, a surname, a full name, aliases. */
const TERMS = ['M23', 'Kagame', 'Paul Kagame', 'DR Congo', 'DRC'];
const FIRST_RESULTS_BUDGET_MS = 300;
const COMPLETE_BUDGET_MS = 2000;

/** How long until the first batch of hits reached the caller, and until the last. */
interface SearchTiming {
  firstMs: number;
  completeMs: number;
}

async function timeSearch(service: CorpusService): Promise<SearchTiming> {
  const started = performance.now();
  let firstMs = Number.NaN;
  await searchMentions(service.searchContext(), { terms: TERMS, includeBoilerplate: false }, () => {
    if (Number.isNaN(firstMs)) firstMs = performance.now() - started;
  });
  return { firstMs, completeMs: performance.now() - started };
}

/**
 * Searches the whole generated corpus for one entity's mentions, as `corpus.findMentions` does,
 * with the real corpus service reading from disk and its worker threads (the built
 * `out/main/corpus-worker.js`, as the app uses them). Reports medians of `runs` samples: of the
 * first search right after opening the corpus (each on a freshly opened service: its workers'
 * code is not yet warm, and the folder watcher starts meanwhile), and of repeated searches, until
 * the first batch of hits reaches the caller (what the user waits for before results appear) and
 * until the last.
 */
export async function benchMentionSearch(projectRoot: string, corpusDir: string, runs: number): Promise<BenchRow[]> {
  const workerScript = path.join(projectRoot, 'out', 'main', 'corpus-worker.js');
  const firstSearches: SearchTiming[] = [];
  const repeated: SearchTiming[] = [];
  let articles = 0;
  for (let run = 0; run < runs; run += 1) {
    const service = createCorpusService({ log: silentLogger, mayOpen: () => true, onChange: () => {}, workerScript });
    try {
      articles = (await service.open(corpusDir)).articles.length;
      firstSearches.push(await timeSearch(service));
      if (run === runs - 1) for (let again = 0; again < runs; again += 1) repeated.push(await timeSearch(service));
    } finally {
      await service.close();
    }
  }
  const label = `Find mentions (${TERMS.length} terms, ${articles} articles)`;
  return [
    { name: `${label}: first results`, value: median(repeated.map((sample) => sample.firstMs)), unit: 'ms', budget: FIRST_RESULTS_BUDGET_MS },
    { name: `${label}: complete`, value: median(repeated.map((sample) => sample.completeMs)), unit: 'ms', budget: COMPLETE_BUDGET_MS },
    { name: 'Find mentions: first search after opening, first results', value: median(firstSearches.map((sample) => sample.firstMs)), unit: 'ms', budget: FIRST_RESULTS_BUDGET_MS },
    { name: 'Find mentions: first search after opening, complete', value: median(firstSearches.map((sample) => sample.completeMs)), unit: 'ms', budget: COMPLETE_BUDGET_MS },
  ];
}
