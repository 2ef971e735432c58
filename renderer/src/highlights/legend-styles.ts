/**
 * Keeps one constructed style sheet with a `::highlight()` rule per legend colour. Constructed
 * sheets are not inline styles, so the strict Content-Security-Policy stays as it is.
 */
export function createLegendStyles(doc: Document = document): { update(rules: Array<{ registryName: string; color: string }>): void; dispose(): void } {
  const sheet = new CSSStyleSheet();
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return {
    update(rules) {
      const css = rules
        .filter((rule) => /^#[0-9a-f]{6}$/i.test(rule.color) && /^[\w-]+$/.test(rule.registryName))
        .map((rule) => `::highlight(${rule.registryName}) { background-color: ${rule.color}66; }`)
        .join('\n');
      sheet.replaceSync(`${css}\n::highlight(wb-selected) { text-decoration: underline 2px #1f2328; text-underline-offset: 3px; }`);
    },
    dispose() {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((candidate) => candidate !== sheet);
    },
  };
}
