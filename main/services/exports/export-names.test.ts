import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_NAME_BYTES, pathInside, sanitizeFileName } from './export-names';

describe('sanitizeFileName', () => {
  it('turns paths into plain names that cannot climb out of the folder', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(sanitizeFileName('..')).toBe('export');
    expect(sanitizeFileName('/etc/passwd')).toBe('_etc_passwd');
    expect(sanitizeFileName('C:\\Windows\\win.ini')).toBe('C__Windows_win.ini');
    expect(sanitizeFileName('sub/dir/report.md')).toBe('sub_dir_report.md');
  });

  it('replaces control characters and characters Windows forbids, and drops hidden-file dots and trailing spaces', () => {
    expect(sanitizeFileName('a\u0000b\nc\td\u007f.md')).toBe('a_b_c_d_.md');
    expect(sanitizeFileName('what? <this> "that" | * :')).toBe('what_ _this_ _that_ _ _ _');
    expect(sanitizeFileName('.hidden')).toBe('hidden');
    expect(sanitizeFileName('name. . ')).toBe('name');
    expect(sanitizeFileName('   ')).toBe('export');
  });

  it('prefixes names Windows reserves for devices, with or without an extension', () => {
    expect(sanitizeFileName('CON')).toBe('_CON');
    expect(sanitizeFileName('nul.txt')).toBe('_nul.txt');
    expect(sanitizeFileName('com1.ann')).toBe('_com1.ann');
    expect(sanitizeFileName('console.txt')).toBe('console.txt');
  });

  it('shortens over-long names to 255 UTF-8 bytes, keeping the extension and whole characters', () => {
    const long = sanitizeFileName(`${'é'.repeat(300)}.ann`);
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(long.endsWith('é.ann')).toBe(true);
    const emoji = sanitizeFileName('👍'.repeat(100));
    expect(new TextEncoder().encode(emoji).length).toBe(252);
    expect(emoji).toBe('👍'.repeat(63));
  });

  it('keeps ordinary names, right-to-left script and emoji as they are', () => {
    expect(sanitizeFileName('report 2025-01-29.md')).toBe('report 2025-01-29.md');
    expect(sanitizeFileName('كاغامي 👍🏽.txt')).toBe('كاغامي 👍🏽.txt');
  });
});

describe('pathInside', () => {
  it('resolves a sanitised name directly inside the folder', () => {
    const folder = path.resolve('/tmp/exports');
    expect(pathInside(folder, '../x.md')).toBe(path.join(folder, '_x.md'));
    expect(pathInside(folder, '/abs.md')).toBe(path.join(folder, '_abs.md'));
  });
});
