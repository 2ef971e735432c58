import { CHOSEN_MENTIONS, CURRENT_MENTIONS, SELECTED_MENTION } from './mention-painter';

/**
 * The `::highlight()` rules that paint mentions: a coloured underline and a light tint of the
 * type's colour, so a mention never looks like a highlight (a solid background, no underline).
 */
export function mentionStyleSheet(rules: ReadonlyArray<{ registryName: string; color: string }>): string {
  const types = rules
    .filter((rule) => /^#[0-9a-f]{6}$/i.test(rule.color) && /^[\w-]+$/.test(rule.registryName))
    .map((rule) => `::highlight(${rule.registryName}) { background-color: ${rule.color}1f; text-decoration: underline 2px ${rule.color}; text-underline-offset: 3px; }`);
  return [
    ...types,
    `::highlight(${CHOSEN_MENTIONS}) { background-color: #1f232829; text-decoration: underline 3px #1f2328; text-underline-offset: 3px; }`,
    `::highlight(${SELECTED_MENTION}) { text-decoration: underline wavy 2px #1f2328; text-underline-offset: 3px; }`,
    `::highlight(${CURRENT_MENTIONS}) { background-color: #1f2328; color: #ffffff; }`,
  ].join('\n');
}

/** One constructed style sheet (the CSP forbids inline styles) holding {@link mentionStyleSheet}. */
export function createMentionStyles(doc: Document = document): { update(rules: ReadonlyArray<{ registryName: string; color: string }>): void; dispose(): void } {
  const sheet = new CSSStyleSheet();
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return {
    update: (rules) => sheet.replaceSync(mentionStyleSheet(rules)),
    dispose() {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((candidate) => candidate !== sheet);
    },
  };
}
