import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { anchorAll } from '../../../shared/anchoring/anchor-selectors';
import { createOffsetConverter } from '../../../shared/anchoring/code-points';
import type { AnchorResult } from '../../../shared/anchoring/selectors';
import type { ArticleContent } from '../../../shared/model/article';
import type { HighlightRecord } from '../../../shared/model/annotation';
import type { ArticleId } from '../../../shared/model/ids';
import { useAppServices } from '../app/app-services';
import { loadAnnotations, saveAnchors } from '../db/annotation-store';
import { loadPaintSnapshotByPath, savePaintSnapshot } from '../db/paint-snapshot-store';
import type { PaintSnapshot } from '../db/workbench-db';
import { createIntervalIndex } from './interval-index';
import { createLineIndex, textRangeToDomRange } from './text-geometry';

export interface AnchoredAnnotation {
  record: HighlightRecord;
  result: AnchorResult;
}

/** The key a pane's highlight is painted under: the same article may be open in two panes. */
export function paintKey(paneId: string, annotationId: string): string {
  return `${paneId}:${annotationId}`;
}

/**
 * Anchors an article's stored highlights to the text a pane shows, saves where they landed,
 * paints them, and registers the pane for selection and click hit-testing. When the file changes
 * on disk, the new text is anchored again and a notice says what moved.
 */
export function usePaneHighlights(
  paneId: string,
  content: ArticleContent | null,
  articleId: ArticleId | null,
  root: HTMLElement | null,
  /** Path and hash from the listing, known before the text and the registry id arrive. */
  hint: { path: string; sha256: string } | null,
): { notice: string | null; skipped: string[] } {
  const { db, highlights } = useAppServices();
  const stored = useLiveQuery(() => (articleId ? loadAnnotations(db, articleId) : undefined), [db, articleId]);
  const [notice, setNotice] = useState<string | null>(null);
  const previousHash = useRef<string | null>(null);
  const paintedKeys = useRef(new Map<string, string>());
  const [snapshot, setSnapshot] = useState<PaintSnapshot | null>(null);
  const savedSnapshot = useRef('');

  const hintPath = hint?.path ?? null;
  const hintHash = hint?.sha256 ?? '';
  useEffect(() => {
    setSnapshot(null);
    if (!hintPath || !hintHash) return;
    let cancelled = false;
    void loadPaintSnapshotByPath(db, hintPath, hintHash).then((loaded) => {
      if (!cancelled && loaded) {
        savedSnapshot.current = JSON.stringify(loaded.items);
        setSnapshot(loaded);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [db, hintPath, hintHash]);


  const anchored = useMemo<AnchoredAnnotation[] | null>(() => {
    if (!content || !stored) return null;
    const results = anchorAll(content.text, stored.annotations.map((record) => record.target));
    return stored.annotations.map((record, i) => ({ record, result: results[i] ?? { status: 'orphan', start: -1, end: -1, confidence: 0 } }));
  }, [content, stored]);

  useLayoutEffect(() => {
    // A new text means new DOM nodes: every range must be painted again. A layout effect, so its
    // clean-up runs before the painting below registers the pane again, never after it.
    const painted = paintedKeys;
    return () => {
      for (const key of painted.current.keys()) highlights.painter.erase(key);
      painted.current = new Map();
      highlights.surfaces.set(paneId, null);
    };
  }, [content, root, paneId, highlights]);

  useLayoutEffect(() => {
    // Until every stored highlight is read and anchored, paint where they were last time, if the
    // text is the same: reading thousands of rows from IndexedDB takes far longer than one.
    if (anchored || !snapshot || !content || !root || snapshot.sha256 !== content.summary.sha256) return;
    const offsets = createOffsetConverter(content.text);
    const lineIndex = createLineIndex(content.text);
    const painted = new Map<string, string>();
    for (const [id, legendId, startPoint, endPoint] of snapshot.items) {
      if (endPoint > offsets.codePointLength) continue;
      const start = offsets.toUtf16(startPoint);
      const end = offsets.toUtf16(endPoint);
      const range = textRangeToDomRange(root, lineIndex, start, end);
      if (!range) continue;
      const key = paintKey(paneId, id);
      highlights.painter.paint(key, legendId, range);
      painted.set(key, `${legendId}|${start}|${end}`);
    }
    paintedKeys.current = painted;
    performance.mark('highlights-painted', { detail: painted.size });
  }, [anchored, snapshot, content, root, paneId, highlights]);

  useEffect(() => {
    if (!anchored || !content) return;
    const changed = anchored.filter(({ record, result }) => record.anchor.status !== result.status || record.anchor.start !== result.start || record.anchor.end !== result.end);
    if (changed.length > 0) {
      saveAnchors(db, changed.map(({ record, result }) => ({ id: record.id, anchor: result }))).catch((error: unknown) => console.error('Could not save re-anchored highlights', error));
    }
    const hash = content.summary.sha256;
    if (previousHash.current !== null && previousHash.current !== hash) setNotice(describeReanchoring(anchored.map(({ result }) => result.status)));
    previousHash.current = hash;
    if (articleId && hash) {
      const items = anchored.filter(({ result }) => result.status !== 'orphan').map(({ record, result }): [string, string, number, number] => [record.id, record.legendId, result.start, result.end]);
      const serialised = JSON.stringify(items);
      if (serialised !== savedSnapshot.current) {
        savedSnapshot.current = serialised;
        savePaintSnapshot(db, { articleId, path: content.summary.path, sha256: hash, items }).catch((error: unknown) => console.warn('Could not save the paint snapshot', error));
      }
    }
  }, [anchored, content, db, articleId]);

  // A layout effect: highlights appear in the same frame as the text, not one commit later.
  useLayoutEffect(() => {
    if (!anchored || !content || !root || !articleId) return;
    const offsets = createOffsetConverter(content.text);
    const lineIndex = createLineIndex(content.text);
    const intervals: Array<{ start: number; end: number; value: HighlightRecord['id'] }> = [];
    const wanted = new Map<string, string>();
    for (const { record, result } of anchored) {
      if (result.status === 'orphan') continue;
      const start = offsets.toUtf16(result.start);
      const end = offsets.toUtf16(result.end);
      const key = paintKey(paneId, record.id);
      const signature = `${record.legendId}|${start}|${end}`;
      intervals.push({ start, end, value: record.id });
      wanted.set(key, signature);
      if (paintedKeys.current.get(key) === signature && highlights.painter.rangeOf(key)) continue;
      const range = textRangeToDomRange(root, lineIndex, start, end);
      if (range) highlights.painter.paint(key, record.legendId, range);
    }
    for (const key of paintedKeys.current.keys()) if (!wanted.has(key)) highlights.painter.erase(key);
    paintedKeys.current = wanted;
    // A mark for `npm run bench`: highlights painted for this pane's text.
    performance.mark('highlights-painted', { detail: intervals.length });
    const index = createIntervalIndex(intervals);
    highlights.surfaces.set(paneId, { paneId, root, content, articleId, lineIndex, hitTest: (offset) => index.at(offset) });
  }, [anchored, content, root, articleId, paneId, highlights]);


  return { notice, skipped: stored?.skipped.map((skip) => skip.reason) ?? [] };
}

function describeReanchoring(statuses: readonly AnchorResult['status'][]): string {
  const count = (status: AnchorResult['status']) => statuses.filter((candidate) => candidate === status).length;
  const parts = [
    `${count('exact')} unchanged`,
    `${count('moved')} moved`,
    `${count('fuzzy')} re-found approximately`,
    `${count('orphan')} orphaned`,
  ];
  return `The file changed on disk; highlights re-anchored: ${parts.join(', ')}.`;
}
