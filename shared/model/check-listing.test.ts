import { describe, expect, it } from 'vitest';
import { CorpusListing } from './article';
import { checkCorpusListing } from './check-listing';

function summary(): Record<string, unknown> {
  return {
    path: 'batch-00/a.txt',
    format: 'text',
    size: 1200,
    modifiedMs: 1763700000000.25,
    sha256: 'ab'.repeat(32),
    wordCount: 210,
    meta: { title: 'Talks resume', dateline: 'KIGALI', byline: 'Jane Doe', source: 'Reuters' },
    warnings: [{ code: 'legacy-encoding', message: 'Decoded as windows-1252' }],
    readable: true,
  };
}

function listing(): Record<string, unknown> {
  const second = { ...summary(), path: 'b.md', format: 'markdown', meta: { title: 'B' }, warnings: [] };
  return { root: '/corpus', name: 'corpus', articles: [summary(), second], warnings: [{ code: 'unreadable', message: 'x' }] };
}

type Mutation = [string, (value: Record<string, unknown>) => void];
const first = (value: Record<string, unknown>): Record<string, unknown> => (value.articles as Record<string, unknown>[])[0] as Record<string, unknown>;
const firstMeta = (value: Record<string, unknown>): Record<string, unknown> => first(value).meta as Record<string, unknown>;

const mutations: Mutation[] = [
  ['extra listing key', (v) => (v.extra = 1)],
  ['root not a string', (v) => (v.root = 3)],
  ['articles not an array', (v) => (v.articles = {})],
  ['article null', (v) => ((v.articles as unknown[])[0] = null)],
  ['article an array', (v) => ((v.articles as unknown[])[0] = [])],
  ['extra summary key', (v) => (first(v).text = 'x')],
  ['missing path', (v) => delete first(v).path],
  ['empty path', (v) => (first(v).path = '')],
  ['long path', (v) => (first(v).path = 'a'.repeat(1025))],
  ['path of 1,024', (v) => (first(v).path = 'a'.repeat(1024))],
  ['absolute path', (v) => (first(v).path = '/etc/passwd')],
  ['drive path', (v) => (first(v).path = 'C:x.txt')],
  ['climbing path', (v) => (first(v).path = 'a/../../b.txt')],
  ['backslash climbing path', (v) => (first(v).path = 'a\\..\\b.txt')],
  ['dots in a name', (v) => (first(v).path = 'a/..b/c..txt')],
  ['unknown format', (v) => (first(v).format = 'pdf')],
  ['negative size', (v) => (first(v).size = -1)],
  ['fractional size', (v) => (first(v).size = 1.5)],
  ['size as string', (v) => (first(v).size = '12')],
  ['huge size', (v) => (first(v).size = 2 ** 60)],
  ['negative zero size', (v) => (first(v).size = -0)],
  ['NaN date', (v) => (first(v).modifiedMs = Number.NaN)],
  ['infinite date', (v) => (first(v).modifiedMs = Number.POSITIVE_INFINITY)],
  ['negative date', (v) => (first(v).modifiedMs = -5)],
  ['sha256 missing', (v) => delete first(v).sha256],
  ['word count fractional', (v) => (first(v).wordCount = 2.5)],
  ['meta missing', (v) => delete first(v).meta],
  ['meta title missing', (v) => delete firstMeta(v).title],
  ['meta extra key', (v) => (firstMeta(v).author = 'x')],
  ['meta byline a number', (v) => (firstMeta(v).byline = 1)],
  ['meta byline undefined', (v) => (firstMeta(v).byline = undefined)],
  ['meta byline null', (v) => (firstMeta(v).byline = null)],
  ['warning with unknown code', (v) => (first(v).warnings = [{ code: 'on-fire', message: 'x' }])],
  ['warning with extra key', (v) => (first(v).warnings = [{ code: 'empty', message: 'x', at: 1 }])],
  ['warnings not an array', (v) => (first(v).warnings = 'none')],
  ['readable as string', (v) => (first(v).readable = 'yes')],
  ['listing warning bad', (v) => (v.warnings = [{ code: 'empty' }])],
  ['listing warnings missing', (v) => delete v.warnings],
  ['summary of another prototype', (v) => ((v.articles as unknown[])[0] = Object.assign(Object.create({ inherited: 1 }) as object, summary()))],
];

describe('checkCorpusListing', () => {
  it('accepts a well-formed listing as it is, like the schema', () => {
    const value = listing();
    expect(checkCorpusListing(value)).toBe(value);
    expect(CorpusListing.safeParse(value).success).toBe(true);
  });

  it('accepts an empty listing', () => {
    expect(checkCorpusListing({ root: '/', name: '', articles: [], warnings: [] })).toBeDefined();
  });

  it.each(mutations)('is never more lenient than the schema: %s', (_name, mutate) => {
    const value = listing();
    mutate(value);
    const checked = checkCorpusListing(value);
    const parsed = CorpusListing.safeParse(value);
    // Accepted by the fast check ⇒ accepted by the schema, with nothing changed.
    if (checked !== undefined) {
      expect(parsed.success).toBe(true);
      expect(parsed.data).toEqual(checked);
    }
  });

  it('rejects what the schema rejects, so the client falls back to the schema for its message', () => {
    const rejected = mutations.filter(([, mutate]) => {
      const value = listing();
      mutate(value);
      return !CorpusListing.safeParse(value).success;
    });
    expect(rejected.length).toBeGreaterThan(25);
    for (const [, mutate] of rejected) {
      const value = listing();
      mutate(value);
      expect(checkCorpusListing(value)).toBeUndefined();
    }
  });

  it('rejects non-objects', () => {
    for (const value of [null, undefined, 1, 'listing', [], true]) expect(checkCorpusListing(value)).toBeUndefined();
  });
});
