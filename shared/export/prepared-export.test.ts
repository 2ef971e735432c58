import { describe, expect, it } from 'vitest';
import { EMOJI_RTL_TEXT, exportInput, orphan } from '../../test-support/export-fixture';
import { toBratStandoff } from './brat-standoff';
import { toConll } from './conll';
import { toMarkdownReport } from './markdown-report';
import { toMentionsCsv } from './mentions-csv';
import { prepareExport } from './prepared-export';
import { toWebAnnotations } from './web-annotation';

describe('prepared export input', () => {
  const input = exportInput();
  const prepared = prepareExport(input);

  it('lists the articles in path order, each with its placed annotations in text order and its orphans', () => {
    const paths = prepared.preparation.articles.map(({ article }) => article.path);
    expect(paths).toEqual([...paths].sort());
    for (const { placed } of prepared.preparation.articles) {
      for (let i = 1; i < placed.length; i++) expect((placed[i - 1]?.start ?? 0) <= (placed[i]?.start ?? 0)).toBe(true);
    }
    const orphans = prepared.preparation.articles.flatMap((entry) => entry.orphans);
    expect(orphans.map((record) => record.id)).toEqual([orphan.id]);
  });

  it('gives each placed annotation its UTF-16 offsets and words, past astral characters too', () => {
    const rtl = prepared.preparation.articles.find(({ article }) => article.text === EMOJI_RTL_TEXT);
    const kagame = rtl?.placed.find((place) => place.quote === 'Kagame');
    expect(kagame).toMatchObject({ start: 42, end: 48 });
    expect(EMOJI_RTL_TEXT.slice(kagame?.utf16Start, kagame?.utf16End)).toBe('Kagame');
    expect((kagame?.utf16Start ?? 0) - (kagame?.start ?? 0)).toBe(Array.from(EMOJI_RTL_TEXT.slice(0, kagame?.utf16Start)).filter((c) => c.length === 2).length);
  });

  it('is returned as it is when prepared again, and every format writes the same text from it as from the raw input', () => {
    expect(prepareExport(prepared)).toBe(prepared);
    expect(toMarkdownReport(prepared)).toBe(toMarkdownReport(input));
    expect(toWebAnnotations(prepared)).toBe(toWebAnnotations(input));
    expect(toBratStandoff(prepared)).toEqual(toBratStandoff(input));
    expect(toMentionsCsv(prepared)).toBe(toMentionsCsv(input));
    expect(toConll(prepared)).toBe(toConll(input));
  });
});
