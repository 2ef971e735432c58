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

/** A file's text in its pieces (one piece when it came whole). */
const piecesOf = (content: string | readonly string[]): readonly string[] => (typeof content === 'string' ? [content] : content);

const lengthOf = (content: string | readonly string[]): number => piecesOf(content).reduce((sum, piece) => sum + piece.length, 0);

/**
 * `output` with each file's text as UTF-8 (a lone surrogate becomes U+FFFD, as Node writes it),
 * the files as views of one buffer. `encodeInto` writes straight into that buffer, sized for the
 * worst case (3 bytes per UTF-16 unit): in Chromium `encode` took 2.5 times as long, as it copies
 * its result once more (16 M characters in a worker: 91-108 ms against 36-42 ms). A text in
 * pieces is encoded piece after piece, never joined. The unwritten tail of the buffer is never
 * touched, so it takes no memory pages. Where a buffer that large cannot be had, each file is
 * encoded on its own.
 */
export function encodeOutput(output: FormatOutput): EncodedOutput {
  const files = encodeTogether(output) ?? output.files.map((file) => ({ name: file.name, content: encoder.encode(piecesOf(file.content).join('')) }));
  return output.subfolder === undefined ? { files } : { subfolder: output.subfolder, files };
}

function encodeTogether(output: FormatOutput): EncodedFile[] | null {
  let buffer: Uint8Array<ArrayBuffer>;
  try {
    buffer = new Uint8Array(output.files.reduce((sum, file) => sum + 3 * lengthOf(file.content), 0));
  } catch {
    return null;
  }
  let at = 0;
  return output.files.map((file) => {
    const start = at;
    for (const piece of piecesOf(file.content)) {
      // Pieces are cut between characters (never inside a surrogate pair), so their bytes one
      // after another are those of their join.
      const { read, written } = encoder.encodeInto(piece, buffer.subarray(at));
      if (read !== piece.length) throw new Error(`${file.name} did not fit its buffer`);
      at += written;
    }
    return { name: file.name, content: buffer.subarray(start, at) };
  });
}

/** The buffers holding `output`'s bytes, each once: what a worker transfers with it. */
export function outputBuffers(output: EncodedOutput): ArrayBuffer[] {
  return [...new Set(output.files.map((file) => file.content.buffer))];
}
