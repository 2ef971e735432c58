import { isUtf8 } from 'node:buffer';
import { hash } from 'node:crypto';
import type { DerivedMetadata } from '../../../shared/model/article';
import { toCanonicalText } from './canonical-text';
import { countWordsInUtf8 } from './count-words';
import { hasNulNearStart, hasUtf8Bom, utf8Text } from './decode-article-bytes';
import { deriveMetadata, deriveMetadataFromHead } from './derive-metadata';

/** What a listing needs of an article besides its file's name, size and date. */
export interface QuickSummary {
  sha256: string;
  wordCount: number;
  meta: DerivedMetadata;
}

/**
 * Lines the head of an article holds (counting those that start with a visible byte): its
 * metadata (title, byline, dateline) is in the first six lines that are not boilerplate.
 */
const HEAD_LINES = 10;
const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;

/**
 * A plain-text article's summary, as `parseArticle` would give it, worked out from the file's
 * bytes without decoding the whole text or analysing every line: the hash and the word count are
 * taken on the bytes, and the metadata from the first lines. Null for every file where this could
 * differ from a full parse, which then does it: not UTF-8 (or with a NUL byte, a CR, no word),
 * or with a line that may be a "Source: …" line (those are looked for everywhere).
 *
 * A cold listing did all of a full parse for every article: decoding the text, splitting it into
 * lines, and finding boilerplate and subheadings in all of them, most of it for lines no listing
 * looks at. Searches still work out an article's lines when they first read it.
 */
export function quickTextSummary(bytes: Uint8Array): QuickSummary | null {
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  if (body.length === 0 || body.includes(CR) || hasNulNearStart(bytes) || !isUtf8(bytes)) return null;
  if (mayHaveSourceLine(body)) return null;
  const wordCount = countWordsInUtf8(body);
  // No word: perhaps only white space, which a full parse reports as empty.
  if (wordCount === 0) return null;
  const meta = metadataFromHead(body);
  if (meta === null) return null;
  return { sha256: hash('sha256', body, 'hex'), wordCount, meta };
}

/**
 * The metadata of the text `body` encodes, from its first lines; null when they are not enough.
 * Lines before the head's last non-blank one have the same records as in the whole text: a line's
 * boilerplate mark depends only on the lines up to it, and whether it is a subheading on the lines
 * around it up to the next non-blank one.
 */
function metadataFromHead(body: Uint8Array): DerivedMetadata | null {
  const end = headEnd(body);
  if (end === -1) {
    const text = utf8Text(body);
    return deriveMetadata(text, toCanonicalText('text', text).lines);
  }
  const head = utf8Text(body.subarray(0, end));
  const { lines } = toCanonicalText('text', head);
  let last = lines.length - 1;
  while (last >= 0 && lines[last]?.kind === 'blank') last -= 1;
  if (last <= 0) return null;
  let cut = -1;
  for (let line = 0; line < last; line++) cut = head.indexOf('\n', cut + 1);
  return deriveMetadataFromHead(head.slice(0, cut), lines.slice(0, last));
}

/**
 * Where the head ends: the line feed after the `HEAD_LINES`th line that starts with a visible
 * byte; -1 when the text has no such line feed (then the head is the whole text).
 */
function headEnd(body: Uint8Array): number {
  let lines = 0;
  for (let start = 0; start < body.length; ) {
    const end = body.indexOf(LF, start);
    if (end === -1) return -1;
    if ((body[start] as number) > 0x20 && ++lines === HEAD_LINES) return end;
    start = end + 1;
  }
  return -1;
}

/**
 * False only when no line can match `SOURCE_START` in `derive-metadata.ts` (/^\s*source\s*:/iu):
 * no colon comes after "ource" (in any case: those five letters have no other case forms) and
 * white space. Any byte of a multi-byte character counts as white space here, which may say yes
 * wrongly, never no.
 */
export function mayHaveSourceLine(body: Uint8Array): boolean {
  for (let colon = body.indexOf(COLON); colon !== -1; colon = body.indexOf(COLON, colon + 1)) {
    let i = colon - 1;
    while (i >= 0 && isSpaceOrMultiByte(body[i] as number)) i -= 1;
    if (i >= 4 && endsWithOurce(body, i)) return true;
  }
  return false;
}

function isSpaceOrMultiByte(byte: number): boolean {
  return byte === 0x20 || (byte >= 0x09 && byte <= 0x0d) || byte >= 0x80;
}

/** Whether the bytes ending at `last` spell "ource", in any case. */
function endsWithOurce(body: Uint8Array, last: number): boolean {
  const word = 'ource';
  for (let k = 0; k < word.length; k++) {
    if (((body[last - 4 + k] as number) | 0x20) !== word.charCodeAt(k)) return false;
  }
  return true;
}
