import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { LineInfo } from '../../../shared/model/article';
import { formatFromPath, parseArticle } from './parse-article';

const corpusBytes = (name: string): Uint8Array => readFileSync(new URL(`../../../corpus/${name}`, import.meta.url));
const corpusText = (name: string): string => Buffer.from(corpusBytes(name)).toString('utf8');

const P: LineInfo = { kind: 'paragraph', boilerplate: false };
const H2: LineInfo = { kind: 'heading', level: 2, boilerplate: false };
const JUNK: LineInfo = { kind: 'paragraph', boilerplate: true };
const BLANK: LineInfo = { kind: 'blank', boilerplate: false };

describe('parseArticle', () => {
  it('parses corpus 001 end to end', () => {
    expect(parseArticle(corpusBytes('001_49124f787c8de1cf.txt'), 'text')).toEqual({
      text: corpusText('001_49124f787c8de1cf.txt'),
      lines: [P, P, P, P, H2, P, P, H2, P, ...Array<LineInfo>(13).fill(JUNK)],
      meta: { title: 'U.S. Secretary of State Marco Rubio and Kenyan President William Ruto have called for an…' },
      // `wc -w` gives 431: the eight "U.S." and five times like "06:00" count as two words each, a lone "—" as none.
      wordCount: 443,
      encoding: 'utf-8',
      warnings: [],
      readable: true,
    });
  });

  it('counts the words of the canonical text, dimmed boilerplate included', () => {
    // Same as `wc -w`: corpus 000 has no abbreviations, times or free-standing punctuation.
    expect(parseArticle(corpusBytes('000_f9a0009864046443.txt'), 'text').wordCount).toBe(503);
  });

  it('joins the warnings of decoding and rendering', () => {
    const html = '<html><head><title>Café</title></head><body><footer>Pied de page déjà vu</footer></body></html>';
    expect(parseArticle(iconv.encode(html, 'latin1'), 'html')).toEqual({
      text: 'Pied de page déjà vu',
      lines: [P],
      meta: { title: 'Café' },
      wordCount: 5,
      encoding: 'windows-1252',
      warnings: [
        { code: 'legacy-encoding', message: 'Not UTF-8: decoded as windows-1252 (detected); check accented characters' },
        { code: 'parse-failed', message: "Could not find the article's main content; showing all page text" },
      ],
      readable: true,
    });
  });

  it('renders Markdown and takes its title from the first h1', () => {
    const markdown = '# Ceasefire talks\r\n\r\nRwanda and DR Congo **agreed** to talks.\r\n';
    expect(parseArticle(new TextEncoder().encode(markdown), 'markdown')).toEqual({
      text: 'Ceasefire talks\n\nRwanda and DR Congo agreed to talks.',
      lines: [{ kind: 'heading', level: 1, boilerplate: false }, BLANK, P],
      meta: { title: 'Ceasefire talks' },
      wordCount: 9,
      encoding: 'utf-8',
      warnings: [],
      readable: true,
    });
  });

  it('refuses binary bytes as unreadable, with one blank line', () => {
    expect(parseArticle(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'text')).toEqual({
      text: '',
      lines: [BLANK],
      meta: { title: '' },
      wordCount: 0,
      encoding: 'binary',
      warnings: [
        {
          code: 'binary',
          message: 'Contains NUL bytes in its first 8 KB, so it looks like a binary file, not text: not opened',
        },
      ],
      readable: false,
    });
  });

  it('opens an empty file as an empty, readable article', () => {
    expect(parseArticle(new Uint8Array(), 'html')).toEqual({
      text: '',
      lines: [BLANK],
      meta: { title: '' },
      wordCount: 0,
      encoding: 'utf-8',
      warnings: [{ code: 'empty', message: 'The file is empty (0 bytes)' }],
      readable: true,
    });
  });
});

describe('formatFromPath', () => {
  it.each([
    ['news/001.txt', 'text'],
    ['a.TEXT', 'text'],
    ['notes/readme.md', 'markdown'],
    ['x.Markdown', 'markdown'],
    ['page.html', 'html'],
    ['C:\\corpus\\page.HTM', 'html'],
    ['archive.tar.gz', null],
    ['photo.jpg', null],
    ['README', null],
    ['.md', null],
    ['folder.md/file', null],
    ['file.constructor', null],
  ])('%s → %s', (path, format) => {
    expect(formatFromPath(path)).toBe(format);
  });
});
