import path from 'node:path';

/*
 * File names for exports come from the renderer (article paths, user-typed names), so main makes
 * them safe before anything touches the disk: one plain name per file, never a path, valid on
 * Windows, macOS and Linux alike (an export folder may be a USB stick or a share).
 */

/** Windows refuses these names with any extension ("con.txt" too), whatever the case. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** Most file systems allow 255 bytes per name; UTF-8 names are measured in bytes. */
export const MAX_NAME_BYTES = 255;

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Cuts `text` to at most `bytes` UTF-8 bytes, never inside a character. */
function truncateUtf8(text: string, bytes: number): string {
  let out = '';
  for (const char of text) {
    if (utf8Length(out + char) > bytes) break;
    out += char;
  }
  return out;
}

/**
 * A safe file name for `name`: separators, control characters and characters Windows forbids
 * become `_`; leading dots and trailing dots and spaces go (no hidden files, no `..`); reserved
 * device names get a `_` prefix; names too long are shortened keeping their extension. Never empty.
 */
export function sanitizeFileName(name: string): string {
  let safe = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"/\\|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (safe.length === 0) safe = 'export';
  if (WINDOWS_RESERVED.test(safe)) safe = `_${safe}`;
  if (utf8Length(safe) > MAX_NAME_BYTES) {
    const extension = /\.[^.]{1,16}$/.exec(safe)?.[0] ?? '';
    safe = truncateUtf8(safe.slice(0, safe.length - extension.length), MAX_NAME_BYTES - utf8Length(extension)).replace(/[.\s]+$/, '') + extension;
  }
  return safe;
}

/**
 * The absolute path of `name` (sanitised) inside `folder`, checked to stay inside it.
 * @throws Error when the result would leave the folder (it cannot, after sanitising; this is the second lock).
 */
export function pathInside(folder: string, name: string): string {
  const root = path.resolve(folder);
  const target = path.resolve(root, sanitizeFileName(name));
  if (path.dirname(target) !== root) throw new Error(`"${name}" would be written outside ${root}`);
  return target;
}
