import { readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { EdgeCaseFile, EdgeCaseKind } from './edge-case-files';
import { edgeCaseFiles, EDGE_CASE_KINDS, HUGE_FILE_BYTES } from './edge-case-files';
import { readSamplePools } from './generate-corpus';

const corpusDir = new URL('../../corpus/', import.meta.url);
const sources = readdirSync(corpusDir)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => readFileSync(new URL(name, corpusDir), 'utf8'));
const pools = readSamplePools(sources);
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe('edgeCaseFiles', () => {
  const files = edgeCaseFiles(sources, 1);
  const byKind = (kind: EdgeCaseKind): EdgeCaseFile => {
    const file = files.find((f) => f.kind === kind);
    if (!file) throw new Error(`no ${kind} file`);
    return file;
  };
  const bytesOf = (kind: EdgeCaseKind): Uint8Array => byKind(kind).bytes();
  const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((b, i) => bytes[i] === b);

  it('has one file of each kind, all in edge-cases/ under distinct names', () => {
    expect(files.map((f) => f.kind)).toEqual([...EDGE_CASE_KINDS]);
    expect(files.every((f) => f.path.startsWith('edge-cases/') && !f.path.slice('edge-cases/'.length).includes('/'))).toBe(true);
    expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
  });

  it('is deterministic for a seed', () => {
    const again = edgeCaseFiles(sources, 1);
    const other = edgeCaseFiles(sources, 2);
    for (const kind of ['crlf', 'binary', 'markdown', 'html', 'invalid-utf8'] as const) {
      const bytes = bytesOf(kind);
      expect(again.find((f) => f.kind === kind)?.bytes()).toEqual(bytes);
      expect(other.find((f) => f.kind === kind)?.bytes()).not.toEqual(bytes);
    }
  });

  it('writes CRLF line endings only', () => {
    const text = strictUtf8.decode(bytesOf('crlf'));
    expect(text.split('\r\n').length).toBeGreaterThan(3);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('starts the UTF-8 and UTF-16LE files with their byte-order marks', () => {
    const utf8 = bytesOf('utf8-bom');
    expect(startsWith(utf8, [0xef, 0xbb, 0xbf])).toBe(true);
    expect(isValidUtf8(utf8)).toBe(true);
    const utf16 = bytesOf('utf16le-bom');
    expect(startsWith(utf16, [0xff, 0xfe])).toBe(true);
    const text = iconv.decode(Buffer.from(utf16), 'utf-16le');
    expect(pools.sentences.some((sentence) => text.includes(sentence))).toBe(true);
  });

  it('encodes the French article as windows-1252, which is not valid UTF-8', () => {
    const bytes = bytesOf('windows-1252');
    expect(bytes.includes(0xe9)).toBe(true);
    expect(isValidUtf8(bytes)).toBe(false);
    const text = iconv.decode(Buffer.from(bytes), 'windows-1252');
    expect(text).toContain('Kinshasa, la capitale de la République démocratique du Congo');
    expect(text).toContain('l’issue d’une réunion');
    expect(text).not.toContain('?');
  });

  it('mixes emoji with Arabic and Hebrew in valid UTF-8', () => {
    const text = strictUtf8.decode(bytesOf('emoji-rtl'));
    expect(text).toMatch(/\p{Script=Arabic}{3}/u);
    expect(text).toMatch(/\p{Script=Hebrew}{3}/u);
    expect(text).toMatch(/\p{Extended_Pictographic}/u);
    expect(text).toContain('👨‍👩‍👧');
  });

  it('includes an empty and a whitespace-only file', () => {
    expect(bytesOf('empty')).toHaveLength(0);
    const blank = bytesOf('whitespace-only');
    expect(blank.length).toBeGreaterThan(0);
    expect(strictUtf8.decode(blank).trim()).toBe('');
  });

  it('builds a 20 MB text file that is valid UTF-8', () => {
    // Checked inside one function so the buffer can be collected as soon as it returns.
    const summary = ((bytes: Uint8Array) => ({
      size: bytes.length,
      valid: isValidUtf8(bytes),
      startsWithText: /^\p{L}/u.test(strictUtf8.decode(bytes.subarray(0, 100))),
    }))(bytesOf('huge'));
    expect(summary).toEqual({ size: HUGE_FILE_BYTES, valid: true, startsWithText: true });
  });

  it('names a binary file .txt and fills it with bytes including NULs', () => {
    const bytes = bytesOf('binary');
    expect(byKind('binary').path).toMatch(/\.txt$/);
    expect(bytes.filter((b) => b === 0).length).toBeGreaterThan(10);
    expect(isValidUtf8(bytes)).toBe(false);
  });

  it('uses odd but legal file names', () => {
    const name = (kind: EdgeCaseKind): string => byKind(kind).path.slice('edge-cases/'.length);
    expect(name('name-with-spaces')).toBe('M23 rebels capture Goma (1).txt');
    expect(name('unicode-name')).toBe('Rapport \u2013 Goma \u00e9.txt');
    expect(name('unicode-name')).toBe(name('unicode-name').normalize('NFC'));
    expect(name('leading-dash')).toMatch(/^-.*\.txt$/);
    const long = name('long-name');
    expect(long.length).toBeGreaterThanOrEqual(180);
    expect(long.length).toBeLessThanOrEqual(200);
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(255);
    expect(long).not.toMatch(/[<>:"/\\|?*]/);
  });

  it('writes Markdown with headings and lists, and HTML with boilerplate around an <article>', () => {
    expect(byKind('markdown').path).toMatch(/\.md$/);
    const markdown = strictUtf8.decode(bytesOf('markdown'));
    for (const pattern of [/^# \S/m, /^## \S/m, /^- \S/m, /^1\. \S/m, /^> \S/m]) expect(markdown).toMatch(pattern);
    expect(byKind('html').path).toMatch(/\.html$/);
    const html = strictUtf8.decode(bytesOf('html'));
    for (const tag of ['<nav>', '<header>', '<article>', '</article>', '<footer>', '<script>']) expect(html).toContain(tag);
    const article = html.slice(html.indexOf('<article>'), html.indexOf('</article>'));
    expect(article).toMatch(/<h1>[^<]+<\/h1>/);
    expect(article.match(/<p>/g)?.length).toBeGreaterThanOrEqual(5);
  });

  it('damages the invalid-UTF-8 file without making it look binary', () => {
    const bytes = bytesOf('invalid-utf8');
    expect(isValidUtf8(bytes)).toBe(false);
    expect(bytes.includes(0)).toBe(false);
    const lenient = new TextDecoder().decode(bytes);
    expect(lenient.match(/\uFFFD/g)?.length).toBeGreaterThanOrEqual(5);
    expect(pools.sentences.some((sentence) => lenient.includes(sentence))).toBe(true);
  });
});
