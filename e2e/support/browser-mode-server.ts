import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface RunningServer {
  url: string;
  pid: number;
  /** Everything the server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `out/main/serve.js` (browser mode) on a free port and waits for its printed URL. */
export async function startBrowserModeServer(projectRoot: string, corpusRoot: string, extraArgs: readonly string[] = []): Promise<RunningServer> {
  // MAIN_PROFILE_DIR=dir: main writes a CPU profile there when it exits (node --cpu-prof; not allowed in NODE_OPTIONS).
  const profile = process.env.MAIN_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.MAIN_PROFILE_DIR}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, path.join(projectRoot, 'out', 'main', 'serve.js'), '--corpus', corpusRoot, '--port', '0', ...extraArgs], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start within 15 s:\n${printed}`)), 15_000);
    const check = () => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(printed);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${printed}`));
    });
  });
  return {
    url,
    pid: child.pid ?? 0,
    output: () => printed,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
