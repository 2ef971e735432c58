import type * as ChardetModule from 'chardet';
import type { Match } from 'chardet';
import type IconvModule from 'iconv-lite';
import { Buffer, isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import type { ArticleWarning } from '../../../shared/model/article';

/**
 * chardet and iconv-lite are loaded on first use: only files that are not UTF-8 need them, and
 * every listing worker thread would otherwise pay ~35 ms of CPU to load them at start-up.
 */
const loadModule = createRequire(import.meta.url);
let chardetModule: typeof ChardetModule | undefined;
let iconvModule: typeof IconvModule | undefined;
const chardet = (): typeof ChardetModule => (chardetModule ??= loadModule('chardet') as typeof ChardetModule);
const iconv = (): typeof IconvModule => (iconvModule ??= loadModule('iconv-lite') as typeof IconvModule);

/** The result of turning a file's bytes into text. `text` is null only for binary files. */
export interface DecodedArticle {
  text: string | null;
  /** WHATWG-style lower-case label of the encoding used ('binary' when nothing was decoded). */
  encoding: string;
  warnings: ArticleWarning[];
}

/** Git and `file(1)` use the same window: a NUL byte this early means "not text". */
const BINARY_SNIFF_BYTES = 8 * 1024;

/**
 * chardet's confidence (0–100) below which its guess is ignored. Measured: real Latin-1, Cyrillic
 * and Greek paragraphs score 34–80, while a lone "Größe" scores 10 (as Shift_JIS) and a single byte
 * 80 (as UTF-32LE, which the NUL check already rules out).
 */
const MIN_CONFIDENCE = 20;

/**
 * Decodes an article file's bytes into text with LF line endings. UTF-8 (with or without BOM) and
 * UTF-16 with a BOM are decoded directly; anything else is detected with `chardet`, and every guess
 * is reported as a warning so the user knows to check the result. No Unicode normalisation is
 * applied: offsets in the text must match what the user sees.
 */
export function decodeArticleBytes(bytes: Uint8Array): DecodedArticle {
  if (bytes.length === 0) {
    return { text: '', encoding: 'utf-8', warnings: [{ code: 'empty', message: 'The file is empty (0 bytes)' }] };
  }
  const utf16 = utf16FromBom(bytes);
  if (utf16 === null && hasNulNearStart(bytes)) {
    return {
      text: null,
      encoding: 'binary',
      warnings: [
        {
          code: 'binary',
          message: 'Contains NUL bytes in its first 8 KB, so it looks like a binary file, not text: not opened',
        },
      ],
    };
  }
  const decoded = utf16 !== null ? { text: iconv().decode(bytes, utf16), encoding: utf16, warnings: [] } : decodeUnmarked(bytes);
  if (decoded.text.trim() === '') {
    return { text: '', encoding: decoded.encoding, warnings: [{ code: 'empty', message: 'The file contains only whitespace' }] };
  }
  return decoded.text.includes('\r') ? { ...decoded, text: decoded.text.replace(/\r\n?/g, '\n') } : decoded;
}

/** Whether `bytes` hold a NUL byte within their first 8 KB: without a UTF-16 BOM, not text. */
export function hasNulNearStart(bytes: Uint8Array): boolean {
  return bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

/** The text of UTF-8 `bytes` (Node's decoder: an invalid sequence becomes U+FFFD). */
export function utf8Text(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

function utf16FromBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function decodeUnmarked(bytes: Uint8Array): DecodedArticle & { text: string } {
  // Checking first and then decoding is several times faster than a fatal TextDecoder, and gives
  // the same text (TextDecoder also drops a leading BOM).
  if (isUtf8(bytes)) {
    const utf8 = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
    return { text: utf8Text(utf8), encoding: 'utf-8', warnings: [] };
  }
  const lossyUtf8 = (): { text: string; encoding: string; warnings: ArticleWarning[] } => ({
    text: new TextDecoder('utf-8').decode(bytes),
    encoding: 'utf-8',
    warnings: [
      {
        code: 'invalid-bytes',
        message: 'Mostly UTF-8 but some bytes are invalid; they show as \uFFFD',
      },
    ],
  });
  // A BOM is stronger evidence than any statistical guess.
  if (hasUtf8Bom(bytes)) return lossyUtf8();

  const detected = usableCharset(chardet().analyse(bytes)[0]);
  if (detected === 'utf-8') return lossyUtf8();
  if (detected !== null) {
    return {
      text: iconv().decode(bytes, detected),
      encoding: detected,
      warnings: [
        {
          code: 'legacy-encoding',
          message: `Not UTF-8: decoded as ${detected} (detected); check accented characters`,
        },
      ],
    };
  }
  return {
    text: iconv().decode(bytes, 'windows-1252'),
    encoding: 'windows-1252',
    warnings: [
      {
        code: 'invalid-bytes',
        message: 'Not UTF-8 and the encoding could not be detected: decoded as windows-1252; check accented characters',
      },
    ],
  };
}

/**
 * Keeps chardet's best guess only if it is confident enough and iconv-lite can decode it, as a
 * lower-case label. UTF-16/32 guesses are dropped: without a BOM those files would contain NUL
 * bytes, which the binary check has already refused. ISO-8859-1 becomes windows-1252, as in the
 * WHATWG Encoding Standard: real "Latin-1" files use 0x80–0x9F for curly quotes and dashes, which
 * Latin-1 would turn into invisible control characters.
 */
function usableCharset(best: Match | undefined): string | null {
  if (best === undefined || best.confidence < MIN_CONFIDENCE) return null;
  const lower = best.name.toLowerCase();
  if (lower === 'utf-8') return 'utf-8';
  if (lower === 'ascii' || lower.startsWith('utf-')) return null;
  const charset = lower === 'iso-8859-1' ? 'windows-1252' : lower;
  return iconv().encodingExists(charset) ? charset : null;
}
