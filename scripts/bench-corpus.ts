import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { countWords } from '../main/services/corpus/count-words';
import { edgeCaseFiles } from './bench-corpus/edge-case-files';
import { generateArticles } from './bench-corpus/generate-corpus';

const USAGE = `Usage: npm run bench:corpus -- --count N --out DIR [--seed S] [--edge-cases] [--corpus DIR]

Writes N news articles recombined from the sample corpus into DIR (sub-folders of 1,000 files).
  --count, -n   number of articles (required)
  --out, -o     output folder; must be empty, missing, or an earlier output of this command
  --seed        unsigned 32-bit seed (default 1): the same seed and count give identical files
  --edge-cases  also write awkward files (encodings, binary, 20 MB, odd names…) to DIR/edge-cases
  --corpus      folder of sample .txt articles (default: the repository's corpus/)`;

// Marks a folder as ours, so a re-run may replace it without risking someone else's files.
const MARKER = '.bench-corpus.json';

function fail(message: string): never {
  console.error(`bench:corpus: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function parseWholeNumber(value: string | undefined, name: string, max: number): number {
  if (value === undefined || !/^\d+$/.test(value) || Number(value) > max) fail(`--${name} must be a whole number up to ${max}, got ${value ?? 'nothing'}`);
  return Number(value);
}

function median(sorted: readonly number[]): number {
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : Math.round(((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2);
}

function main(): void {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        count: { type: 'string', short: 'n' },
        out: { type: 'string', short: 'o' },
        seed: { type: 'string', default: '1' },
        'edge-cases': { type: 'boolean', default: false },
        corpus: { type: 'string', default: fileURLToPath(new URL('../corpus/', import.meta.url)) },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const count = parseWholeNumber(values.count, 'count', 1_000_000);
  const seed = parseWholeNumber(values.seed, 'seed', 0xffff_ffff);
  if (!values.out) fail('--out is required');
  const out = path.resolve(values.out);

  const sourceNames = readdirSync(values.corpus).filter((name) => name.endsWith('.txt')).sort();
  if (sourceNames.length === 0) fail(`no .txt articles in ${values.corpus}`);
  const sources = sourceNames.map((name) => readFileSync(path.join(values.corpus, name), 'utf8'));

  if (existsSync(out) && readdirSync(out).length > 0) {
    if (!existsSync(path.join(out, MARKER))) fail(`${out} is not empty and was not written by bench:corpus`);
    rmSync(out, { recursive: true });
  }

  const started = performance.now();
  // Counted as the app counts them, so the lengths the workbench shows stay within 200–5,000.
  const articles = generateArticles(sources, { count, seed, countWords });
  const generatedMs = performance.now() - started;
  const folders = new Set<string>();
  let files = 0;
  let bytes = 0;
  const write = (relativePath: string, content: Uint8Array): void => {
    const target = path.join(out, ...relativePath.split('/'));
    const folder = path.dirname(target);
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    writeFileSync(target, content);
    files++;
    bytes += content.length;
  };
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, MARKER), `${JSON.stringify({ count, seed, edgeCases: values['edge-cases'], corpus: sourceNames })}\n`);
  for (const article of articles) write(article.path, article.bytes);
  if (values['edge-cases']) for (const file of edgeCaseFiles(sources, seed)) write(file.path, file.bytes());
  const totalSeconds = ((performance.now() - started) / 1000).toFixed(1);

  const words = articles.map((article) => article.wordCount).sort((a, b) => a - b);
  const wordSummary = words.length > 0 ? `words min ${words[0]} / median ${median(words)} / max ${words.at(-1)}` : 'no articles';
  console.log(
    `bench:corpus: wrote ${files.toLocaleString('en-US')} files (${(bytes / 1_000_000).toFixed(1)} MB) to ${out} in ${totalSeconds} s ` +
      `(generated in ${(generatedMs / 1000).toFixed(1)} s), seed ${seed}; ${words.length.toLocaleString('en-US')} articles, ${wordSummary}`,
  );
}

main();
