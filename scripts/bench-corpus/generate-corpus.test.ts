import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countWords as countWordsLikeTheApp } from '../../main/services/corpus/count-words';
import type { GeneratedArticle } from './generate-corpus';
import { countWords, FILES_PER_FOLDER, generateArticles, readSamplePools, splitSentences, WORD_COUNT } from './generate-corpus';
import { createRandom, deriveSeed } from './seeded-random';

const corpusDir = new URL('../../corpus/', import.meta.url);
const sources = readdirSync(corpusDir)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => readFileSync(new URL(name, corpusDir), 'utf8'));
const corpusText = sources.join('\n');
const pools = readSamplePools(sources);
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function textOf(article: GeneratedArticle): string {
  return strictUtf8.decode(article.bytes);
}

/** Path, title, word count and content digest: deep-comparing raw bytes in vitest is slow. */
function fingerprint(articles: readonly GeneratedArticle[]): string[] {
  return articles.map((a) => `${a.path} ${a.wordCount} ${createHash('sha256').update(a.bytes).digest('hex')} ${a.title}`);
}

/** True when `line` is exactly some pool sentences joined by single spaces. */
function isMadeOfSentences(line: string, sentences: readonly string[]): boolean {
  const reachable = new Set([0]);
  for (let start = 0; start < line.length; start++) {
    if (!reachable.has(start)) continue;
    for (const sentence of sentences) {
      if (!line.startsWith(sentence, start)) continue;
      const end = start + sentence.length;
      if (end === line.length) return true;
      if (line[end] === ' ') reachable.add(end + 1);
    }
  }
  return false;
}

function isCorpusHeadline(title: string): boolean {
  if (corpusText.includes(title)) return true;
  for (let at = title.indexOf(': '); at !== -1; at = title.indexOf(': ', at + 1)) {
    if (corpusText.includes(title.slice(0, at)) && corpusText.includes(title.slice(at + 2))) return true;
  }
  return false;
}

describe('createRandom', () => {
  it('repeats its sequence for a seed and changes it with the seed', () => {
    const draw = (seed: number): number[] => {
      const random = createRandom(seed);
      return Array.from({ length: 5 }, () => random.uint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(deriveSeed(42, 0)).not.toBe(deriveSeed(42, 1));
  });

  it('keeps int() within its inclusive bounds and next() within [0, 1)', () => {
    const random = createRandom(7);
    const ints = new Set(Array.from({ length: 2000 }, () => random.int(3, 6)));
    expect([...ints].sort()).toEqual([3, 4, 5, 6]);
    const floats = Array.from({ length: 2000 }, () => random.next());
    expect(floats.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('splitSentences', () => {
  it('does not split at "U.S." followed by a capital', () => {
    const line =
      'U.S. Secretary of State Marco Rubio and Kenyan President William Ruto have called for an immediate ceasefire in eastern Democratic Republic of Congo (DRC) amid escalating violence. Their appeal follows the capture of key cities by the Rwanda-backed M23 rebel group.';
    expect(splitSentences(line)).toEqual([
      'U.S. Secretary of State Marco Rubio and Kenyan President William Ruto have called for an immediate ceasefire in eastern Democratic Republic of Congo (DRC) amid escalating violence.',
      'Their appeal follows the capture of key cities by the Rwanda-backed M23 rebel group.',
    ]);
    expect(splitSentences('The crisis was discussed, the U.S. State Department confirmed. Mr. Kagame agreed.')).toEqual([
      'The crisis was discussed, the U.S. State Department confirmed.',
      'Mr. Kagame agreed.',
    ]);
  });
});

describe('readSamplePools', () => {
  it('separates body sentences from headings and site boilerplate', () => {
    expect(pools.headings).toEqual(['Background and U.S. Response', 'Growing Diplomatic Pressure']);
    expect(pools.alsoRead).toEqual([
      'M23 rebels capture Goma, call for calm',
      'Kinshasa could have avoided current crisis, says Rwanda envoy',
      'Dialogue with M23: The impasse in Luanda talks',
    ]);
    expect(pools.teasers).toHaveLength(5);
    expect(pools.footer).toEqual(['What is your opinion on this topic?', 'Leave the first comment']);
    const boilerplate = [...pools.alsoRead, ...pools.teasers, ...pools.footer, 'Read next', 'ALSO READ'];
    expect(pools.sentences.filter((sentence) => boilerplate.some((b) => sentence.includes(b)))).toEqual([]);
    expect(pools.sentences.every((sentence) => corpusText.includes(sentence))).toBe(true);
  });
});

describe('generateArticles', () => {
  it('produces byte-identical files for the same seed and different ones for another seed', () => {
    const first = generateArticles(sources, { count: 200, seed: 42 });
    const again = generateArticles(sources, { count: 200, seed: 42 });
    const other = generateArticles(sources, { count: 200, seed: 43 });
    expect(fingerprint(again)).toEqual(fingerprint(first));
    const firstDigests = new Set(fingerprint(first).map((line) => line.split(' ')[2]));
    expect(fingerprint(other).filter((line) => firstDigests.has(line.split(' ')[2]))).toEqual([]);
  });

  it('counts whitespace-separated words by default', () => {
    const articles = generateArticles(sources, { count: 50, seed: 2 });
    expect(articles.map((a) => countWords(textOf(a)))).toEqual(articles.map((a) => a.wordCount));
  });

  it('makes a smaller corpus a prefix of a larger one with the same seed', () => {
    const small = generateArticles(sources, { count: 50, seed: 9 });
    const large = generateArticles(sources, { count: 300, seed: 9 });
    expect(fingerprint(large.slice(0, 50))).toEqual(fingerprint(small));
  });

  it('spreads word counts like real news, within 200–5,000 words as the app counts them', () => {
    const articles = generateArticles(sources, { count: 500, seed: 1, countWords: countWordsLikeTheApp });
    const words = articles.map((a) => a.wordCount).sort((a, b) => a - b);
    expect(articles.map((a) => countWordsLikeTheApp(textOf(a)))).toEqual(articles.map((a) => a.wordCount));
    expect(words[0]).toBeGreaterThanOrEqual(WORD_COUNT.min);
    expect(words.at(-1)).toBeLessThanOrEqual(WORD_COUNT.max);
    const median = words[words.length >> 1] ?? 0;
    expect(median).toBeGreaterThan(650);
    expect(median).toBeLessThan(1000);
    expect(words.filter((w) => w < 450).length).toBeGreaterThan(25);
    expect(words.filter((w) => w > 1500).length).toBeGreaterThan(25);
    expect(words.at(-1)).toBeGreaterThan(2500);
  });

  it('builds every line from the sample corpus, with its boilerplate in the usual places', () => {
    const articles = generateArticles(sources, { count: 500, seed: 5 });
    const teaserBlock = new Set([...pools.teasers, ...pools.footer]);
    const odd: string[] = [];
    let alsoRead = 0;
    let readNext = 0;
    for (const article of articles) {
      const [title = '', ...lines] = textOf(article).replace(/\n$/, '').split('\n');
      expect(title).toBe(article.title);
      if (!isCorpusHeadline(title)) odd.push(`title: ${title}`);
      const readNextAt = lines.indexOf('Read next');
      if (readNextAt !== -1) readNext++;
      lines.forEach((line, i) => {
        if (readNextAt !== -1 && i > readNextAt) {
          if (!/^\d{2}:\d{2}$/.test(line) && !teaserBlock.has(line)) odd.push(`read next: ${line}`);
        } else if (line.startsWith('ALSO READ: ')) {
          alsoRead++;
          if (!pools.alsoRead.includes(line.slice('ALSO READ: '.length))) odd.push(line);
        } else if (i !== readNextAt && !pools.headings.includes(line) && !isMadeOfSentences(line, pools.sentences)) {
          odd.push(line);
        }
      });
    }
    expect(odd).toEqual([]);
    expect(isMadeOfSentences(`Goma fell. ${pools.sentences[0] ?? ''}`, pools.sentences)).toBe(false);
    expect(alsoRead).toBeGreaterThan(100);
    expect(readNext).toBeGreaterThan(50);
  });

  it('gives every article its own title', () => {
    const titles = generateArticles(sources, { count: 3000, seed: 3 }).map((a) => a.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it(`names files NNNNN_<hex>.txt in folders of at most ${FILES_PER_FOLDER}`, () => {
    const articles = generateArticles(sources, { count: 2500, seed: 11 });
    const perFolder = new Map<string, number>();
    for (const { path } of articles) {
      expect(path).toMatch(/^batch-\d{2}\/\d{5}_[0-9a-f]{8}\.txt$/);
      const folder = path.split('/')[0] ?? '';
      perFolder.set(folder, (perFolder.get(folder) ?? 0) + 1);
    }
    expect(Object.fromEntries(perFolder)).toEqual({ 'batch-00': 1000, 'batch-01': 1000, 'batch-02': 500 });
    expect(articles[42]?.path).toMatch(/^batch-00\/00042_[0-9a-f]{8}\.txt$/);
    expect(new Set(articles.map((a) => a.path)).size).toBe(articles.length);
  });
});
