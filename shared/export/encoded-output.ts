import type { FormatOutput } from './export-formats';

/*
 * A format's files as they are written: UTF-8 bytes. The export workers encode what they build
 * and transfer the bytes to the page (no copy), which sends them to main as they are, and main
 * writes them as they are. Sending strings instead cost ~0.5 s of the page's main thread to
 * receive 76 MB from the workers and ~0.8-1 s to encode it into request bodies (50k bench), and
 * main decoded it again only to encode it once more when writing.
 */

/** A file of an export: its name (relative to the export folder) and its UTF-8 bytes. */
export interface EncodedFile {
  name: string;
  content: Uint8Array<ArrayBuffer>;
}

export interface EncodedOutput {
  /** A subfolder of the export folder the files go into, or none. */
  subfolder?: string;
  files: EncodedFile[];
}

const encoder = new TextEncoder();

/** `output` with each file's text as UTF-8 (a lone surrogate becomes U+FFFD, as Node writes it). */
export function encodeOutput(output: FormatOutput): EncodedOutput {
  const files = output.files.map((file) => ({ name: file.name, content: encoder.encode(file.content) }));
  return output.subfolder === undefined ? { files } : { subfolder: output.subfolder, files };
}

/** The buffers holding `output`'s bytes, each once: what a worker transfers with it. */
export function outputBuffers(output: EncodedOutput): ArrayBuffer[] {
  return [...new Set(output.files.map((file) => file.content.buffer))];
}
