import { collapseWhiteSpace } from '../../../shared/text/white-space';

/**
 * How pasted text enters a note: one paragraph per line, and, when the text is the passage the
 * user last copied from an article, a citation of that article after it. Pure, for tests.
 */
export interface PastePlan {
  paragraphs: string[];
  /** The article title to cite after the text, or `null`. */
  citeTitle: string | null;
}

/** Whitespace-insensitive form: copying from the reader may add or drop line breaks and spaces. */
function squash(text: string): string {
  return collapseWhiteSpace(text);
}

/** Plans the paste of `text`; `copied` is the passage last copied from a reading pane, if any. */
export function planPaste(text: string, copied: { text: string; articleTitle: string } | null): PastePlan {
  const paragraphs = text.replace(/\r\n?/g, '\n').split('\n');
  if (paragraphs.length > 1 && paragraphs[paragraphs.length - 1] === '') paragraphs.pop();
  const fromArticle = copied !== null && squash(copied.text) !== '' && squash(copied.text) === squash(text);
  return { paragraphs, citeTitle: fromArticle ? copied.articleTitle : null };
}
