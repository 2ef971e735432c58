import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeArticleBytes } from './decode-article-bytes';

const corpus = (name: string): Uint8Array => readFileSync(new URL(`../../../corpus/${name}`, import.meta.url));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const FRENCH =
  'Le président a déclaré mercredi que la sécurité régionale était une priorité. ' +
  '« Nous travaillons ensemble », a-t-il ajouté à Kigali, où l’on espère un cessez-le-feu rapide.';

describe('decodeArticleBytes', () => {
  it('decodes a UTF-8 corpus article unchanged, typographic apostrophes included', () => {
    const bytes = corpus('001_49124f787c8de1cf.txt');
    const result = decodeArticleBytes(bytes);
    expect(result).toEqual({ text: Buffer.from(bytes).toString('utf8'), encoding: 'utf-8', warnings: [] });
    expect(result.text).toContain('The group’s resurgence');
  });

  it('strips a UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Café in Kigali')]);
    expect(decodeArticleBytes(bytes)).toEqual({ text: 'Café in Kigali', encoding: 'utf-8', warnings: [] });
  });

  it('decodes UTF-16LE and UTF-16BE with a BOM, even though they contain NUL bytes', () => {
    const text = 'Goma — “ceasefire” now\nSecond line';
    const le = iconv.encode(text, 'utf-16le', { addBOM: true });
    const be = iconv.encode(text, 'utf-16be', { addBOM: true });
    expect(decodeArticleBytes(le)).toEqual({ text, encoding: 'utf-16le', warnings: [] });
    expect(decodeArticleBytes(be)).toEqual({ text, encoding: 'utf-16be', warnings: [] });
  });

  it('detects Latin-1 text, decodes it as windows-1252 and says so', () => {
    expect(decodeArticleBytes(iconv.encode(FRENCH, 'latin1'))).toEqual({
      text: FRENCH.replace('’', '?'),
      encoding: 'windows-1252',
      warnings: [
        {
          code: 'legacy-encoding',
          message: 'Not UTF-8: decoded as windows-1252 (detected); check accented characters',
        },
      ],
    });
  });

  it('keeps windows-1252 curly quotes and dashes that Latin-1 would lose', () => {
    const article = Buffer.from(corpus('000_f9a0009864046443.txt')).toString('utf8').slice(0, 600);
    const text = `${article} — “quoted” déjà`;
    const result = decodeArticleBytes(iconv.encode(text, 'windows-1252'));
    expect(result.text).toBe(text);
    expect(result.encoding).toBe('windows-1252');
    expect(result.warnings.map((w) => w.code)).toEqual(['legacy-encoding']);
  });

  it('detects Cyrillic windows-1251 text', () => {
    const text = 'Президент Руанды Поль Кагаме заявил, что провёл разговор с госсекретарём США о прекращении огня.';
    expect(decodeArticleBytes(iconv.encode(text, 'windows-1251'))).toEqual({
      text,
      encoding: 'windows-1251',
      warnings: [
        {
          code: 'legacy-encoding',
          message: 'Not UTF-8: decoded as windows-1251 (detected); check accented characters',
        },
      ],
    });
  });

  it('falls back to windows-1252 when a snippet is too short to detect', () => {
    expect(decodeArticleBytes(iconv.encode('Größe', 'latin1'))).toEqual({
      text: 'Größe',
      encoding: 'windows-1252',
      warnings: [
        {
          code: 'invalid-bytes',
          message: 'Not UTF-8 and the encoding could not be detected: decoded as windows-1252; check accented characters',
        },
      ],
    });
  });

  it('decodes a UTF-8 file with a BOM but a stray invalid byte with replacement characters', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Caf'), 0xe9, ...utf8(' au lait')]);
    expect(decodeArticleBytes(bytes)).toEqual({
      text: 'Caf\uFFFD au lait',
      encoding: 'utf-8',
      warnings: [{ code: 'invalid-bytes', message: 'Mostly UTF-8 but some bytes are invalid; they show as \uFFFD' }],
    });
  });

  it('normalises CRLF and lone CR line endings to LF', () => {
    expect(decodeArticleBytes(utf8('One\r\nTwo\rThree\n\r\nFour')).text).toBe('One\nTwo\nThree\n\nFour');
  });

  it('keeps emoji and right-to-left text byte for byte, without Unicode normalisation', () => {
    const text = 'مرحبا بالعالم 👋🏽\nשלום עולם\nCafe\u0301 stays decomposed';
    expect(decodeArticleBytes(utf8(text))).toEqual({ text, encoding: 'utf-8', warnings: [] });
  });

  it('reports an empty file', () => {
    expect(decodeArticleBytes(new Uint8Array())).toEqual({
      text: '',
      encoding: 'utf-8',
      warnings: [{ code: 'empty', message: 'The file is empty (0 bytes)' }],
    });
  });

  it('reports a whitespace-only file (a lone BOM included) as empty', () => {
    const expected = {
      text: '',
      encoding: 'utf-8',
      warnings: [{ code: 'empty', message: 'The file contains only whitespace' }],
    };
    expect(decodeArticleBytes(utf8(' \r\n\t\n'))).toEqual(expected);
    expect(decodeArticleBytes(new Uint8Array([0xef, 0xbb, 0xbf]))).toEqual(expected);
  });

  it('refuses a file with NUL bytes near the start as binary', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(decodeArticleBytes(bytes)).toEqual({
      text: null,
      encoding: 'binary',
      warnings: [
        {
          code: 'binary',
          message: 'Contains NUL bytes in its first 8 KB, so it looks like a binary file, not text: not opened',
        },
      ],
    });
  });

  it('only looks for NUL bytes in the first 8 KB', () => {
    const bytes = new Uint8Array(9000).fill(0x61);
    bytes[8500] = 0;
    const result = decodeArticleBytes(bytes);
    expect(result.text).toBe(`${'a'.repeat(8500)}\u0000${'a'.repeat(499)}`);
    expect(result.warnings).toEqual([]);
  });
});
