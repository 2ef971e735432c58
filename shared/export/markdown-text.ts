/*
 * Markdown escaping shared by the report and the notebook conversion. CommonMark gives every ASCII
 * punctuation character a backslash escape; escaping only the ones that can start or end markup
 * keeps the report readable as plain text while no quote can turn into a heading, a list, a link
 * or emphasis.
 */

const INLINE_SPECIAL = /[\\`*_[\]<>|~]/g;

/** Escapes text so that Markdown shows it as written, wherever it sits on a line. */
export function escapeMarkdownInline(text: string): string {
  return text.replace(INLINE_SPECIAL, '\\$&');
}

/** Escapes what would be read as block markup at the start of a line (`#`, `>`, `-`, `1.`). */
export function escapeMarkdownLineStart(line: string): string {
  return line.replace(/^(\s*)([#>+\-=]|\d+[.)])/, (_match, space: string, marker: string) => `${space}${marker.replace(/([#>+\-=.)])$/, '\\$1')}`);
}

/** Escapes a whole paragraph of text: inline markup everywhere and block markup at each line start. */
export function escapeMarkdownText(text: string): string {
  if (!text.includes('\n')) return escapeMarkdownLineStart(escapeMarkdownInline(text));
  return text
    .split('\n')
    .map((line) => escapeMarkdownLineStart(escapeMarkdownInline(line)))
    .join('\n');
}

/** Prefixes every line with `> ` (a bare `>` for blank lines), making a block quote of `block`. */
export function blockQuote(block: string): string {
  if (!block.includes('\n')) return block.length > 0 ? `> ${block}` : '>';
  return block
    .split('\n')
    .map((line) => (line.length > 0 ? `> ${line}` : '>'))
    .join('\n');
}

/** A link destination in angle brackets, so that spaces and parentheses in URLs survive. */
export function linkDestination(url: string): string {
  return `<${url.replace(/[<>\n]/g, (char) => encodeURIComponent(char))}>`;
}
