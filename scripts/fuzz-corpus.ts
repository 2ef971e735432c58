// Writes a fuzz corpus for checking that a change to parsing keeps every listing the same: articles
// assembled at random (seeded) from awkward pieces: every kind of white space and line ending,
// joiners, marks, emoji, right-to-left text, bylines, datelines, "Source:" lines, site furniture
// and teaser blocks, in UTF-8 (with and without BOM), UTF-16, Latin-1, Markdown and HTML.
// Dump it before and after the change with scripts/dump-listing.ts and compare the dumps.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from './bench-corpus/seeded-random';

const [out, countArg = '3000', seedArg = '11'] = process.argv.slice(2);
if (!out) {
  console.error('Usage: node scripts/run-ts.mjs scripts/fuzz-corpus.ts OUT-FOLDER [COUNT] [SEED]');
  process.exit(2);
}
const random = createRandom(Number(seedArg));
const corpusFolder = fileURLToPath(new URL('../corpus/', import.meta.url));
const samples = readdirSync(corpusFolder).filter((name) => name.endsWith('.txt')).map((name) => readFileSync(path.join(corpusFolder, name), 'utf8'));
const sentences = samples.join('\n').split(/(?<=[.!?])\s+|\n+/u).filter(Boolean);

const SPACES = [' ', '  ', '\t', '\u00a0', '\u2003', '\u3000', '\u202f', '\ufeff', '\u2028', '\u0085', '\u200b', '\v', '\f', ' \u00a0 ', '\u1680', '\u205f'];
const ATOMS = ['word', "Congo's", 'de-escalate', 'l’on', 'U.S.', '06:00', 'e\u0301te\u0301', '😀', '👩‍👩‍👧', 'مرحبا بالعالم', 'שלום', '中文字符', 'ไทย', '٣٤٥', '--',
  "'", "x'", "'x", 'a--b', 'a‐b', 'a‑b', 'a’’b', '“quoted”', '"q', '…', '\u0301', '\ud83d', 'Ⅻ', '①', 'ǅ', 'ﬁ', 'İstanbul', 'ß', '𝔘𝔫𝔦', '1,000.5', '#tag', '@user',
  'http://x.y/z?a=b', '¿Qué?', '¡Sí!', '–', '—', 'Dr.', 'Jan.'];
const FURNITURE = ['ALSO READ: M23 rebels take Goma', 'Also  read — the other story', 'Read more: here', 'Related: stuff', 'Recommended: x', 'More from Africa: story',
  'See also | thing', "What's your opinion on this story?", 'Leave a comment', '3 comments', 'Comments (12)', 'Share this article', 'Share on WhatsApp', 'Subscribe',
  'Sign up for our newsletter', 'Sign up was slow, officials told us.', 'Subscribe now to get updates', 'Follow us on Twitter', 'Advertisement', 'Sponsored content',
  'Scroll to continue with content', '© 2025 Reuters. All rights reserved', 'Copyright 2024 AP all rights reserved', 'Read next', 'READ NEXT:', 'Related articles',
  'More stories', 'You might also like', 'Most read', 'Trending now', 'Latest news', 'Top stories', "Editor's picks", 'More from The East African', '06:00', '1:47 pm',
  '5 hours ago', '26 March 2025', 'March 26, 2025 10:15', '2025-03-26', '26.03.2025', '3 mins ago'];
const HEADER = ['By Jane Doe, Reuters', 'BY JOHN ROE', 'by Alice de la Cruz and Bob van Dam', 'By Jane Doe and John Roe, Associated Press', 'By the way, this is not a byline.',
  'By  Jean-Pierre  Bemba,  AFP', 'Published: 26 March 2025', 'Updated on 12:30, 4 Feb', 'First published: Jan 29, 2025', 'Posted 3 days ago 2', 'Date: 2025-01-01',
  'Source: Reuters', 'source : The  East African', 'ſource: Kyodo', `Source: a very long source name${' and on'.repeat(10)}`, 'KIGALI — The rebels advanced.',
  'NAIROBI, Jan 29 (Reuters) - Talks stalled.', 'Kigali, Jan. 29 (AFP) — Kagame spoke.', 'GOMA, DR Congo -- Fighting resumed.', 'Goma (dpa) – x', 'ÉTÉ —  y', "N'DJAMENA — z"];
const HEADINGS = ['Background and U.S. Response', 'The Road Ahead', 'Why It Matters', 'ÉTAT DES LIEUX', 'Ceasefire talks'];
const LINE_ENDS = ['\n', '\n\n', '\n\n', '\r\n', '\r\n\r\n', '\r', '\n \n'];

function jumble(): string {
  let text = '';
  for (let i = random.int(1, 12); i > 0; i--) {
    text += random.chance(0.5) ? random.pick(ATOMS) : random.pick(sentences).slice(0, random.int(0, 200));
    text += random.chance(0.7) ? ' ' : random.pick(SPACES);
  }
  return text;
}

function line(): string {
  const r = random.next();
  if (r < 0.3) return random.pick(sentences);
  if (r < 0.45) return jumble();
  if (r < 0.6) return random.pick(FURNITURE);
  if (r < 0.7) return random.pick(HEADER);
  if (r < 0.75) return random.pick(SPACES) + random.pick(FURNITURE) + random.pick(SPACES);
  if (r < 0.8) return Array.from({ length: random.int(3, 32) }, () => random.pick(sentences)).join(random.pick([' ', '  ', '\u00a0']));
  if (r < 0.85) return random.pick(HEADINGS);
  return r < 0.9 ? '' : random.pick(SPACES);
}

function article(): string {
  const lines = Array.from({ length: 1 + Math.floor(random.next() ** 2 * 60) }, line);
  return lines.map((text) => text + random.pick(LINE_ENDS)).join('');
}

function encoded(text: string): Buffer {
  const r = random.next();
  if (r < 0.9) return Buffer.from(text, 'utf8');
  if (r < 0.94) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  if (r < 0.97) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return Buffer.from(text, 'latin1');
}

mkdirSync(out, { recursive: true });
const count = Number(countArg);
for (let i = 0; i < count; i++) {
  const name = String(i).padStart(5, '0');
  const kind = random.next();
  const text = article();
  if (kind < 0.8) {
    writeFileSync(path.join(out, `f${name}.txt`), encoded(text));
  } else if (kind < 0.97) {
    const marked = text.split('\n').map((part) => (random.chance(0.1) ? '# ' : random.chance(0.1) ? '- ' : random.chance(0.05) ? '> ' : '') + part);
    writeFileSync(path.join(out, `m${name}.md`), marked.join('\n'));
  } else {
    const paragraphs = text.split('\n').map((part) => `<p>${part}</p>`).join('');
    writeFileSync(path.join(out, `h${name}.html`), `<html><head><title>${random.pick(sentences)}</title></head><body><article>${paragraphs}</article></body></html>`);
  }
}
console.log(`fuzz-corpus: ${count} files written to ${out} (seed ${seedArg})`);
