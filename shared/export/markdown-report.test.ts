import { describe, expect, it } from 'vitest';
import { annotations, exportInput, notes } from '../../test-support/export-fixture';
import { NoteId } from '../model/ids';
import { toMarkdownReport } from './markdown-report';

describe('Markdown report', () => {
  const report = toMarkdownReport(exportInput());

  it('starts with YAML front matter counting what the report holds, with no timestamp unless asked', () => {
    expect(report.split('\n').slice(0, 10)).toEqual([
      '---',
      'title: "corpus — research report"',
      'project: "corpus"',
      'articles: 4',
      'highlights: 5',
      'mentions: 7',
      'notebook_pages: 2',
      'generator: "Research Workbench"',
      '---',
      '',
    ]);
    expect(toMarkdownReport(exportInput(), { generatedAt: '2025-02-01T10:00:00Z' })).toContain('\ngenerated: "2025-02-01T10:00:00Z"\n');
  });

  it('gives each article a heading with its metadata, then its highlights and mentions in text order', () => {
    const section = report.slice(report.indexOf('## Kagame and Rubio'), report.indexOf('## 001'));
    expect(section).toBe(
      [
        '## Kagame and Rubio discuss ceasefire',
        '',
        '- **Source:** The New Times',
        '- **Author:** Staff writer',
        '- **Date:** 2025-01-29',
        '- **URL:** [https://example.org/kagame-rubio (1)](<https://example.org/kagame-rubio (1)>)',
        '- **File:** `000_f9a0009864046443.txt`',
        '',
        '> President Paul Kagame',
        '',
        '— **Paul Kagame** (Person, Wikidata Q57421, characters 0–21)',
        '',
        '> Marco Rubio',
        '',
        '— **Marco Rubio** (Person, characters 102–113)',
        '',
        '> M23 rebels captured Goma city on Sunday',
        '',
        '— **Key claim** (highlight, characters 177–216)',
        '',
        '*Comment:* Check the date: \\*Sunday\\* the 26th?',
        '',
        '> Goma',
        '',
        '— **Goma** (Location, Wikidata Q167192, characters 197–201)',
        '',
        '> home to about two million people',
        '',
        '— **Evidence** (highlight, characters 1019–1051)',
        '',
        '',
      ].join('\n'),
    );
  });

  it('uses the file name when an article has no title, lists orphans apart, and escapes Markdown in quotes', () => {
    expect(report).toContain('## 001\\_49124f787c8de1cf.txt\n\n- **File:** `001_49124f787c8de1cf.txt`\n\n> Rubio\n');
    expect(report).toContain('### Not found in the current text (1)\n\n> A sentence since deleted from the article\n\n— **Evidence** (orphan)\n\n*Comment:* gone');
    expect(report).toContain('## 002\\_5c9336af2132081a.txt\n\n- **File:** `002_5c9336af2132081a.txt`\n\n*No highlights or mentions.*');
    expect(report).toContain('> Rubio in Kigali. "=cmd\\|calc"\n\n— **Evidence** (highlight, characters 56–84)');
  });

  it('counts code points for right-to-left text with emoji', () => {
    expect(report).toContain('## كاغامي 👍🏽\n\n- **File:** `intl/emoji rtl.txt`\n\n> كاغامي\n\n— **Paul Kagame** (Person, Wikidata Q57421, characters 15–21)\n\n*Comment:* Arabic spelling');
  });

  it('converts the notebook pages from Lexical, in page order, with quote cards cited and mentions named', () => {
    expect(report.slice(report.indexOf('# Notebook'))).toBe(
      [
        '# Notebook',
        '',
        '## Broken page',
        '',
        'Recovered \\*plain\\* text',
        '',
        '## Findings',
        '',
        '#### Timeline',
        '',
        'Who spoke first: Paul Kagame or ***Rubio***? See [the call](<https://example.org/a b>).',
        '',
        '> M23 rebels captured Goma city on Sunday',
        '>',
        '> — *Kagame and Rubio discuss ceasefire* (`000_f9a0009864046443.txt`)',
        '',
        '- \\# not a heading',
        '   1. *nested*',
        '',
        '> A line\\',
        '> and another',
        '',
      ].join('\n'),
    );
  });

  it('places article notes under their article and annotation notes under their annotation', () => {
    const paragraph = (text: string) => JSON.stringify({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text, format: 1 }] }] } });
    const base = { title: '', order: 0, citedAnnotationIds: [], citedEntityIds: [], citedArticleIds: [], createdAt: 1, updatedAt: 1 };
    const withNotes = toMarkdownReport(
      exportInput({
        notes: [
          ...notes,
          { ...base, id: NoteId.parse('n-article'), kind: 'article', targetId: 'a1', content: paragraph('Read with the UN report'), text: 'Read with the UN report' },
          { ...base, id: NoteId.parse('n-comment'), kind: 'comment', targetId: annotations[4]!.id, content: '', text: 'plain fallback' },
        ],
      }),
    );
    expect(withNotes).toContain('- **File:** `000_f9a0009864046443.txt`\n\n*Article note:*\n\n**Read with the UN report**\n\n> President Paul Kagame');
    expect(withNotes).toContain('— **Evidence** (highlight, characters 1019–1051)\n\n*Note:*\n\nplain fallback\n');
  });
});
