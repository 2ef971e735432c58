import iconv from 'iconv-lite';
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
function composeTitle(random: SeededRandom, pools: SamplePools, used: Set<string>): string {
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
function sentenceWalker(random: SeededRandom, pools: SamplePools): () => number {
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
function composeArticle(random: SeededRandom, pools: SamplePools, targetWords: number, title: string): ComposedArticle {
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

/** The awkward inputs a real folder of saved articles contains. */
export const EDGE_CASE_KINDS = [
  'crlf',
  'utf8-bom',
  'utf16le-bom',
  'windows-1252',
  'emoji-rtl',
  'empty',
  'whitespace-only',
  'huge',
  'binary',
  'name-with-spaces',
  'unicode-name',
  'leading-dash',
  'long-name',
  'markdown',
  'html',
  'invalid-utf8',
] as const;
export type EdgeCaseKind = (typeof EDGE_CASE_KINDS)[number];

/** One edge-case file. Its bytes are built on demand, since the largest is 20 MB. */
export interface EdgeCaseFile {
  kind: EdgeCaseKind;
  path: string;
  bytes(): Uint8Array;
}

export const HUGE_FILE_BYTES = 20 * 1024 * 1024;

const FRENCH_TEXT = [
  'Goma\u00a0: Kinshasa accuse Kigali après la chute de la ville',
  'Kinshasa, la capitale de la République démocratique du Congo, a réagi mercredi à la prise de Goma par les rebelles du M23.',
  'Le gouvernement congolais accuse le Rwanda de soutenir la rébellion, ce que Kigali dément.',
  '«\u00a0Nous ne négocierons pas avec un groupe terroriste\u00a0», a déclaré un porte-parole à l’issue d’une réunion de crise.',
  'À Goma, les habitants font état de tirs sporadiques près de l’aéroport\u00a0; l’électricité et l’eau sont coupées dans plusieurs quartiers.',
  'Les Nations unies s’inquiètent d’une crise humanitaire\u00a0: plus de 400\u00a0000 personnes ont fui les combats depuis le début de l’année…',
  'Les chefs d’État de la Communauté d’Afrique de l’Est doivent se réunir en sommet extraordinaire pour obtenir un cessez-le-feu.',
  'Œuvrer pour la paix reste «\u00a0la priorité\u00a0», a répété le ministre des Affaires étrangères à Bruxelles.',
].join('\n');

const EMOJI_RTL_TEXT = [
  'Goma 🇨🇩: reactions on social media 📱',
  'Residents shared photos of the lake shore at dawn 🌅 and messages of support ❤️🙏.',
  'A family reunited after three days 👨‍👩‍👧 — “we are safe” 👍🏾',
  'كينشاسا هي عاصمة جمهورية الكونغو الديمقراطية.',
  'قال المتحدث إن الوضع في غوما لا يزال متوتراً.',
  'משרד החוץ קרא להפסקת אש מיידית במזרח קונגו.',
  'בשנת 2025 נכבשה העיר גומה.',
  'Mixed direction: the word سلام means peace, and so does שלום; M23 ↔ FARDC 🔥',
  'Styled letters from a post: 𝐌𝟐𝟑 𝐜𝐞𝐚𝐬𝐞𝐟𝐢𝐫𝐞, and a decomposed accent: Re\u0301publique.',
  '',
].join('\n');

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * The edge-case files, all under `edge-cases/`: other line endings and encodings, emoji and
 * right-to-left text, empty, huge and binary files, odd names, Markdown, HTML and invalid UTF-8.
 * English content is recombined from `sources` as in {@link generateArticles}.
 */
export function edgeCaseFiles(sources: readonly string[], seed: number): EdgeCaseFile[] {
  const pools = readSamplePools(sources);
  // Each file draws from its own stream so adding a kind later leaves the others byte-identical.
  const randomFor = (kind: EdgeCaseKind): SeededRandom => createRandom(deriveSeed(seed, 1_000_000 + EDGE_CASE_KINDS.indexOf(kind)));
  const articleLines = (kind: EdgeCaseKind, targetWords = 400): string[] => {
    const random = randomFor(kind);
    return composeArticle(random, pools, targetWords, composeTitle(random, pools, new Set())).lines;
  };
  const articleText = (kind: EdgeCaseKind): Uint8Array => utf8.encode(`${articleLines(kind).join('\n')}\n`);
  const file = (kind: EdgeCaseKind, name: string, bytes: () => Uint8Array): EdgeCaseFile => ({ kind, path: `edge-cases/${name}`, bytes });
  return [
    file('crlf', 'windows-line-endings.txt', () => utf8.encode(`${articleLines('crlf').join('\r\n')}\r\n`)),
    file('utf8-bom', 'utf8-with-bom.txt', () => concatBytes([new Uint8Array([0xef, 0xbb, 0xbf]), articleText('utf8-bom')])),
    file('utf16le-bom', 'utf16le-with-bom.txt', () => iconv.encode(`${articleLines('utf16le-bom').join('\n')}\n`, 'utf-16le', { addBOM: true })),
    file('windows-1252', 'latin1-french.txt', () => iconv.encode(FRENCH_TEXT, 'windows-1252')),
    file('emoji-rtl', 'emoji-and-rtl.txt', () => utf8.encode(EMOJI_RTL_TEXT)),
    file('empty', 'empty.txt', () => new Uint8Array(0)),
    file('whitespace-only', 'whitespace-only.txt', () => utf8.encode(' \n\n\t  \r\n \u00a0\n')),
    file('huge', 'huge-20mb.txt', () => hugeText(articleLines('huge', WORD_COUNT.max))),
    file('binary', 'binary-data.txt', () => binaryBytes(randomFor('binary'))),
    file('name-with-spaces', 'M23 rebels capture Goma (1).txt', () => articleText('name-with-spaces')),
    // NFC on purpose: macOS treats an NFD spelling of the same name as the same file.
    file('unicode-name', 'Rapport \u2013 Goma \u00e9.txt', () => utf8.encode(`${FRENCH_TEXT}\n`)),
    file('leading-dash', '-leading-dash.txt', () => articleText('leading-dash')),
    file('long-name', longFileName(pools), () => articleText('long-name')),
    file('markdown', 'briefing.md', () => utf8.encode(markdownText(randomFor('markdown'), pools))),
    file('html', 'news-page.html', () => utf8.encode(htmlText(randomFor('html'), pools))),
    file('invalid-utf8', 'invalid-utf8.txt', () => invalidUtf8(articleLines('invalid-utf8'))),
  ];
}

/** One article repeated to exactly 20 MB, ending on a whole line so it stays valid UTF-8. */
function hugeText(lines: readonly string[]): Uint8Array {
  const chunk = utf8.encode(`${lines.join('\n')}\n`);
  const out = new Uint8Array(HUGE_FILE_BYTES);
  let offset = 0;
  for (; offset + chunk.length <= HUGE_FILE_BYTES; offset += chunk.length) out.set(chunk, offset);
  const tail = chunk.subarray(0, chunk.lastIndexOf(0x0a, HUGE_FILE_BYTES - offset - 1) + 1);
  out.set(tail, offset);
  out.fill(0x0a, offset + tail.length);
  return out;
}

function binaryBytes(random: SeededRandom): Uint8Array {
  const bytes = new Uint8Array(64 * 1024);
  for (let i = 0; i < bytes.length; i++) bytes[i] = random.uint32() & 0xff;
  // A PNG header: an image saved with the wrong extension is the usual way binary ends up as .txt.
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  return bytes;
}

/** A saved page title as a file name: about 200 characters, well under the 255-byte limit. */
function longFileName(pools: SamplePools): string {
  const text = pools.sentences.join(' ').replace(/[<>:"/\\|?*“”]/g, '').replace(/\s+/g, ' ');
  return `${text.slice(0, 197).replace(/\s+\S*$/, '').replace(/[\s.,]+$/, '')}.txt`;
}

function invalidUtf8(lines: readonly string[]): Uint8Array {
  // One of each defect a decoder meets: stray continuation byte, overlong "/", truncated sequence,
  // an encoded surrogate half, and 0xFF, which never occurs in UTF-8.
  const defects = [[0x80], [0xc0, 0xaf], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xff]];
  const parts: Uint8Array[] = [];
  lines.forEach((line, i) => {
    const defect = i === 0 ? undefined : defects[i - 1];
    const cut = line.indexOf(' ', line.length >> 1);
    if (defect && cut > 0) parts.push(utf8.encode(line.slice(0, cut + 1)), new Uint8Array(defect), utf8.encode(line.slice(cut + 1)));
    else parts.push(utf8.encode(line));
    parts.push(new Uint8Array([0x0a]));
  });
  return concatBytes(parts);
}

function sentenceRun(random: SeededRandom, pools: SamplePools, count: number): string[] {
  const next = sentenceWalker(random, pools);
  return Array.from({ length: count }, () => pools.sentences[next()] ?? '');
}

function markdownText(random: SeededRandom, pools: SamplePools): string {
  const paragraph = (count: number): string => sentenceRun(random, pools, count).join(' ');
  const heading = (): string => random.pick(pools.headings.length > 0 ? pools.headings : pools.titleFragments);
  const [first = '', second = '', third = ''] = sentenceRun(random, pools, 3);
  return [
    `# ${composeTitle(random, pools, new Set())}`,
    paragraph(3),
    paragraph(2),
    `## ${heading()}`,
    paragraph(2),
    [`- ${first}`, `- ${second}`, `- **${random.pick(pools.titleFragments)}**: ${third}`].join('\n'),
    sentenceRun(random, pools, 3).map((sentence, i) => `${i + 1}. ${sentence}`).join('\n'),
    `> ${paragraph(1)}`,
    `### ${heading()}`,
    `${paragraph(3)} See [the earlier report](https://example.org/news/m23-goma) for background.`,
    '---',
    `*ALSO READ: [${random.pick(pools.alsoRead.length > 0 ? pools.alsoRead : pools.titleFragments)}](https://example.org/also-read)*`,
    '',
  ].join('\n\n');
}

function htmlText(random: SeededRandom, pools: SamplePools): string {
  const p = (count: number): string => `      <p>${escapeHtml(sentenceRun(random, pools, count).join(' '))}</p>`;
  const title = escapeHtml(composeTitle(random, pools, new Set()));
  const teasers = (pools.teasers.length > 0 ? pools.teasers : pools.titleFragments).slice(0, 4);
  const related = escapeHtml(random.pick(pools.alsoRead.length > 0 ? pools.alsoRead : pools.titleFragments));
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${title} | The Example Times</title>
  <style>body { font-family: Georgia, serif; } .cookie-banner { position: fixed; bottom: 0; }</style>
  <script>window.dataLayer = window.dataLayer || []; window.dataLayer.push({ event: 'pageview' });</script>
</head>
<body>
  <div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
  <header>
    <a class="logo" href="/">The Example Times</a>
    <nav><ul><li><a href="/world">World</a></li><li><a href="/africa">Africa</a></li><li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
  </header>
  <main>
    <article>
      <h1>${title}</h1>
      <p class="byline">By Staff Reporter · <time datetime="2025-01-29">29 January 2025</time></p>
${p(2)}
${p(3)}
      <aside class="related">ALSO READ: <a href="/also-read">${related}</a></aside>
${p(2)}
      <h2>${escapeHtml(random.pick(pools.headings.length > 0 ? pools.headings : pools.titleFragments))}</h2>
${p(3)}
${p(1)}
    </article>
    <aside class="sidebar">
      <h2>Read next</h2>
      <ol>
${teasers.map((teaser) => `        <li><a href="/read-next">${escapeHtml(teaser)}</a></li>`).join('\n')}
      </ol>
    </aside>
  </main>
  <footer>
    <nav><a href="/about">About</a> · <a href="/contact">Contact</a> · <a href="/privacy">Privacy</a></nav>
    <p>&copy; 2025 The Example Times. All rights reserved.</p>
  </footer>
</body>
</html>
`;
}
