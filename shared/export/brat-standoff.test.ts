import { describe, expect, it } from 'vitest';
import { articles, exportInput, EMOJI_RTL_TEXT } from '../../test-support/export-fixture';
import { bratTypeName, toBratStandoff } from './brat-standoff';

const files = toBratStandoff(exportInput());
const file = (name: string) => files.find((f) => f.name === name)?.content;

describe('brat standoff', () => {
  it('writes the configuration, then a .txt holding exactly the canonical text and an .ann per article', () => {
    expect(files.map((f) => f.name)).toEqual([
      'annotation.conf',
      'tools.conf',
      '000_f9a0009864046443.txt',
      '000_f9a0009864046443.ann',
      '001_49124f787c8de1cf.txt',
      '001_49124f787c8de1cf.ann',
      '002_5c9336af2132081a.txt',
      '002_5c9336af2132081a.ann',
      'intl__emoji_rtl.txt',
      'intl__emoji_rtl.ann',
    ]);
    for (const article of articles) expect(files.some((f) => f.name.endsWith('.txt') && f.content === article.text)).toBe(true);
    expect(file('intl__emoji_rtl.txt')).toBe(EMOJI_RTL_TEXT);
  });

  it('lists mentions and highlights as T lines, ties mentions to Wikidata or the registry with N lines and comments with # lines', () => {
    expect(file('000_f9a0009864046443.ann')).toBe(
      [
        'T1\tPerson 0 21\tPresident Paul Kagame',
        'N1\tReference T1 Wikidata:Q57421\tPaul Kagame',
        'T2\tPerson 102 113\tMarco Rubio',
        'N2\tReference T2 Workbench:e-rubio\tMarco Rubio',
        'T3\tKey_claim 177 216\tM23 rebels captured Goma city on Sunday',
        '#1\tAnnotatorNotes T3\tCheck the date: *Sunday* the 26th?',
        'T4\tLocation 197 201\tGoma',
        'N3\tReference T4 Wikidata:Q167192\tGoma',
        'T5\tEvidence 1019 1051\thome to about two million people',
        '',
      ].join('\n'),
    );
    expect(file('002_5c9336af2132081a.ann')).toBe('');
    expect(file('001_49124f787c8de1cf.ann')).not.toContain('gone');
  });

  it('counts offsets in code points, as Python (brat) indexes strings, not UTF-16 units', () => {
    const ann = file('intl__emoji_rtl.ann') ?? '';
    expect(ann).toContain('T3\tPerson 42 48\tKagame');
    const codePoints = Array.from(EMOJI_RTL_TEXT);
    for (const line of ann.split('\n').filter((l) => l.startsWith('T'))) {
      const [, spec = '', text] = line.split('\t');
      const [, start, end] = spec.split(' ').map(Number);
      expect(codePoints.slice(start, end).join('')).toBe(text);
    }
    // In UTF-16 "Kagame" starts at 44: the emoji with its skin tone is 4 units but 2 code points.
    expect(EMOJI_RTL_TEXT.indexOf('Kagame')).toBe(44);
  });

  it('splits a span that crosses a line break into fragments', () => {
    const input = exportInput();
    const text = 'first line\nsecond line';
    const crossing = { ...input.annotations[0]!, articleId: 'x', anchor: { status: 'exact' as const, start: 6, end: 17, confidence: 1 } } as (typeof input.annotations)[number];
    const out = toBratStandoff({ ...input, articles: [{ id: 'x' as never, path: 'x.txt', text, meta: { title: '', source: '', author: '', date: '', url: '' } }], annotations: [crossing] });
    expect(out.find((f) => f.name === 'x.ann')?.content.split('\n')[0]).toBe('T1\tPerson 6 10;11 17\tline second');
  });

  it('lists every type in annotation.conf, with names brat accepts', () => {
    expect(file('annotation.conf')).toBe('[entities]\nPerson\nLocation\nKey_claim\nEvidence\n\n[relations]\n\n[events]\n\n[attributes]\n');
    expect(bratTypeName('Élu local (maire)')).toBe('Elu_local_maire');
    expect(bratTypeName('2025 claims')).toBe('T_2025_claims');
  });
});
