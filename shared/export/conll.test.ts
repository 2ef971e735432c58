import { describe, expect, it } from 'vitest';
import { exportInput } from '../../test-support/export-fixture';
import { toConll } from './conll';

describe('CoNLL', () => {
  const input = exportInput();

  it('labels tokens BIO from the mentions, a sentence per block, a document per article', () => {
    const rtl = toConll({ ...input, articles: input.articles.filter((a) => a.id === 'a-rtl') });
    expect(rtl).toBe(
      [
        '-DOCSTART-\tO', '',
        'قال\tO', 'الرئيس\tO', 'بول\tO', 'كاغامي\tB-Person', '👍🏽\tO', 'إن\tO', 'الحوار\tO', 'ضروري\tO', '.\tO', '',
        'Kagame\tB-Person', '🇷🇼\tO', 'met\tO', 'Rubio\tO', 'in\tO', 'Kigali\tO', '.\tO',
        // Unicode's sentence rules keep a quotation opening after a full stop in the same sentence.
        '"\tO', '=\tO', 'cmd\tO', '|\tO', 'calc\tO', '"\tO', 'was\tO', ',\tO', 'said\tO', 'Rubio\tB-Person', ',\tO', 'a\tO', 'joke\tO', '.\tO', '',
      ].join('\n') + '\n',
    );
  });

  it('continues a multi-word mention with I- labels', () => {
    const corpus = toConll({ ...input, articles: input.articles.filter((a) => a.id === 'a1') });
    expect(corpus.split('\n').slice(2, 7)).toEqual(['President\tB-Person', 'Paul\tI-Person', 'Kagame\tI-Person', 'on\tO', 'Wednesday\tO']);
    expect(corpus).toContain('captured\tO\nGoma\tB-Location\ncity\tO');
    expect(corpus.match(/^-DOCSTART-/gm)).toHaveLength(1);
  });

  it('leaves highlights and orphans out', () => {
    const onlyHighlights = toConll({ ...input, annotations: input.annotations.filter((a) => a.kind === 'highlight') });
    expect(onlyHighlights).not.toMatch(/\t[BI]-/);
  });
});

describe('CoNLL tokens', () => {
  it('splits scripts written without spaces with the segmenter, and keeps emoji sequences and flags whole', () => {
    const input = exportInput();
    const article = { id: 'zh' as never, path: 'zh.txt', text: '卢旺达总统卡加梅访问了基加利。\nIt’s Kagame-led, 👨‍👩‍👧 🇷🇼 ok.', meta: { title: '', source: '', author: '', date: '', url: '' } };
    const out = toConll({ ...input, articles: [article], annotations: [] });
    const tokens = out.split('\n').filter((line) => line.endsWith('\tO')).map((line) => line.slice(0, -2));
    // The pattern would take the whole run of Han characters as one word; the segmenter splits it
    // (into words with ICU's dictionaries, into characters where this runtime's ICU has none).
    const han = tokens.slice(1, tokens.indexOf('。'));
    expect(han.join('')).toBe('卢旺达总统卡加梅访问了基加利');
    expect(han.length).toBeGreaterThan(1);
    expect(tokens.slice(-7)).toEqual(['It’s', 'Kagame-led', ',', '👨‍👩‍👧', '🇷🇼', 'ok', '.']);
  });
});
