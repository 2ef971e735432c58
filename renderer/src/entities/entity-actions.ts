import { createOffsetConverter, type OffsetConverter } from '../../../shared/anchoring/code-points';
import { describeRange, type CodePointRange } from '../../../shared/anchoring/describe-range';
import type { Entity, MentionRecord } from '../../../shared/model/annotation';
import { newAnnotationId, type AnnotationId, type ArticleId, type EntityId, type EntityTypeId } from '../../../shared/model/ids';
import { editChanges, isEmptyChangeSet, joinChanges, restoreRows, type EntityChangeSet } from '../db/entity-change-set';
import type { NewEntity } from '../db/entity-rules';
import { createEntity, deleteEntity, mergeEntities, renameEntity, setAliases, setEntityType, splitMentions, updateEntity, type EntityDetails } from '../db/entity-store';
import { addMentions, rejectHits, removeMentions } from '../db/mention-store';
import { entityWriteTables } from '../db/mention-count-store';
import type { WorkbenchDb } from '../db/workbench-db';
import type { TextSpan } from '../highlights/highlight-actions';
import type { UndoStack } from '../highlights/undo-stack';

/** A place a corpus-wide search proposes as a mention of `entityId`; `span` in UTF-16 indices of `text`. */
export interface EntityHit {
  entityId: EntityId;
  articleId: ArticleId;
  /** The article's canonical text, in which `span` lies. */
  text: string;
  span: TextSpan;
}

/**
 * Every entity operation, each recorded on the undo stack (the one highlights use, so Ctrl+Z walks
 * back through both in the order they were made). Each undo writes back exactly the rows the
 * operation replaced, from the change set the store returned. Selectors are stored in code points
 * (W3C); the conversion from the DOM's UTF-16 happens here, explicitly.
 */
export interface EntityActions {
  /** Tags `span` of the article as a mention of an existing entity; tagging the same words again returns the mention already there. */
  tagMention(articleId: ArticleId, text: string, span: TextSpan, entityId: EntityId): Promise<MentionRecord>;
  /** Creates an entity and tags `span` with it, as one step (and one undo). */
  createEntityAndTag(articleId: ArticleId, text: string, span: TextSpan, entity: NewEntity): Promise<{ entity: Entity; mention: MentionRecord }>;
  /** Removes mentions, leaving their entities. */
  untag(mentionIds: readonly AnnotationId[]): Promise<void>;
  rename(id: EntityId, name: string): Promise<void>;
  setAliases(id: EntityId, aliases: readonly string[]): Promise<void>;
  /** Gives the entity another type. */
  setType(id: EntityId, typeId: EntityTypeId): Promise<void>;
  /** Changes the description or the Wikidata id. */
  update(id: EntityId, details: EntityDetails): Promise<void>;
  /** Merges `fromId` into `intoId` (see `mergeEntities`). */
  merge(fromId: EntityId, intoId: EntityId): Promise<void>;
  /** Moves the given mentions to a new entity, which it returns. */
  split(mentionIds: readonly AnnotationId[], entity: NewEntity): Promise<Entity>;
  /** Deletes an entity with its mentions. */
  delete(id: EntityId): Promise<void>;
  /** Tags every hit at once: one transaction, one undo. Returns the mention standing at each hit. */
  acceptHits(hits: readonly EntityHit[]): Promise<MentionRecord[]>;
  /** Records a hit as not being a mention, so that searches stop proposing it. */
  rejectHit(hit: EntityHit): Promise<void>;
  /** {@link EntityActions.rejectHit} for many hits: one transaction, one undo. */
  rejectHits(hits: readonly EntityHit[]): Promise<void>;
}

/** The entity actions writing to `db` and recording on `undo`. */
export function createEntityActions(db: WorkbenchDb, undo: UndoStack): EntityActions {
  function record(label: string, changes: EntityChangeSet): void {
    if (isEmptyChangeSet(changes)) return;
    undo.push({ label, undo: () => restoreRows(db, changes, 'before'), redo: () => restoreRows(db, changes, 'after') });
  }

  /*
   * A batch of hits usually falls in a few articles; building a converter scans the whole text,
   * so each batch builds one per text. The map is keyed by the string itself: hits of one article
   * share one string, and looking it up again is then a pointer comparison.
   */
  function converterFor(): (text: string) => OffsetConverter {
    const converters = new Map<string, OffsetConverter>();
    return (text) => {
      let offsets = converters.get(text);
      if (!offsets) converters.set(text, (offsets = createOffsetConverter(text)));
      return offsets;
    };
  }

  /** A span that splits a surrogate pair grows to the whole character, never shrinks to nothing. */
  function codePoints(offsets: OffsetConverter, span: TextSpan): CodePointRange {
    return { start: offsets.toCodePoint(span.start, 'floor'), end: offsets.toCodePoint(span.end, 'ceil') };
  }

  function mention(articleId: ArticleId, offsets: OffsetConverter, span: TextSpan, entityId: EntityId): MentionRecord {
    const range = codePoints(offsets, span);
    const now = Date.now();
    return {
      id: newAnnotationId(),
      articleId,
      kind: 'mention',
      entityId,
      comment: '',
      target: describeRange(offsets.text, range, offsets),
      anchor: { status: 'exact', start: range.start, end: range.end, confidence: 1 },
      createdAt: now,
      updatedAt: now,
    };
  }

  async function tag(label: string, hits: readonly EntityHit[]): Promise<MentionRecord[]> {
    const offsetsOf = converterFor();
    const records = hits.map((hit) => mention(hit.articleId, offsetsOf(hit.text), hit.span, hit.entityId));
    const { mentions, changes } = await addMentions(db, records);
    record(label, changes);
    return mentions;
  }

  async function reject(hits: readonly EntityHit[]): Promise<void> {
    const offsetsOf = converterFor();
    const rows = hits.map(({ entityId, articleId, text, span }) => {
      const offsets = offsetsOf(text);
      const { start, end } = codePoints(offsets, span);
      return { entityId, articleId, start, end, quote: text.slice(offsets.toUtf16(start), offsets.toUtf16(end)) };
    });
    record(hits.length === 1 ? 'reject hit' : `reject ${hits.length} hits`, await rejectHits(db, rows));
  }

  return {
    async tagMention(articleId, text, span, entityId) {
      const [tagged] = await tag('tag mention', [{ articleId, text, span, entityId }]);
      if (!tagged) throw new Error('The mention was not stored');
      return tagged;
    },
    async createEntityAndTag(articleId, text, span, input) {
      const offsets = createOffsetConverter(text);
      // One transaction: a failure to tag must not leave behind an entity nobody asked for alone.
      const { entity, mention: stored, changes } = await db.transaction('rw', entityWriteTables(db), async () => {
        const entity = await createEntity(db, input);
        const added = await addMentions(db, [mention(articleId, offsets, span, entity.id)]);
        const created: EntityChangeSet = { entities: [{ key: entity.id, before: undefined, after: entity }], mentions: [], rejectedHits: [] };
        return { entity, mention: added.mentions[0], changes: joinChanges(created, added.changes) };
      });
      if (!stored) throw new Error('The mention was not stored');
      record(`tag new entity “${entity.name}”`, changes);
      return { entity, mention: stored };
    },
    async untag(mentionIds) {
      record(mentionIds.length === 1 ? 'remove mention' : `remove ${mentionIds.length} mentions`, await removeMentions(db, mentionIds));
    },
    async rename(id, name) {
      record('rename entity', editChanges(await renameEntity(db, id, name)));
    },
    async setAliases(id, aliases) {
      record('edit aliases', editChanges(await setAliases(db, id, aliases)));
    },
    async setType(id, typeId) {
      record('change entity type', editChanges(await setEntityType(db, id, typeId)));
    },
    async update(id, details) {
      record('edit entity', editChanges(await updateEntity(db, id, details)));
    },
    async merge(fromId, intoId) {
      record('merge entities', await mergeEntities(db, fromId, intoId));
    },
    async split(mentionIds, input) {
      const { entity, changes } = await splitMentions(db, mentionIds, input);
      record('split entity', changes);
      return entity;
    },
    async delete(id) {
      record('delete entity', await deleteEntity(db, id));
    },
    acceptHits(hits) {
      return tag(hits.length === 1 ? 'accept hit' : `accept ${hits.length} hits`, hits);
    },
    rejectHit(hit) {
      return reject([hit]);
    },
    rejectHits(hits) {
      return reject(hits);
    },
  };
}
