import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findAll, findAnywhere, findCollapsedOccurrences, findExactCandidates, findNear } from './match-quote';
import { prepareText } from './prepared-text';

const corpusDir = new URL('../../corpus/', import.meta.url);
const corpus = readdirSync(corpusDir).map((name) => readFileSync(new URL(name, corpusDir), 'utf8'));
const kagame = corpus[0] ?? '';

describe('findAll and findExactCandidates', () => {
  it('find every occurrence, overlapping ones included', () => {
    expect(findAll('aaaa', 'aa')).toEqual([0, 1, 2]);
    expect(findExactCandidates(kagame, 'ALSO READ:')).toEqual(
      findAll(kagame, 'ALSO READ:').map((start) => ({ start, end: start + 10, errors: 0 })),
    );
    expect(findAll(kagame, 'ALSO READ:')).toHaveLength(3);
  });
});

describe('fuzzy candidates', () => {
  const sentence = 'Members of the Congolese armed forces surrendered to the rebels';

  it('count whitespace differences as no error and map back to the original offsets', () => {
    const text = kagame.replace(sentence, sentence.replace('armed forces', 'armed\n\n  forces'));
    const start = text.indexOf('Members of the Congolese armed');
    expect(findCollapsedOccurrences(prepareText(text), sentence)).toEqual([{ start, end: start + sentence.length + 3, errors: 0 }]);
  });

  it('find the edited quote near its old position even when a verbatim copy exists far away', () => {
    const misspelt = sentence.replace('surrendered', 'surrenderd');
    const filler = corpus.slice(1).join('\n');
    const text = `${kagame.replace(sentence, misspelt)}\n${filler}\n${sentence}`;
    const doc = prepareText(text);
    const near = text.indexOf(misspelt);
    const far = text.lastIndexOf(sentence);
    expect(findNear(doc, sentence, near, 8)).toEqual([{ start: near, end: near + misspelt.length, errors: 1 }]);
    expect(findAnywhere(doc, sentence, 8)).toEqual([{ start: far, end: far + sentence.length, errors: 0 }]);
  });

  it('trim whitespace that an approximate match takes in but the quote does not have', () => {
    const text = kagame.replace(`\n${sentence}`, `\n ${sentence.replace('Members', 'Memb')}`);
    const start = text.indexOf('Memb of the');
    expect(findNear(prepareText(text), sentence, start, 8)).toEqual([{ start, end: start + sentence.length - 3, errors: 3 }]);
  });

  it('find a 2,000-character quote with a typo in a 50 KB text', () => {
    const quote = kagame.split('\n').slice(0, 10).join('\n');
    const filler = corpus.slice(1).join('\n');
    let text = '';
    while (text.length < 25_000) text += `${filler}\n`;
    const edited = quote.replace('surrendered', 'surrenderd');
    text = `${text}${edited}\n${text}`;
    const start = text.indexOf(edited);
    expect(findAnywhere(prepareText(text), quote, 268)).toEqual([{ start, end: start + edited.length, errors: 1 }]);
  });

  it('find nothing for a quote that is not in the text, or when no edit is allowed', () => {
    const doc = prepareText(kagame);
    expect([findAnywhere(doc, 'Nairobi summit', 3), findNear(doc, 'Nairobi summit', 0, 3), findAnywhere(doc, 'Goma', 0)]).toEqual([[], [], []]);
  });
});
