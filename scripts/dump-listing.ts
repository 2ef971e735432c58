// Writes the listing of a folder as the workers make it, one JSON line per file: its summary (as a
// listing makes it, quickly where it can), its boilerplate lines and a digest of its canonical text
// and line records (from a full read). Two dumps made before and
// after a change to parsing compare byte for byte (`cmp`) when the change keeps the output.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { boilerplateLines } from '../main/services/corpus/mention-hits';
import { readArticleFileSync, summariseArticleFileSync } from '../main/services/corpus/read-article-file';
import { scanFolder } from '../main/services/corpus/scan-folder';

const [root, out] = process.argv.slice(2);
if (!root || !out) {
  console.error('Usage: node scripts/run-ts.mjs scripts/dump-listing.ts FOLDER OUT.jsonl');
  process.exit(2);
}
const scan = await scanFolder(root);
const rows = scan.files.map((file) => {
  if (file.kind === 'refused') return JSON.stringify(file);
  const { text, lines } = readArticleFileSync(file.absolutePath, file.relativePath);
  const { summary } = summariseArticleFileSync(file.absolutePath, file.relativePath);
  const digest = createHash('sha256').update(text).update(JSON.stringify(lines)).digest('hex');
  return JSON.stringify({ summary, boilerplate: boilerplateLines(lines), digest });
});
writeFileSync(out, `${rows.join('\n')}\n`);
console.log(`dump-listing: ${rows.length} files of ${root} written to ${out}`);
