import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ArticleFormat } from '../../../shared/model/article';
import { toCanonicalText } from './canonical-text';
import { deriveMetadata, firstSentence } from './derive-metadata';

const corpus = (name: string): string => readFileSync(new URL(`../../../corpus/${name}`, import.meta.url), 'utf8');

const metaOf = (text: string, format: ArticleFormat = 'text') => {
  const canonical = toCanonicalText(format, text);
  return deriveMetadata(canonical.text, canonical.lines, canonical.titleHint);
};

describe('deriveMetadata on the corpus', () => {
  it('titles 000 by its first sentence and finds no dateline in "on Wednesday, January 29"', () => {
    expect(metaOf(corpus('000_f9a0009864046443.txt'))).toEqual({
      title: 'President Paul Kagame on Wednesday, January 29, said he had a conversation with US…',
    });
  });

  it('does not cut 001 at "U.S." and does not take "seen by Reuters" as a source', () => {
    expect(metaOf(corpus('001_49124f787c8de1cf.txt'))).toEqual({
      title: 'U.S. Secretary of State Marco Rubio and Kenyan President William Ruto have called for an…',
    });
  });

  it('titles 002 within 90 characters, cut at a word boundary', () => {
    const meta = metaOf(corpus('002_5c9336af2132081a.txt'));
    expect(meta).toEqual({
      title: "United States' State Secretary Antony Blinken said he held a phone call with Rwandan…",
    });
    expect(meta.title.length).toBeLessThanOrEqual(90);
  });
});

describe('deriveMetadata on articles with a header', () => {
  it('reads a headline, a byline with an agency, a Published line and a dateline', () => {
    const text = [
      'Kagame and Rubio discuss ceasefire in eastern Congo',
      'By Jane Doe and John Roe, Reuters',
      'Published: 12 March 2024',
      'KIGALI, Jan 29 (Reuters) — President Paul Kagame said on Wednesday he had spoken with Marco Rubio.',
    ].join('\n');
    expect(metaOf(text)).toEqual({
      title: 'Kagame and Rubio discuss ceasefire in eastern Congo',
      dateline: 'KIGALI, Jan 29 (Reuters)',
      byline: 'Jane Doe and John Roe',
      source: 'Reuters',
    });
  });

  it('prefers a dateline to a Published line, and titles by the sentence after the dateline', () => {
    const text = ['Published: 12 March 2024', '', 'KIGALI — Rwanda and DR Congo agreed to talks. More later.'].join('\n');
    expect(metaOf(text)).toEqual({ title: 'Rwanda and DR Congo agreed to talks', dateline: 'KIGALI' });
  });

  it('takes the date from a Published line when there is no dateline', () => {
    const text = ['Rwanda and DR Congo agree to talks', 'Published: 12 March 2024', 'The talks begin on Monday.'].join('\n');
    expect(metaOf(text)).toEqual({ title: 'Rwanda and DR Congo agree to talks', dateline: '12 March 2024' });
  });

  it('accepts a mixed-case place only with an agency, and a Source line anywhere', () => {
    expect(metaOf('Goma, Jan. 27 (AFP) - M23 rebels entered the city on Sunday night.')).toEqual({
      title: 'M23 rebels entered the city on Sunday night',
      dateline: 'Goma, Jan. 27 (AFP)',
      source: 'AFP',
    });
    expect(metaOf('Goma - M23 rebels entered the city.\nMore text follows here.\nSource: The New Times')).toEqual({
      title: 'Goma - M23 rebels entered the city',
      source: 'The New Times',
    });
  });

  it('does not take sentences that start with "By" for bylines', () => {
    const text = 'By Wednesday, the rebels had taken Goma.\nBy Sunday Goma had fallen to the rebels completely.';
    expect(metaOf(text)).toEqual({ title: 'By Wednesday, the rebels had taken Goma' });
  });

  it('keeps a byline without an agency as it is written', () => {
    expect(metaOf('Rwanda and Congo talk\nBY JANE DOE, Senior Correspondent\nThe talks began.')).toEqual({
      title: 'Rwanda and Congo talk',
      byline: 'JANE DOE, Senior Correspondent',
    });
  });

  it('prefers the title found in the markup, and skips boilerplate when looking for a headline', () => {
    expect(metaOf('# Ceasefire talks\n\nBy Jane Doe\n\nThe talks began on Monday.', 'markdown')).toEqual({
      title: 'Ceasefire talks',
      byline: 'Jane Doe',
    });
    expect(metaOf('ALSO READ: M23 rebels capture Goma\nThe talks began on Monday. They ended Tuesday.')).toEqual({
      title: 'The talks began on Monday',
    });
  });

  it('returns an empty title for an empty article', () => {
    expect(deriveMetadata('', [{ kind: 'blank', boilerplate: false }])).toEqual({ title: '' });
  });
});

describe('firstSentence', () => {
  it.each([
    ['U.S. troops left. Then more.', 'U.S. troops left.'],
    ['Dr. Smith met Mr. J. R. Ewing on Jan. 5. He left.', 'Dr. Smith met Mr. J. R. Ewing on Jan. 5.'],
    ['He said "Stop. Now." and left. Then more.', 'He said "Stop. Now." and left.'],
    ['“Stop. Now,” she said. Next.', '“Stop. Now,” she said.'],
    ['It costs $3.5 million. Next one.', 'It costs $3.5 million.'],
    ['Is it over? Nobody knows.', 'Is it over?'],
    ['مرحبا بالعالم. جملة ثانية.', 'مرحبا بالعالم.'],
  ])('%j → %j', (paragraph, sentence) => {
    expect(firstSentence(paragraph)).toBe(sentence);
  });
});

describe('firstSentence, segments looked up by position', () => {
  /** The same rule with the segments iterated, as it was first written. */
  const SENTENCES = new Intl.Segmenter('en', { granularity: 'sentence' });
  const iterated = (paragraph: string): string => {
    let sentence = '';
    for (const { segment } of SENTENCES.segment(paragraph)) {
      sentence += segment;
      const word = /(?:^|[\s(“"‘'])([\p{L}.]+)\.\s*$/u.exec(sentence)?.[1];
      const abbreviation = word !== undefined && (word.includes('.') || /^\p{Lu}$/u.test(word) || ['dr', 'mr', 'jan', 'gen', 'st'].includes(word.toLowerCase()));
      const openQuote = (sentence.match(/"/gu)?.length ?? 0) % 2 === 1 || (sentence.match(/“/gu)?.length ?? 0) > (sentence.match(/”/gu)?.length ?? 0);
      if (!abbreviation && !openQuote) break;
    }
    return sentence.replace(/\s+/gu, ' ').trim();
  };
  const PIECES = ['The talks began.', 'Dr.', 'Mr. J. R. Ewing', 'U.S.', 'troops left.', 'Gen. Kagame spoke!', 'Is it over?', '"Stop.', 'Now."', '“Stop. Now,”', 'she said.', 'Jan. 5.',
    'It costs $3.5 million.', 'مرحبا بالعالم.', '😀 done.', ' ', '  ', '\u00a0', 'no full stop', '…', 'St. Louis'];

  it('gives what iterating the segments gives, on random paragraphs', () => {
    let state = 5;
    const random = (): number => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    for (let run = 0; run < 3_000; run++) {
      const paragraph = Array.from({ length: Math.floor(random() * 10) }, () => PIECES[Math.floor(random() * PIECES.length)] ?? '').join(' ');
      expect(firstSentence(paragraph), JSON.stringify(paragraph)).toBe(iterated(paragraph));
    }
  });
});
