/**
 * `parts.join(separator) + end` as pieces, in order, without joining them: an export's text is
 * written piece after piece (in batches, `export-writer.ts`), so a format of millions of characters
 * is never copied into one string first.
 */
export function joinedPieces(parts: readonly string[], separator: string, end = ''): string[] {
  const pieces: string[] = [];
  parts.forEach((part, i) => {
    if (i > 0) pieces.push(separator);
    pieces.push(part);
  });
  if (end) pieces.push(end);
  return pieces;
}
