// `npm start`: build, then run the app in Electron on the bundled corpus. Where Electron's binary
// cannot be downloaded (no access to GitHub), say so in one sentence and point to browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');

function installedBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

let binary = installedBinary();
if (!binary && existsSync(path.join(electronDir, 'install.js'))) {
  // Electron 42+ fetches its binary on first use; do it here so failure gets a clear message.
  spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 180_000 });
  binary = installedBinary();
}
if (!binary) {
  console.error('Electron could not be downloaded on this machine (no access to GitHub?): run `npm run serve` to use the workbench in your browser instead.');
  process.exit(1);
}

const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const app = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
app.on('exit', (code) => process.exit(code ?? 0));
