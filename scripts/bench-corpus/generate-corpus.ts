import type { SeededRandom } from './seeded-random';
import { createRandom, deriveSeed } from './seeded-random';

/** Article length in words. Real news is skewed: many short items and a long tail of features. */
export const WORD_COUNT = { min: 200, median: 800, max: 5000 } as const;
/** Log-normal spread: about 17 % of articles under 450 words and 15 % over 1,500. */
const LOG_SIGMA = 0.6;
/** File managers and watchers slow down with thousands of entries in one folder; real archives are sharded. */
export const FILES_PER_FOLDER = 1000;

/** One file to write, at a forward-slash path relative to the output folder. */
export interface GeneratedFile {
  path: string;
  bytes: Uint8Array;
}

/** A generated news article (UTF-8, one paragraph per line, the headline on the first line). */
export interface GeneratedArticle extends GeneratedFile {
  title: string;
  /** Words in the whole file, boilerplate included, by {@link GenerateOptions.countWords}. */
  wordCount: number;
}

/** Counts the words of a text; lines and sentences are joined with whitespace, so counts must add up. */
export type WordCounter = (text: string) => number;

export interface GenerateOptions {
  count: number;
  seed: number;
  /** How the consumer counts words, so lengths stay in range by its count. Default: whitespace runs. */
  countWords?: WordCounter;
}

/** The reusable parts of the sample articles, sorted by the role they play on a news page. */
export interface SamplePools {
  /** Body sentences in source order, so consecutive picks read as one story. */
  sentences: readonly string[];
  /** Words of each sentence, by `countWords`. */
  sentenceWords: readonly number[];
  countWords: WordCounter;
  /** Short unpunctuated lines between paragraphs ("Growing Diplomatic Pressure"). */
  headings: readonly string[];
  /** Titles after "ALSO READ:". */
  alsoRead: readonly string[];
  /** Teasers of the trailing "Read next" block, each shown under a time. */
  teasers: readonly string[];
  /** Lines after the teasers ("Leave the first comment"). */
  footer: readonly string[];
  /** Headline-sized openings of sentences, combined into titles. */
  titleFragments: readonly string[];
}

const utf8 = new TextEncoder();
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
// ICU breaks after any period followed by a capital, as in "the U.S. State Department", so a
// segment ending in an initialism or a title abbreviation is glued to the next one.
const ENDS_IN_ABBREVIATION =
  /(?:^|[\s("“])(?:(?:\p{L}\.){2,}|(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Gov|Sen|Rep|Rev|St|Jr|Sr|No|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.)\s*$/u;
const TIME = /^\d{1,2}:\d{2}$/;
const HEADLINE_FILLER = new Set(
  ('a an the of to in on at by for from with and or but as that which who whose its their his her our is are was were ' +
    'be been has have had will would could should also since after before about over into amid between during while ' +
    'than said says this these those not more most other some such each where when what how').split(' '),
);

/** Splits one paragraph into sentences, never at "U.S." or "Mr." inside a sentence. */
export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  let pending = '';
  for (const { segment } of segmenter.segment(paragraph)) {
    pending += segment;
    if (ENDS_IN_ABBREVIATION.test(pending)) continue;
    if (pending.trim()) sentences.push(pending.trim());
    pending = '';
  }
  if (pending.trim()) sentences.push(pending.trim());
  return sentences;
}

/** Counts whitespace-separated words: the default {@link WordCounter}. */
export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/** Sorts the lines of the sample articles into body sentences and the kinds of page boilerplate. */
export function readSamplePools(sources: readonly string[], count: WordCounter = countWords): SamplePools {
  const sentences = new Set<string>();
  const headings = new Set<string>();
  const alsoRead = new Set<string>();
  const teasers = new Set<string>();
  const footer = new Set<string>();
  for (const source of sources) {
    const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
    const readNextAt = lines.findIndex((line) => /^read next$/i.test(line));
    for (const line of readNextAt === -1 ? lines : lines.slice(0, readNextAt)) {
      const alsoReadTitle = /^ALSO READ:\s*(.+)$/i.exec(line)?.[1];
      if (alsoReadTitle) alsoRead.add(alsoReadTitle);
      else if (countWords(line) <= 8 && /^\p{Lu}/u.test(line) && !/[.!?:;,"'”’)…]$/.test(line)) headings.add(line);
      else for (const sentence of splitSentences(line)) sentences.add(sentence);
    }
    const block = readNextAt === -1 ? [] : lines.slice(readNextAt + 1);
    block.forEach((line, i) => {
      if (!TIME.test(line)) (TIME.test(block[i - 1] ?? '') ? teasers : footer).add(line);
    });
  }
  if (sentences.size === 0) throw new Error('The sample corpus has no sentences to recombine');
  const sentenceList = [...sentences];
  const fragments = titleFragments(sentenceList, [...headings, ...alsoRead]);
  return {
    sentences: sentenceList,
    sentenceWords: sentenceList.map(count),
    countWords: count,
    headings: [...headings],
    alsoRead: [...alsoRead],
    teasers: [...teasers],
    footer: [...footer],
    titleFragments: fragments.length > 0 ? fragments : sentenceList,
  };
}

function titleFragments(sentences: readonly string[], headlines: readonly string[]): string[] {
  const fragments = new Set(headlines.filter((headline) => !headline.includes(':')));
  for (const sentence of sentences) {
    if (!/^\p{Lu}/u.test(sentence)) continue;
    const words = sentence.split(' ');
    for (let length = 4; length <= 9; length++) {
      const picked = words.slice(0, length);
      while (picked.length > 0) {
        let last = (picked.at(-1) ?? '').replace(/[,;:!?…"“”’)]+$/u, '');
        if (!/^(?:\p{L}\.)+$/u.test(last)) last = last.replace(/\.+$/, '');
        if (last && !HEADLINE_FILLER.has(last.toLowerCase())) {
          picked[picked.length - 1] = last;
          break;
        }
        picked.pop();
      }
      const fragment = picked.join(' ');
      // A headline with half a quotation or half a bracket reads as broken.
      if (picked.length >= 3 && !/["“”():]/.test(fragment)) fragments.add(fragment);
    }
  }
  return [...fragments];
}

/** Draws a headline not in `used` (unless the fragments are exhausted) and records it there. */
export function composeTitle(random: SeededRandom, pools: SamplePools, used: Set<string>): string {
  let title = '';
  for (let attempt = 0; attempt < 32 && (title === '' || used.has(title)); attempt++) {
    const main = random.pick(pools.titleFragments);
    const second = random.pick(pools.titleFragments);
    title = random.chance(0.15) || second === main ? main : `${main}: ${second}`;
  }
  used.add(title);
  return title;
}

function targetWordCount(random: SeededRandom): number {
  const words = Math.round(WORD_COUNT.median * Math.exp(LOG_SIGMA * random.normal()));
  return Math.min(WORD_COUNT.max, Math.max(WORD_COUNT.min, words));
}

const PARAGRAPH_SIZE_CUMULATIVE = [0.22, 0.52, 0.77, 0.91, 1];

function paragraphSize(random: SeededRandom): number {
  const roll = random.next();
  return PARAGRAPH_SIZE_CUMULATIVE.findIndex((limit) => roll < limit) + 1 || 5;
}

/**
 * Walks the sentence pool mostly in order, with jumps, so paragraphs read like one story. With a
 * small sample the same sentence soon comes round again; a short memory keeps it out of the same
 * stretch of text.
 */
export function sentenceWalker(random: SeededRandom, pools: SamplePools): () => number {
  const last = pools.sentences.length - 1;
  const recent: number[] = [];
  const memory = Math.min(8, pools.sentences.length >> 1);
  let cursor = random.int(0, last);
  return () => {
    cursor = random.chance(0.25) ? random.int(0, last) : cursor === last ? 0 : cursor + 1;
    for (let tries = 0; tries < 4 && recent.includes(cursor); tries++) cursor = random.int(0, last);
    recent.push(cursor);
    if (recent.length > memory) recent.shift();
    return cursor;
  };
}

function readNextBlock(random: SeededRandom, pools: SamplePools): string[] {
  if (pools.teasers.length === 0) return [];
  const lines = ['Read next'];
  const count = Math.min(pools.teasers.length, random.int(3, 5));
  const first = random.int(0, pools.teasers.length - 1);
  let minutes = random.int(6 * 60, 24 * 60 - 1);
  for (let i = 0; i < count; i++) {
    const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    lines.push(time, pools.teasers[(first + i) % pools.teasers.length] ?? '');
    minutes -= random.int(15, 75);
  }
  if (random.chance(0.7)) lines.push(...pools.footer);
  return lines;
}

interface ComposedArticle {
  lines: string[];
  wordCount: number;
}

/**
 * Fills an article to about `targetWords` (never past WORD_COUNT.max): paragraphs of 1–5 sentences,
 * now and then a sub-heading or an "ALSO READ:" line, sometimes a trailing "Read next" block.
 */
export function composeArticle(random: SeededRandom, pools: SamplePools, targetWords: number, title: string): ComposedArticle {
  const lines = [title];
  const trailer = targetWords >= 600 && random.chance(0.3) ? readNextBlock(random, pools) : [];
  const { countWords } = pools;
  let words = countWords(title) + trailer.reduce((sum, line) => sum + countWords(line), 0);
  const nextSentence = sentenceWalker(random, pools);
  const alsoReadPool = pools.alsoRead.length > 0 ? pools.alsoRead : pools.teasers;
  let paragraphs = 0;
  let full = false;
  while (words < targetWords && !full) {
    if (paragraphs >= 3 && pools.headings.length > 0 && random.chance(0.05)) {
      const heading = random.pick(pools.headings);
      lines.push(heading);
      words += countWords(heading);
    }
    const paragraph: string[] = [];
    const size = paragraphSize(random);
    while (paragraph.length < size && words < targetWords) {
      const index = nextSentence();
      const sentenceWords = pools.sentenceWords[index] ?? 0;
      if (words + sentenceWords > WORD_COUNT.max) {
        full = true;
        break;
      }
      paragraph.push(pools.sentences[index] ?? '');
      words += sentenceWords;
    }
    if (paragraph.length > 0) lines.push(paragraph.join(' '));
    paragraphs++;
    if (words < targetWords && paragraphs >= 2 && alsoReadPool.length > 0 && random.chance(0.08)) {
      const line = `ALSO READ: ${random.pick(alsoReadPool)}`;
      if (words + countWords(line) <= WORD_COUNT.max) {
        lines.push(line);
        words += countWords(line);
      }
    }
  }
  lines.push(...trailer);
  return { lines, wordCount: words };
}

function folderFor(index: number): string {
  return `batch-${String(Math.floor(index / FILES_PER_FOLDER)).padStart(2, '0')}`;
}

/**
 * Generates `count` news articles by recombining the sentences and boilerplate of `sources` (the
 * texts of the sample articles). The result depends only on its arguments, and up to 100,000
 * articles a smaller count yields a prefix of a larger one (beyond, the index gets wider).
 * Paths look like `batch-03/03042_9f1c2ab0.txt`.
 */
export function generateArticles(sources: readonly string[], options: GenerateOptions): GeneratedArticle[] {
  if (!Number.isSafeInteger(options.count) || options.count < 0) throw new RangeError(`count must be a whole number, got ${options.count}`);
  const pools = readSamplePools(sources, options.countWords);
  const usedTitles = new Set<string>();
  const digits = Math.max(5, String(options.count - 1).length);
  const articles: GeneratedArticle[] = [];
  for (let index = 0; index < options.count; index++) {
    const random = createRandom(deriveSeed(options.seed, index));
    const id = random.uint32().toString(16).padStart(8, '0');
    const title = composeTitle(random, pools, usedTitles);
    const { lines, wordCount } = composeArticle(random, pools, targetWordCount(random), title);
    // The samples end without a newline; editors usually add one. Readers must cope with both.
    const text = lines.join('\n') + (random.chance(0.5) ? '\n' : '');
    const path = `${folderFor(index)}/${String(index).padStart(digits, '0')}_${id}.txt`;
    articles.push({ path, bytes: utf8.encode(text), title, wordCount });
  }
  return articles;
}
