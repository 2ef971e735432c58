import type { HostClient } from '../../../shared/contract/host-client';
import type { Result } from '../../../shared/contract/host-result';

/** The media type a browser download of `name` is offered as. */
function downloadType(name: string): string {
  const type = name.endsWith('.csv') ? 'text/csv' : name.endsWith('.json') || name.endsWith('.jsonld') ? 'application/json' : 'text/plain';
  return `${type};charset=utf-8`;
}

/** The file name at the end of `path` (main's, with `/` or `\\` between folders). */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** Offers a file an export wrote as a browser download (browser mode's copy of what was written), read back from main. */
export async function downloadWritten(client: HostClient, path: string): Promise<Result<void>> {
  const read = await client.request('exports.readWritten', { path });
  if (!read.ok) return read;
  const name = fileNameOf(path);
  const url = URL.createObjectURL(new Blob([read.value.text], { type: downloadType(name) }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { ok: true, value: undefined };
}
