import path from 'node:path';

/** The folder given to `--name DIR` or `--name=DIR` on the command line, resolved; null when absent. */
export function folderFromArgs(argv: readonly string[], name: string): string | null {
  const flag = `--${name}`;
  const index = argv.indexOf(flag);
  const value = index >= 0 ? argv[index + 1] : argv.find((arg) => arg.startsWith(`${flag}=`))?.slice(flag.length + 1);
  return value ? path.resolve(value) : null;
}
