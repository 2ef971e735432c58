import iconv from 'iconv-lite';
import { composeArticle, composeTitle, readSamplePools, sentenceWalker, WORD_COUNT, type SamplePools } from './generate-corpus';
import { createRandom, deriveSeed, type SeededRandom } from './seeded-random';

const utf8 = new TextEncoder();

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
