import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { ArticleFormat, LineInfo } from '../../../shared/model/article';
import { toCanonicalText } from './canonical-text';

const corpus = (name: string): string => readFileSync(new URL(`../../../corpus/${name}`, import.meta.url), 'utf8');
const ARTICLE_000 = corpus('000_f9a0009864046443.txt');
const ARTICLE_001 = corpus('001_49124f787c8de1cf.txt');
const ARTICLE_002 = corpus('002_5c9336af2132081a.txt');

const P: LineInfo = { kind: 'paragraph', boilerplate: false };
const B: LineInfo = { kind: 'blank', boilerplate: false };
const H2: LineInfo = { kind: 'heading', level: 2, boilerplate: false };
const JUNK: LineInfo = { kind: 'paragraph', boilerplate: true };
const LI: LineInfo = { kind: 'list-item', boilerplate: false };
const Q: LineInfo = { kind: 'quote', boilerplate: false };

/** Paragraph lines of corpus 000 as they come out of any block-structured format. */
const blocksOf000 = (): { texts: string[]; lines: LineInfo[] } => {
  const texts = ARTICLE_000.split('\n').flatMap((line, i) => (i === 0 ? [line] : ['', line]));
  return { texts, lines: texts.map((t) => (t === '' ? B : t.startsWith('ALSO READ:') ? JUNK : P)) };
};

describe('toCanonicalText for plain text', () => {
  it('keeps the text and finds the two subheadings and the boilerplate tail of 001', () => {
    expect(toCanonicalText('text', ARTICLE_001)).toEqual({
      text: ARTICLE_001,
      lines: [P, P, P, P, H2, P, P, H2, P, ...Array<LineInfo>(13).fill(JUNK)],
      warnings: [],
    });
  });

  it('marks the ALSO READ lines of 000 and finds no headings in 000 or 002', () => {
    const lines000 = toCanonicalText('text', ARTICLE_000).lines;
    expect(lines000).toEqual(ARTICLE_000.split('\n').map((t) => (t.startsWith('ALSO READ:') ? JUNK : P)));
    expect(toCanonicalText('text', ARTICLE_002).lines).toEqual(Array<LineInfo>(14).fill(P));
  });

  it('treats whitespace-only lines as blank and looks past them for a subheading’s neighbours', () => {
    const text = [
      'Kagame talks to Rubio',
      '',
      'By Jane Doe',
      '',
      'President Paul Kagame said he spoke with the U.S. Secretary of State on Wednesday.',
      '   ',
      'Background',
      '',
      'The conflict in eastern DR Congo has affected relations with Rwanda for years.',
      '06:00',
      'The talks will resume in Luanda next month, officials said.',
    ].join('\n');
    expect(toCanonicalText('text', text).lines).toEqual([P, B, P, B, P, B, H2, B, P, P, P]);
  });

  it('keeps right-to-left text and emoji as they are', () => {
    const text = 'مرحبا بالعالم 👋🏽\n\nשלום עולם';
    expect(toCanonicalText('text', text)).toEqual({ text, lines: [P, B, P], warnings: [] });
  });
});

describe('toCanonicalText for Markdown', () => {
  it('renders blocks to plain lines and strips inline markup', () => {
    const markdown = [
      '# Kagame &amp; Rubio *discuss* a ceasefire',
      '',
      'President **Paul Kagame** spoke with [Marco Rubio](https://x.com/SecRubio)',
      'on Wednesday ![map of Goma](goma.png) about `M23 &amp; FDLR`.  ',
      'A second line after a hard break &copy; 2025.',
      '',
      '## Background',
      '',
      '- Goma *captured*',
      '- Bukavu',
      '  threatened',
      '',
      '> "We need a ceasefire,"',
      '> he said.',
      '>',
      '> Second quoted paragraph.',
      '',
      '```',
      'code line',
      '```',
      '',
      '---',
      '',
      'Read next',
      '',
      '06:00',
      '',
      'Floods displace thousands',
    ].join('\n');
    expect(toCanonicalText('markdown', markdown)).toEqual({
      text: [
        'Kagame & Rubio discuss a ceasefire',
        '',
        'President Paul Kagame spoke with Marco Rubio on Wednesday map of Goma about M23 &amp; FDLR.',
        'A second line after a hard break © 2025.',
        '',
        'Background',
        '',
        'Goma captured',
        'Bukavu threatened',
        '',
        '"We need a ceasefire," he said.',
        '',
        'Second quoted paragraph.',
        '',
        'code line',
        '',
        'Read next',
        '',
        '06:00',
        '',
        'Floods displace thousands',
      ].join('\n'),
      lines: [
        { kind: 'heading', level: 1, boilerplate: false },
        B,
        P,
        P,
        B,
        H2,
        B,
        LI,
        LI,
        B,
        Q,
        B,
        Q,
        B,
        P,
        B,
        JUNK,
        B,
        JUNK,
        B,
        JUNK,
      ],
      titleHint: 'Kagame & Rubio discuss a ceasefire',
      warnings: [],
    });
  });

  it('renders a corpus article written as Markdown paragraphs', () => {
    const markdown = ARTICLE_000.split('\n').join('\n\n');
    const { texts, lines } = blocksOf000();
    expect(toCanonicalText('markdown', markdown)).toEqual({ text: texts.join('\n'), lines, warnings: [] });
  });

  it('renders tables, nested lists and block HTML without running it', () => {
    const markdown = '| City | Status |\n|---|---|\n| Goma | captured |\n\n1. one\n   - nested\n\n<div><p>Block &amp; HTML</p><script>x()</script></div>\n';
    expect(toCanonicalText('markdown', markdown)).toEqual({
      text: 'City | Status\nGoma | captured\n\none\nnested\n\nBlock & HTML',
      lines: [P, P, B, LI, LI, B, P],
      warnings: [],
    });
  });
});

describe('toCanonicalText for HTML', () => {
  const page = (body: string): string =>
    `<!doctype html><html><head><title>Kagame and Rubio discuss ceasefire | The Site</title>
     <script>document.title = 'hacked'; document.body && (document.body.innerHTML = 'hacked');</script></head>
     <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>${body}<footer>© The Site</footer>
     <script>document.querySelectorAll('p').forEach((p) => { p.textContent = 'hacked'; });</script></body></html>`;

  it('extracts the readable article of a page and keeps its structure', () => {
    const paragraphs = ARTICLE_000.split('\n').map((line) => `<p>${line}</p>`).join('\n');
    const html = page(
      `<article><h1>Kagame and Rubio discuss ceasefire</h1>${paragraphs}
       <h3>Timeline</h3><ul><li>Goma <b>captured</b></li><li>Talks stall</li></ul>
       <blockquote><p>We need a ceasefire,<br>he said.</p></blockquote></article>`,
    );
    const { texts, lines } = blocksOf000();
    expect(toCanonicalText('html', html)).toEqual({
      text: [...texts, '', 'Timeline', '', 'Goma captured', 'Talks stall', '', 'We need a ceasefire,', 'he said.'].join('\n'),
      lines: [...lines, B, { kind: 'heading', level: 3, boilerplate: false }, B, LI, LI, B, Q, Q],
      titleHint: 'Kagame and Rubio discuss ceasefire',
      warnings: [],
    });
  });

  it('falls back to all page text, with a warning, when no main content is found', () => {
    expect(toCanonicalText('html', '<html><head><title>Footer only</title></head><body><footer>Footer text</footer></body></html>')).toEqual({
      text: 'Footer text',
      lines: [P],
      titleHint: 'Footer only',
      warnings: [{ code: 'parse-failed', message: "Could not find the article's main content; showing all page text" }],
    });
  });

  it('never runs scripts nor fetches images, scripts, styles or frames the page refers to', async () => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests += 1;
      response.end('document.body.innerHTML = "fetched"');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const html = page(
      `<link rel="stylesheet" href="${base}/style.css"><script src="${base}/app.js"></script>
       <iframe src="${base}/frame"></iframe><article><p>${ARTICLE_002.split('\n').join('</p><p>')}</p>
       <img src="${base}/photo.jpg" alt="Photo"></article>`,
    );
    const result = toCanonicalText('html', html);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await new Promise((resolve) => server.close(resolve));
    expect(requests).toBe(0);
    expect(result.titleHint).toBe('Kagame and Rubio discuss ceasefire');
    expect(result.text).not.toContain('hacked');
    expect(result.text).not.toContain('fetched');
    expect(result.text.split('\n').filter(Boolean)).toEqual(ARTICLE_002.split('\n'));
  });
});

describe('toCanonicalText line structure', () => {
  const cases: [ArticleFormat, string][] = [
    ['text', ''],
    ['markdown', ''],
    ['html', ''],
    ['text', ARTICLE_001],
    ['markdown', ARTICLE_001],
    ['html', ARTICLE_001],
    ['markdown', '# Only a title'],
    ['html', '<p>One<br><br><br>Two</p>'],
    ['text', '\n\nTrailing and leading blanks\n\n'],
  ];
  it.each(cases)('describes every line of the %s text exactly once (%#)', (format, input) => {
    const { text, lines } = toCanonicalText(format, input);
    expect(lines).toHaveLength(text.split('\n').length);
    text.split('\n').forEach((line, i) => {
      expect(lines[i]?.kind === 'blank').toBe(line.trim() === '');
      if (lines[i]?.kind === 'blank') expect(lines[i]?.boilerplate).toBe(false);
    });
  });
});
