import { memo } from 'react';
import type { ArticleContent } from '../../../shared/model/article';

/**
 * The canonical text, one element per line. Rendered once per content: later layers (highlights)
 * paint over it without re-rendering. Boilerplate is dimmed, never removed, so offsets hold.
 */
export const ArticleText = memo(function ArticleText({ content }: { content: ArticleContent }) {
  const lines = content.text.split('\n');
  return (
    <div className="article-text" lang="en">
      {lines.map((line, index) => {
        const info = content.lines[index];
        if (!info || info.kind === 'blank' || line.length === 0) return null;
        const className = info.boilerplate ? 'boilerplate' : undefined;
        const title = info.boilerplate ? 'Site boilerplate: kept in the text, shown dimmed' : undefined;
        const props = { key: index, 'data-line': index, className, title };
        switch (info.kind) {
          case 'heading':
            return <h3 {...props}>{line}</h3>;
          case 'quote':
            return <blockquote {...props}>{line}</blockquote>;
          case 'list-item':
            return (
              <p {...props} className={`list-item ${className ?? ''}`}>
                {line}
              </p>
            );
          default:
            return <p {...props}>{line}</p>;
        }
      })}
    </div>
  );
});
