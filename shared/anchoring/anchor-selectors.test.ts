import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anchorAll, anchorSelectors, ANCHOR_CONFIDENCE_THRESHOLD } from './anchor-selectors';
import { codePointLength, utf16ToCodePoint } from './code-points';
import { describeRange, type CodePointRange } from './describe-range';
import type { AnchorResult } from './selectors';

const corpusDir = new URL('../../corpus/', import.meta.url);
function article(prefix: string): string {
  const name = readdirSync(corpusDir).find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`corpus has no article ${prefix}`);
  return readFileSync(new URL(name, corpusDir), 'utf8');
}

/** Kagame's call with Rubio after M23 took Goma: 16 paragraphs, one per line. */
const kagame = article('000');
const paragraphs = kagame.split('\n');
const paragraph = (i: number): string => paragraphs[i] ?? '';
const withParagraphs = (list: readonly string[]): string => list.join('\n');
const note = "Editor's note: this article was updated on January 30 with the latest figures from Goma.";

/** The code point range of the `occurrence`-th copy of `phrase` in `text`. */
function rangeOf(text: string, phrase: string, occurrence = 0): CodePointRange {
  let at = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    at = text.indexOf(phrase, at + 1);
    if (at === -1) throw new Error(`"${phrase}" occurs fewer than ${occurrence + 1} times`);
  }
  const start = utf16ToCodePoint(text, at);
  return { start, end: start + codePointLength(phrase) };
}

const highlight = (text: string, phrase: string, occurrence = 0) => describeRange(text, rangeOf(text, phrase, occurrence));
const anchoredAt = (status: AnchorResult['status'], range: CodePointRange) => ({ status, ...range, confidence: expect.any(Number) });
const orphaned = { status: 'orphan', start: -1, end: -1, confidence: expect.any(Number) };

describe('anchorSelectors: unchanged and moved text', () => {
  const battle = 'the battle for the city that borders Rwanda continued on Monday';

  it('finds a highlight exactly where it was when the text is unchanged', () => {
    expect(anchorSelectors(kagame, highlight(kagame, battle))).toEqual({ status: 'exact', ...rangeOf(kagame, battle), confidence: 1 });
  });

  it('re-attaches a highlight after a paragraph is inserted above it', () => {
    const edited = `${note}\n${kagame}`;
    const result = anchorSelectors(edited, highlight(kagame, battle));
    expect(result).toEqual(anchoredAt('moved', rangeOf(edited, battle)));
    expect(result.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('is less confident of a moved highlight whose neighbouring words were rewritten', () => {
    const edited = `${note}\n${kagame.replace('However, ', 'Nevertheless, ').replace(', with Congolese army', ' as Congolese troops')}`;
    const intact = anchorSelectors(`${note}\n${kagame}`, highlight(kagame, battle));
    const rewritten = anchorSelectors(edited, highlight(kagame, battle));
    expect(rewritten).toEqual(anchoredAt('moved', rangeOf(edited, battle)));
    expect(rewritten.confidence).toBeLessThan(intact.confidence);
    expect(rewritten.confidence).toBeGreaterThanOrEqual(ANCHOR_CONFIDENCE_THRESHOLD);
  });

  it('moves a one-word highlight to the right mention of a name that occurs several times', () => {
    const edited = `${note}\n${kagame}`;
    expect(anchorSelectors(edited, highlight(kagame, 'Kagame', 1))).toEqual(anchoredAt('moved', rangeOf(edited, 'Kagame', 1)));
  });
});

describe('anchorSelectors: edited quotes', () => {
  const surrender = 'Members of the Congolese armed forces surrendered to the rebels and handed over their weapons';

  it('re-attaches with high confidence when only whitespace inside the quote changed', () => {
    for (const changed of [surrender.replace('armed forces', 'armed  forces'), surrender.replace('to the rebels', 'to the\nrebels')]) {
      const edited = `${note}\n${kagame.replace(surrender, changed)}`;
      const result = anchorSelectors(edited, highlight(kagame, surrender));
      expect(result).toEqual(anchoredAt('fuzzy', rangeOf(edited, changed)));
      expect(result.confidence).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('re-attaches to the corrected sentence when one word inside the quote is misspelt', () => {
    const misspelt = surrender.replace('surrendered', 'surrenderd');
    for (const edited of [kagame.replace(surrender, misspelt), `${note}\n${kagame.replace(surrender, misspelt)}`]) {
      const result = anchorSelectors(edited, highlight(kagame, surrender));
      expect(result).toEqual(anchoredAt('fuzzy', rangeOf(edited, misspelt)));
      expect(result.confidence).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('re-attaches a 2,000-character quote with a typo, a re-wrapped line and text inserted above', () => {
    const quote = withParagraphs(paragraphs.slice(0, 10));
    expect(quote.length).toBeGreaterThanOrEqual(2_000);
    const changed = quote.replace('surrendered', 'surrenderd').replace('the night of Sunday.\n', 'the night of Sunday.\n\n');
    const edited = `${note}\n${kagame.replace(quote, changed)}`;
    const result = anchorSelectors(edited, highlight(kagame, quote));
    expect(result).toEqual(anchoredAt('fuzzy', rangeOf(edited, changed)));
    expect(result.confidence).toBeGreaterThanOrEqual(0.95);
  });

  it('re-attaches a long quote whose opening words were rewritten', () => {
    const quote = withParagraphs(paragraphs.slice(0, 10));
    const changed = quote.replace(
      'President Paul Kagame on Wednesday, January 29, said he had a conversation',
      'President Kagame said on Wednesday that he had spoken',
    );
    const edited = `${note}\n${kagame.replace(quote, changed)}`;
    expect(anchorSelectors(edited, highlight(kagame, quote))).toEqual(anchoredAt('fuzzy', rangeOf(edited, changed)));
  });
});

describe('anchorSelectors: duplicated paragraphs', () => {
  const shells = 'Congolese army and FDLR militia firing shells on Rwandan territory';
  const opening = 'However, the battle for the city that borders Rwanda';
  const duplicated = withParagraphs([...paragraphs.slice(0, 8), paragraph(7), ...paragraphs.slice(8)]);

  it('keeps a highlight on its own copy when the paragraph is repeated further down', () => {
    const surrender = paragraph(6);
    const edited = `${note}\n${kagame}\n${surrender}`;
    expect(anchorSelectors(edited, highlight(kagame, surrender))).toEqual(anchoredAt('moved', rangeOf(edited, surrender, 0)));
  });

  it('prefers the copy whose context agrees over a copy nearer the old position', () => {
    const surrender = paragraph(6);
    const edited = withParagraphs([...paragraphs.slice(0, 5), `“${surrender}”`, paragraph(8), ...paragraphs.slice(5)]);
    expect(anchorSelectors(edited, highlight(kagame, surrender))).toEqual(anchoredAt('moved', rangeOf(edited, surrender, 1)));
  });

  it('stays on its own copy after a typo there, although a verbatim copy with the same context is far away', () => {
    const post = paragraph(1);
    // In a 20 KB text the far copy's distance barely dents its score; only the near preference helps.
    const others = [article('001'), article('002')].join('\n');
    const original = withParagraphs([...paragraphs, ...paragraphs.slice(0, 3), others, others, others]);
    const misspelt = post.replace('discussed', 'discused');
    const edited = original.replace(post, misspelt);
    expect(anchorSelectors(edited, highlight(original, post))).toEqual(anchoredAt('fuzzy', rangeOf(edited, misspelt)));
  });

  it('tells two highlights on identical copies apart by their old positions', () => {
    const edited = `${note}\n${duplicated}`;
    const results = [0, 1].map((copy) => anchorSelectors(edited, highlight(duplicated, shells, copy)));
    expect(results).toEqual([anchoredAt('moved', rangeOf(edited, shells, 0)), anchoredAt('moved', rangeOf(edited, shells, 1))]);
  });

  it('tells two highlights apart by their context when the old position points at the wrong copy', () => {
    // A paragraph inserted before the first copy leaves the second copy's highlight nearer the first.
    const edited = withParagraphs([...paragraphs.slice(0, 7), paragraph(8), paragraph(7), ...duplicated.split('\n').slice(8)]);
    const results = [0, 1].map((copy) => anchorSelectors(edited, highlight(duplicated, opening, copy)));
    expect(results).toEqual([anchoredAt('moved', rangeOf(edited, opening, 0)), anchoredAt('moved', rangeOf(edited, opening, 1))]);
  });
});

describe('anchorSelectors: deleted quotes', () => {
  const rubioCall = 'President Paul Kagame on Wednesday, January 29, said he had a conversation with US Secretary of State Marco Rubio';

  it('orphans a highlight whose paragraph was deleted', () => {
    const edited = withParagraphs(paragraphs.filter((_, i) => i !== 6));
    const result = anchorSelectors(edited, highlight(kagame, paragraph(6)));
    expect(result).toEqual(orphaned);
    expect(result.confidence).toBeLessThan(ANCHOR_CONFIDENCE_THRESHOLD);
  });

  it('orphans a sentence about Kagame rather than move it to a similar one about Tshisekedi', () => {
    const tshisekedi = rubioCall.replace('Paul Kagame', 'Felix Tshisekedi');
    const edited = withParagraphs([...paragraphs.slice(1, 11), `${tshisekedi} on the crisis in the east.`, ...paragraphs.slice(11)]);
    expect(anchorSelectors(edited, highlight(kagame, rubioCall))).toEqual(orphaned);
  });

  it('keeps, with a confidence that flags the change, a quote whose name was changed in place', () => {
    const tshisekedi = rubioCall.replace('Paul Kagame', 'Felix Tshisekedi');
    const edited = kagame.replace(rubioCall, tshisekedi);
    const result = anchorSelectors(edited, highlight(kagame, rubioCall));
    expect(result).toEqual(anchoredAt('fuzzy', rangeOf(edited, tshisekedi)));
    expect(result.confidence).toBeLessThan(0.9);
  });

  it('orphans a one-word highlight rather than move it to another mention of the name', () => {
    const edited = withParagraphs(paragraphs.filter((_, i) => i !== 1));
    expect(anchorSelectors(edited, highlight(kagame, 'Kagame', 1))).toEqual(orphaned);
  });

  it('orphans a 2,000-character quote whose paragraphs were all deleted', () => {
    const quote = withParagraphs(paragraphs.slice(0, 10));
    expect(anchorSelectors(withParagraphs(paragraphs.slice(10)), highlight(kagame, quote))).toEqual(orphaned);
  });
});

describe('anchorSelectors: emoji, astral and right-to-left text', () => {
  const social = '👍🏽 4.2K · 👨‍👩‍👧‍👦 shared · 𠮷田 · مرحبا بكم · שלום עולם';
  const astral = `${social}\n${kagame.replace('In a post on X,', 'In a post on X 👍🏽,')}`;
  const post = 'In a post on X 👍🏽, Kagame said he and Rubio';

  it('stores and returns code point offsets, not UTF-16 indices', () => {
    const range = rangeOf(astral, post);
    expect(range.start).toBe(Array.from(astral.slice(0, astral.indexOf(post))).length);
    expect(range.start).toBeLessThan(astral.indexOf(post));
    expect(anchorSelectors(astral, highlight(astral, post))).toEqual({ status: 'exact', ...range, confidence: 1 });
  });

  it('moves by the number of code points inserted above', () => {
    const live = '🔴 LIVE 👨‍👩‍👧‍👦 updates from Goma';
    const edited = `${live}\n${astral}`;
    const result = anchorSelectors(edited, highlight(astral, post));
    const old = rangeOf(astral, post);
    expect(result).toEqual(anchoredAt('moved', { start: old.start + codePointLength(live) + 1, end: old.end + codePointLength(live) + 1 }));
    expect(Array.from(edited).slice(result.start, result.end).join('')).toBe(post);
  });

  it('fuzzy-matches across a dropped skin-tone modifier and keeps whole code points', () => {
    const changed = post.replace('👍🏽', '👍');
    const edited = astral.replace(post, changed);
    expect(anchorSelectors(edited, highlight(astral, post))).toEqual(anchoredAt('fuzzy', rangeOf(edited, changed)));
  });

  it('re-attaches highlights on Arabic and Hebrew words', () => {
    const edited = `${note}\n${astral}`;
    expect([anchorSelectors(edited, highlight(astral, 'مرحبا بكم')), anchorSelectors(edited, highlight(astral, 'שלום'))]).toEqual([
      anchoredAt('moved', rangeOf(edited, 'مرحبا بكم')),
      anchoredAt('moved', rangeOf(edited, 'שלום')),
    ]);
  });
});

describe('anchorAll and options', () => {
  it('anchors many highlights on one prepared text, as anchoring each alone would', () => {
    const edited = `${note}\n${kagame.replace('surrendered', 'surrenderd')}`;
    const highlights = [paragraph(0).slice(0, 40), paragraph(6), paragraph(9)].map((p) => highlight(kagame, p));
    expect(anchorAll(edited, highlights)).toEqual(highlights.map((h) => anchorSelectors(edited, h)));
  });

  it('orphans a fuzzy match that falls short of a stricter minimum confidence', () => {
    const edited = kagame.replace('surrendered', 'surrenderd');
    const selectors = highlight(kagame, paragraph(6));
    expect(anchorSelectors(edited, selectors).status).toBe('fuzzy');
    expect(anchorSelectors(edited, selectors, { minConfidence: 0.999 })).toEqual(orphaned);
  });
});
