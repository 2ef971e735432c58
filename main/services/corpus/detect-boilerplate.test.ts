import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CROSS_LINK, detectBoilerplate, FURNITURE, isSingleLineBoilerplate, isStampLine, STAMP } from './detect-boilerplate';
import { seededLcg } from '../../../test-support/seeded-lcg';

const corpusLines = (name: string): string[] =>
  readFileSync(new URL(`../../../corpus/${name}`, import.meta.url), 'utf8').split('\n');

/** 1-based line numbers that are boilerplate, as read by a person. */
const marked = (lines: readonly string[], boilerplate: readonly number[]): boolean[] =>
  lines.map((_, i) => boilerplate.includes(i + 1));

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('detectBoilerplate on the corpus', () => {
  it('marks exactly the three "ALSO READ" lines of 000', () => {
    const lines = corpusLines('000_f9a0009864046443.txt');
    expect(detectBoilerplate(lines)).toEqual(marked(lines, [6, 10, 14]));
    expect(lines.filter((_, i) => detectBoilerplate(lines)[i])).toEqual([
      'ALSO READ: M23 rebels capture Goma, call for calm',
      'ALSO READ: Kinshasa could have avoided current crisis, says Rwanda envoy',
      'ALSO READ: Dialogue with M23: The impasse in Luanda talks',
    ]);
  });

  it('marks the "Read next" block of 001 to the end, and none of its nine article lines', () => {
    const lines = corpusLines('001_49124f787c8de1cf.txt');
    expect(lines[9]).toBe('Read next');
    expect(lines[21]).toBe('Leave the first comment');
    expect(detectBoilerplate(lines)).toEqual(marked(lines, range(10, 22)));
  });

  it('marks nothing in 002, which has no boilerplate', () => {
    const lines = corpusLines('002_5c9336af2132081a.txt');
    expect(detectBoilerplate(lines)).toEqual(marked(lines, []));
  });
});

describe('detectBoilerplate on other layouts', () => {
  it('stops a mid-article "Related" box at the first line that reads like article text', () => {
    const lines = [
      'Rwanda and DR Congo agreed to meet again in Luanda next month.',
      '',
      'Related articles',
      'M23 rebels capture Goma, call for calm',
      'Kinshasa could have avoided current crisis',
      '',
      'The talks will be chaired by the Angolan president, officials said.',
    ];
    expect(detectBoilerplate(lines)).toEqual([false, false, true, true, true, false, false]);
  });

  it('accepts relative and dated stamps between teasers, and a colon after the heading', () => {
    const lines = [
      'Paragraph of the article.',
      'More from Africa:',
      '5 hours ago',
      'Floods displace thousands in the region, the agency said.',
      'March 26, 2025 10:15',
      'Talks resume.',
      'Share this article',
    ];
    expect(detectBoilerplate(lines)).toEqual([false, true, true, true, true, true, true]);
  });

  it('never marks blank lines, even inside a teaser block', () => {
    expect(detectBoilerplate(['Read next', '', '06:00', '  ', 'Teaser headline here'])).toEqual([
      true,
      false,
      true,
      false,
      true,
    ]);
  });
});

describe('isSingleLineBoilerplate', () => {
  it.each([
    'ALSO READ: M23 rebels capture Goma, call for calm',
    'Also read - Dialogue with M23',
    'Read more: Kagame meets Rubio',
    'Related: Luanda talks stall',
    'What is your opinion on this topic?',
    'Leave the first comment',
    '12 comments',
    'Share this article',
    'Subscribe to our newsletter',
    'Sign up for breaking news alerts',
    'Follow us on X',
    'Advertisement',
    '© 2025 The New Times. All rights reserved',
  ])('marks %j', (line) => {
    expect(isSingleLineBoilerplate(line)).toBe(true);
  });

  it.each([
    'Subscribers complained that the service was slow to restore power after the storm.',
    'Sign up was slow in the first week, officials said.',
    'Sign up was slow, officials told us.',
    'Related talks in Nairobi ended without agreement on Tuesday.',
    'Read next week’s report for the full figures.',
    'Comments made by the minister drew criticism from Kinshasa.',
    'Background and U.S. Response',
    '',
  ])('leaves %j alone', (line) => {
    expect(isSingleLineBoilerplate(line)).toBe(false);
  });
});

describe('isStampLine', () => {
  it('recognises times and dates but not sentences with numbers', () => {
    expect(['06:00', '1:47 pm', '3 hours ago', '26 March 2025', '2025-03-26', '26.03.2025'].map(isStampLine)).toEqual(
      [true, true, true, true, true, true],
    );
    expect(['At 06:00 the shelling began.', 'M23', '1994'].map(isStampLine)).toEqual([false, false, false]);
  });
});

describe('the pre-checks on raw lines', () => {
  /** The rules without any shortcut: the line normalised, then every pattern tried. */
  const normalise = (line: string): string => line.trim().replace(/\s+/gu, ' ');
  const singleLineByRule = (line: string): boolean => {
    const text = normalise(line);
    return text !== '' && (CROSS_LINK.test(text) || (text.split(' ').length <= 12 && FURNITURE.some((pattern) => pattern.test(text))));
  };
  const PIECES = ['Share', 'share', 'SHARE', 'this', 'article', 'on', 'WhatsApp', 'Sign', 'sign', 'up', 'Subscribe', 'newsletter', 'now', 'Leave', 'a', 'comment', 'comments',
    'What', 'is', "what's", 'your', 'opinion', '?', '3', '(12)', '12', 'Follow', 'us', 'Advertisement', 'Sponsored', 'content', 'Scroll', 'to', 'continue', 'with',
    'Copyright', '©', '2025', 'All', 'rights', 'reserved', 'ALSO', 'READ:', 'Read', 'more:', 'Related:', 'ſhare', 'Post', 'Add', 'Write', 'the', 'first', '.', 'Jan', '06:00',
    '5', 'hours', 'ago', '26', 'March', '2025-03-26', '26.03.2025', 'pm', 'text', 'Kagame'];
  const SPACES = [' ', '  ', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff'];

  it('refuse no line that the rules would mark, on random short lines', () => {
    const random = seededLcg(2026);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    let marked = 0;
    for (let run = 0; run < 20_000; run++) {
      const words = Array.from({ length: 1 + Math.floor(random() * 14) }, () => pick(PIECES));
      const line = (random() < 0.3 ? pick(SPACES) : '') + words.map((word, i) => (i === 0 ? word : pick(SPACES) + word)).join('');
      const expected = singleLineByRule(line);
      if (expected) marked += 1;
      expect(isSingleLineBoilerplate(line), JSON.stringify(line)).toBe(expected);
      expect(isStampLine(line), JSON.stringify(line)).toBe(STAMP.test(normalise(line)));
    }
    // The generator does reach the patterns, so the comparison is not vacuous.
    expect(marked).toBeGreaterThan(200);
  });
});
