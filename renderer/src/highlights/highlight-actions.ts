import { describeRange } from '../../../shared/anchoring/describe-range';
import { createOffsetConverter } from '../../../shared/anchoring/code-points';
import type { HighlightRecord } from '../../../shared/model/annotation';
import { newAnnotationId, type AnnotationId, type ArticleId, type LegendId } from '../../../shared/model/ids';
import { getAnnotation } from '../db/annotation-packs';
import { deleteAnnotation, putAnnotation, updateAnnotation } from '../db/annotation-store';
import type { WorkbenchDb } from '../db/workbench-db';
import type { UndoStack } from './undo-stack';

/** A stretch of an article's canonical text in UTF-16 indices, as the DOM reports it. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * Every highlight operation, each recorded on the undo stack with its inverse. Selectors are
 * stored in code points (W3C); the conversion from the DOM's UTF-16 happens here, explicitly.
 */
export interface HighlightActions {
  create(articleId: ArticleId, text: string, span: TextSpan, legendId: LegendId): Promise<HighlightRecord>;
  remove(id: AnnotationId): Promise<void>;
  recolour(id: AnnotationId, legendId: LegendId): Promise<void>;
  comment(id: AnnotationId, comment: string): Promise<void>;
  /** Gives an orphan (or any highlight) new words to hold on to. */
  reattach(id: AnnotationId, text: string, span: TextSpan): Promise<void>;
}

export function createHighlightActions(db: WorkbenchDb, undo: UndoStack): HighlightActions {
  function selectorsFor(text: string, span: TextSpan) {
    const offsets = createOffsetConverter(text);
    const range = { start: offsets.toCodePoint(span.start, 'floor'), end: offsets.toCodePoint(span.end, 'ceil') };
    return { target: describeRange(text, range, offsets), anchor: { status: 'exact' as const, start: range.start, end: range.end, confidence: 1 } };
  }

  async function existing(id: AnnotationId): Promise<HighlightRecord> {
    const record = await getAnnotation(db, id);
    // The packs also hold entity mentions; those are edited through the entity actions.
    if (!record || record.kind !== 'highlight') throw new Error('That highlight no longer exists');
    return record;
  }

  return {
    async create(articleId, text, span, legendId) {
      const now = Date.now();
      const record: HighlightRecord = { id: newAnnotationId(), articleId, kind: 'highlight', legendId, comment: '', ...selectorsFor(text, span), createdAt: now, updatedAt: now };
      await putAnnotation(db, record);
      undo.push({ label: 'highlight', undo: () => deleteAnnotation(db, record.id), redo: () => putAnnotation(db, record) });
      return record;
    },
    async remove(id) {
      const record = await existing(id);
      await deleteAnnotation(db, id);
      undo.push({ label: 'delete highlight', undo: () => putAnnotation(db, record), redo: () => deleteAnnotation(db, id) });
    },
    async recolour(id, legendId) {
      const before = (await existing(id)).legendId;
      if (before === legendId) return;
      await updateAnnotation(db, id, { legendId });
      undo.push({ label: 'recolour highlight', undo: () => updateAnnotation(db, id, { legendId: before }), redo: () => updateAnnotation(db, id, { legendId }) });
    },
    async comment(id, comment) {
      const before = (await existing(id)).comment;
      if (before === comment) return;
      await updateAnnotation(db, id, { comment });
      undo.push({ label: 'edit comment', undo: () => updateAnnotation(db, id, { comment: before }), redo: () => updateAnnotation(db, id, { comment }) });
    },
    async reattach(id, text, span) {
      const before = await existing(id);
      const after = selectorsFor(text, span);
      await updateAnnotation(db, id, after);
      undo.push({
        label: 're-attach highlight',
        undo: () => updateAnnotation(db, id, { target: before.target, anchor: before.anchor }),
        redo: () => updateAnnotation(db, id, after),
      });
    },
  };
}
