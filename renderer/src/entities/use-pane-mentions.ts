import { useLiveQuery } from 'dexie-react-hooks';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { anchorAll } from '../../../shared/anchoring/anchor-selectors';
import { createOffsetConverter } from '../../../shared/anchoring/code-points';
import type { ArticleContent } from '../../../shared/model/article';
import type { ArticleId } from '../../../shared/model/ids';
import { useAppServices } from '../app/app-services';
import { loadArticleMentions } from '../db/mention-queries';
import { createLineIndex, textRangeToDomRange } from '../highlights/text-geometry';
import { paintKey } from '../highlights/use-pane-highlights';
import type { PaneMention } from './pane-mentions';

/**
 * Anchors an article's entity mentions to the text a pane shows, paints them in their type's
 * colour and registers them for click hit-testing and next/previous mention. Anchoring is the
 * highlights' own (mentions are annotations); where a mention landed is saved by the highlights'
 * pass only for highlights, so a mention re-anchors from its selectors each time the text changes.
 */
export function usePaneMentions(paneId: string, content: ArticleContent | null, articleId: ArticleId | null, root: HTMLElement | null): void {
  const { db, entities } = useAppServices();
  const stored = useLiveQuery(() => (articleId ? loadArticleMentions(db, articleId) : undefined), [db, articleId]);
  const paintedKeys = useRef(new Map<string, string>());

  const anchored = useMemo(() => {
    if (!content || !stored) return null;
    const results = anchorAll(content.text, stored.mentions.map((mention) => mention.target));
    return stored.mentions.map((record, i) => ({ record, result: results[i], typeId: stored.entities.get(record.entityId)?.typeId ?? '' }));
  }, [content, stored]);

  useLayoutEffect(() => {
    const painted = paintedKeys;
    return () => {
      for (const key of painted.current.keys()) entities.painter.erase(key);
      painted.current = new Map();
      entities.panes.set(paneId, null);
    };
  }, [content, root, paneId, entities]);

  useLayoutEffect(() => {
    if (!anchored || !content || !root || !articleId) return;
    const offsets = createOffsetConverter(content.text);
    const lineIndex = createLineIndex(content.text);
    const mentions: PaneMention[] = [];
    const wanted = new Map<string, string>();
    for (const { record, result, typeId } of anchored) {
      if (!result || result.status === 'orphan' || !typeId) continue;
      const start = offsets.toUtf16(result.start);
      const end = offsets.toUtf16(result.end);
      const key = paintKey(paneId, record.id);
      const signature = `${typeId}|${record.entityId}|${start}|${end}`;
      mentions.push({ id: record.id, entityId: record.entityId, start, end });
      wanted.set(key, signature);
      if (paintedKeys.current.get(key) === signature && entities.painter.rangeOf(key)) continue;
      const range = textRangeToDomRange(root, lineIndex, start, end);
      if (range) entities.painter.paint(key, { typeId, entityId: record.entityId }, range);
    }
    for (const key of paintedKeys.current.keys()) if (!wanted.has(key)) entities.painter.erase(key);
    paintedKeys.current = wanted;
    entities.panes.set(paneId, { articleId, mentions });
  }, [anchored, content, root, articleId, paneId, entities]);
}
