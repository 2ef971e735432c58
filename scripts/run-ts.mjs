// Runs a TypeScript file through tsx's loader on the current Node: `node scripts/run-ts.mjs file.ts [args…]`.
// The loader is resolved from this package rather than the working directory, so it works from anywhere.
import { spawn } from 'node:child_process';

const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error('Usage: node scripts/run-ts.mjs <file.ts> [args…]');
  process.exit(2);
}

const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), file, ...args], { stdio: 'inherit' });
// The child shares the terminal and gets Ctrl-C itself; the launcher stays alive to report its exit.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('error', (error) => {
  console.error(`run-ts: could not start ${file}: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  } else {
    process.exit(code ?? 1);
  }
});
