import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempCorpus } from '../../../test-support/temp-corpus';
import { edgeCaseFiles } from '../../../scripts/bench-corpus/edge-case-files';
import { generateArticles } from '../../../scripts/bench-corpus/generate-corpus';
import { parseArticle } from './parse-article';
import { mayHaveSourceLine, quickTextSummary } from './quick-summary';
import { readArticleFileSync, summariseArticleFileSync } from './read-article-file';
import { seededLcg } from '../../../test-support/seeded-lcg';

const SAMPLES = ['000_f9a0009864046443.txt', '001_49124f787c8de1cf.txt', '002_5c9336af2132081a.txt'];
const sampleText = (name: string): string => readFileSync(new URL(`../../../corpus/${name}`, import.meta.url), 'utf8');
const encoder = new TextEncoder();

/** What a full parse gives for the parts `quickTextSummary` makes. */
function fullSummary(bytes: Uint8Array): { sha256: string; wordCount: number; meta: unknown } {
  const parsed = parseArticle(bytes, 'text');
  return { sha256: createHash('sha256').update(parsed.text).digest('hex'), wordCount: parsed.wordCount, meta: parsed.meta };
}

/** Lines that sit on the edges of the metadata and boilerplate rules. */
const LINES = [
  '',
  '   ',
  '\u00a0',
  'Rebels capture Goma as talks stall',
  'M23 Advances on Goma',
  'By Jane Doe and John Roe, Reuters',
  'By JANE DOE',
  'by the way, this is a sentence.',
  'Published: 26 March 2025 10:15',
  'Updated on 2025-03-26',
  'KIGALI — Rwanda said on Tuesday that it would not withdraw.',
  'NAIROBI, Jan 29 (Reuters) - Leaders met in Nairobi.',
  'Kigali, Jan. 29 (AFP) — The talks resumed.',
  'ALSO READ: M23 rebels capture Goma',
  'Leave the first comment',
  'Share this article',
  'Read next',
  'Related:',
  '06:00',
  '5 hours ago',
  'Background and U.S. Response',
  'Dr. Denis Mukwege said the U.S. and the E.U. must act. He spoke in Bukavu.',
  '“We will not stop,” said the spokesman. “Never.”',
  'The conflict, driven by ethnic and geopolitical tensions, has displaced more than a million people in North Kivu.',
  'Kagame’s government said 👍 it acted in self-defence.',
  'مرحبا بالعالم، שלום עולם',
  '  Indented paragraph that starts with spaces and goes on for a while, as some sites write them.',
  'Short line',
  'Sources: none of these is a source line',
  'It is a resource: the colon after it makes this line a candidate.',
];

describe('quickTextSummary', () => {
  it('gives what a full parse gives, for the sample articles', () => {
    for (const name of SAMPLES) {
      const bytes = encoder.encode(sampleText(name));
      expect(quickTextSummary(bytes), name).toEqual(fullSummary(bytes));
    }
  });

  it('gives what a full parse gives, or nothing, for 5,000 random articles of awkward lines', () => {
    const random = seededLcg(20261122);
    let answered = 0;
    for (let run = 0; run < 5_000; run++) {
      const lines = Array.from({ length: 1 + Math.floor(random() * 30) }, () => LINES[Math.floor(random() * LINES.length)] ?? '');
      const text = lines.join('\n') + (random() < 0.5 ? '\n' : '');
      const bytes = encoder.encode(text);
      const quick = quickTextSummary(bytes);
      if (quick === null) continue;
      answered += 1;
      expect(quick, JSON.stringify(text)).toEqual(fullSummary(bytes));
    }
    // Not a test that passes by answering nothing: most articles without a colon after "ource" are answered.
    expect(answered).toBeGreaterThan(1_000);
  });

  it('gives what a full parse gives, or nothing, for 5,000 random articles that start with short lines', () => {
    // Headlines, subheadings, boilerplate and blank lines first: the metadata is looked for far down.
    const short = LINES.filter((line) => line.length < 40);
    const random = seededLcg(7);
    let answered = 0;
    for (let run = 0; run < 5_000; run++) {
      const pick = (pool: readonly string[]): string => pool[Math.floor(random() * pool.length)] ?? '';
      const lines = Array.from({ length: 4 + Math.floor(random() * 16) }, () => pick(short));
      for (let more = Math.floor(random() * 12); more > 0; more--) lines.push(pick(LINES));
      const bytes = encoder.encode(lines.join('\n'));
      const quick = quickTextSummary(bytes);
      if (quick === null) continue;
      answered += 1;
      expect(quick, JSON.stringify(lines.join('\n'))).toEqual(fullSummary(bytes));
    }
    expect(answered).toBeGreaterThan(1_000);
  });

  it('gives what a full parse gives for generated news articles of every length', () => {
    const sources = SAMPLES.map(sampleText);
    for (const article of generateArticles(sources, { count: 300, seed: 9 })) {
      expect(quickTextSummary(article.bytes), article.path).toEqual(fullSummary(article.bytes));
    }
  });

  it('leaves to a full parse what it could get wrong', () => {
    const article = sampleText(SAMPLES[1] ?? '');
    const cases: Record<string, Uint8Array> = {
      empty: new Uint8Array(0),
      'white space only': encoder.encode(' \n\t\n'),
      'no word': encoder.encode('— … —\n'),
      'CRLF line endings': encoder.encode(article.replaceAll('\n', '\r\n')),
      'a NUL byte': encoder.encode(`${article}\0`),
      'invalid UTF-8': Uint8Array.from([...encoder.encode('Goma '), 0xff, ...encoder.encode(' Kigali\n')]),
      'a Source line at the end': encoder.encode(`${article}\nSource: AFP\n`),
      // Its first lines are all boilerplate: the metadata lies past the head.
      'boilerplate first': encoder.encode(`${'Leave the first comment\n'.repeat(12)}${article}`),
    };
    for (const [name, bytes] of Object.entries(cases)) expect(quickTextSummary(bytes), name).toBeNull();
  });

  it('leaves to a full parse an article whose first paragraph lies past the head', () => {
    // The tenth line is a subheading only because prose follows it, past the head: the first
    // paragraph, and its dateline, are the line after.
    const lines = [
      'Rebels capture Goma as talks stall',
      ...Array.from({ length: 7 }, () => 'Leave the first comment'),
      'By Jane Doe, John Roe and Ann Poe, Reuters',
      'Background and U.S. Response',
      'KIGALI — Rwanda said on Tuesday that it would not withdraw.',
      'The talks resumed in Nairobi on Friday, officials said.',
    ];
    const bytes = encoder.encode(lines.join('\n'));
    expect(fullSummary(bytes).meta).toMatchObject({ dateline: 'KIGALI', byline: 'Jane Doe, John Roe and Ann Poe', source: 'Reuters' });
    expect(quickTextSummary(bytes)).toBeNull();
  });

  it('takes a text without a line feed after its head whole', () => {
    const bytes = encoder.encode(sampleText(SAMPLES[1] ?? '').replaceAll('\n', ' '));
    expect(quickTextSummary(bytes)).toEqual(fullSummary(bytes));
  });

  it('reads a UTF-8 BOM as a full parse does: not part of the text', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...encoder.encode(sampleText(SAMPLES[0] ?? ''))]);
    expect(quickTextSummary(bytes)).toEqual(fullSummary(bytes));
  });
});

describe('mayHaveSourceLine', () => {
  it.each([
    ['Source: AFP', true],
    ['  SOURCE :Reuters', true],
    ['ſource: long s', true],
    ['Source\u00a0: with a no-break space', true],
    ['It is a resource: a false alarm, which only costs a full parse', true],
    ['Sources said no colon follows', false],
    ['Source - no colon', false],
    ['Time: 06:00, place: Goma', false],
  ])('%j → %s', (text, expected) => {
    expect(mayHaveSourceLine(encoder.encode(text))).toBe(expected);
  });
});

describe('summariseArticleFileSync', () => {
  let corpus: Awaited<ReturnType<typeof makeTempCorpus>>;
  beforeEach(async () => {
    corpus = await makeTempCorpus();
  });
  afterEach(async () => {
    await corpus.remove();
  });

  it('gives the summary readArticleFileSync gives, for the edge-case files and the samples', async () => {
    const files = edgeCaseFiles(SAMPLES.map(sampleText), 3).filter((file) => file.kind !== 'huge');
    const names = [...SAMPLES, ...files.map((file) => path.basename(file.path))];
    for (const file of files) await writeFile(path.join(corpus.root, path.basename(file.path)), file.bytes());
    for (const name of names) {
      const absolute = path.join(corpus.root, name);
      const listed = summariseArticleFileSync(absolute, name);
      const read = readArticleFileSync(absolute, name);
      expect(listed.summary, name).toEqual(read.summary);
      // Lines come with the summary only where the file was parsed whole, and then they are the same.
      if (listed.lines) expect(listed.lines, name).toEqual(read.lines);
    }
    expect(summariseArticleFileSync(path.join(corpus.root, SAMPLES[0] ?? ''), SAMPLES[0] ?? '').lines).toBeUndefined();
  });
});
