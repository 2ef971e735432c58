import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMentionMatcher } from './mention-matcher';

const corpus = (name: string): string => readFileSync(new URL(`../../corpus/${name}`, import.meta.url), 'utf8');
const kigaliToday = corpus('000_f9a0009864046443.txt');
const rubioRuto = corpus('001_49124f787c8de1cf.txt');
const blinken = corpus('002_5c9336af2132081a.txt');

/** What each hit covers in the text, and which term found it. */
function found(text: string, terms: readonly string[], options?: { caseSensitive?: boolean }): Array<[string, string]> {
  return createMentionMatcher(terms, options)
    .find(text)
    .map((hit) => [text.slice(hit.start, hit.end), hit.term]);
}

describe('createMentionMatcher on the sample corpus', () => {
  it('finds a person by name, surname and X handle without counting the handle twice', () => {
    const terms = ['Paul Kagame', 'Kagame', '@PaulKagame'];
    expect(found(kigaliToday, terms)).toEqual([
      ['Paul Kagame', 'Paul Kagame'],
      ['Kagame', 'Kagame'],
      ['Paul Kagame', 'Paul Kagame'],
      ['@PaulKagame', '@PaulKagame'],
    ]);
    const hits = createMentionMatcher(terms).find(kigaliToday);
    expect(hits[0]).toEqual({ start: 10, end: 21, term: 'Paul Kagame' });
    expect(hits.every((hit, i) => i === 0 || (hits[i - 1]?.end ?? 0) <= hit.start)).toBe(true);
  });

  it('prefers the longest alias at a position and finds the short ones elsewhere', () => {
    const terms = ['Congo', 'DRC', 'DR Congo', 'Democratic Republic of Congo'];
    expect(found(rubioRuto.split('\n')[0] ?? '', terms)).toEqual([
      ['Democratic Republic of Congo', 'Democratic Republic of Congo'],
      ['DRC', 'DRC'],
    ]);
    // "Rwanda-DR Congo border", "DR Congo's capital": a hyphen or apostrophe is not part of a word.
    expect(found(blinken, terms).slice(0, 4)).toEqual([
      ['DR Congo', 'DR Congo'],
      ['DRC', 'DRC'],
      ['DR Congo', 'DR Congo'],
      ['DR Congo', 'DR Congo'],
    ]);
  });

  it('matches whole words only: "Congo" is not in "Congolese"', () => {
    expect(kigaliToday.match(/Congolese/g)).toHaveLength(7);
    expect(found(kigaliToday, ['Congo'])).toEqual(Array.from({ length: 4 }, () => ['Congo', 'Congo']));
  });

  it('takes punctuation in a term literally: "U.S." is not "US", nor any four characters', () => {
    expect(found(rubioRuto, ['U.S.'])).toHaveLength(8);
    expect(found(kigaliToday, ['U.S.'])).toEqual([]);
    expect(found(kigaliToday, ['US'])).toEqual([['US', 'US']]);
    expect(found('UXSX and U.S.', ['U.S.'])).toEqual([['U.S.', 'U.S.']]);
  });

  it('finds a name typed with accents in text written without them, and the other way round', () => {
    expect(found(blinken, ['Félix Tshisékedi'])).toEqual([['Felix Tshisekedi', 'Félix Tshisékedi']]);
    expect(found('Le président Félix Tshisékedi à KINSHASA', ['Felix Tshisekedi', 'Kinshasa'])).toEqual([
      ['Félix Tshisékedi', 'Felix Tshisekedi'],
      ['KINSHASA', 'Kinshasa'],
    ]);
  });
});

describe('createMentionMatcher folding', () => {
  it('keeps offsets right when folding drops decomposed accents before and inside a hit', () => {
    const text = 'Re\u0301sume\u0301: Fe\u0301lix Tshise\u0301kedi met Kagame.';
    const hits = createMentionMatcher(['Felix Tshisekedi', 'Kagame']).find(text);
    expect(hits.map((hit) => text.slice(hit.start, hit.end))).toEqual(['Fe\u0301lix Tshise\u0301kedi', 'Kagame']);
    // An accent after the last letter belongs to the hit, not to the text after it.
    const trailing = 'Kagame\u0301 spoke';
    expect(createMentionMatcher(['Kagame']).find(trailing)).toEqual([{ start: 0, end: 7, term: 'Kagame' }]);
  });

  it('keeps offsets right after emoji, astral characters and letters that fold to several', () => {
    const text = '👍🏽 𠮷 한국 İstanbul: Paul Kagame 👨‍👩‍👧 @PaulKagame';
    const hits = createMentionMatcher(['Paul Kagame', '@PaulKagame', 'istanbul']).find(text);
    expect(hits.map((hit) => text.slice(hit.start, hit.end))).toEqual(['İstanbul', 'Paul Kagame', '@PaulKagame']);
    expect(hits[1]?.start).toBe(text.indexOf('Paul'));
  });

  it('ignores case unless asked, but ignores accents either way', () => {
    expect(found('KINSHASA and Kinshasa', ['kinshasa'])).toHaveLength(2);
    expect(found('KINSHASA and Kinshasa and Kinshása', ['Kinshasa'], { caseSensitive: true })).toEqual([
      ['Kinshasa', 'Kinshasa'],
      ['Kinshása', 'Kinshasa'],
    ]);
  });

  it('matches any run of spaces inside a term, but never a line break', () => {
    expect(found('Paul\u00a0Kagame, Paul  Kagame and Paul\nKagame', ['Paul Kagame'])).toEqual([
      ['Paul\u00a0Kagame', 'Paul Kagame'],
      ['Paul  Kagame', 'Paul Kagame'],
    ]);
  });

  it('treats a typographic apostrophe as the one on the keyboard', () => {
    expect(found('Côte d’Ivoire and Cote d\'Ivoire', ["Côte d'Ivoire"])).toEqual([
      ['Côte d’Ivoire', "Côte d'Ivoire"],
      ["Cote d'Ivoire", "Côte d'Ivoire"],
    ]);
  });
});

describe('createMentionMatcher word boundaries', () => {
  it('does not find a name inside a longer word or handle', () => {
    expect(found('Kagamega, Kagame2 and @PaulKagame; Kagame.', ['Kagame'])).toEqual([['Kagame', 'Kagame']]);
    expect(found('write to press@PaulKagame or @PaulKagame_official', ['@PaulKagame'])).toEqual([['@PaulKagame', '@PaulKagame']]);
  });

  it('finds "DRC" in "(DRC)" and "DRC’s" but not in the plural "DRCs", which needs its own alias', () => {
    expect(found('(DRC) DRC’s DRCs', ['DRC'])).toEqual([
      ['DRC', 'DRC'],
      ['DRC', 'DRC'],
    ]);
    expect(found('(DRC) DRC’s DRCs', ['DRC', 'DRCs']).map(([exact]) => exact)).toEqual(['DRC', 'DRC', 'DRCs']);
  });

  it('falls back to a shorter alias when the longer one would end inside a word', () => {
    expect(found('DR Congolese troops', ['DR Congo', 'DR'])).toEqual([['DR', 'DR']]);
  });

  it('finds nothing without usable terms, and reports the first of two terms that fold alike', () => {
    expect(found(kigaliToday, [])).toEqual([]);
    expect(found(kigaliToday, ['', '   ', '\u0301'])).toEqual([]);
    expect(found('M23 and m23', ['M23', 'm23'])).toEqual([
      ['M23', 'M23'],
      ['m23', 'M23'],
    ]);
  });
});
