import { z } from 'zod';
import { AnchorResult, AnchorSelectors } from '../anchoring/selectors';
import { AnnotationId, ArticleId, EntityId, EntityTypeId, LegendId } from './ids';

/*
 * What the renderer stores for highlights, entity mentions, their colours and the entities
 * themselves. Rows read back from IndexedDB are parsed with these schemas, because the database
 * outlives any one version of the code: a row written by a buggy build, or edited by hand in
 * DevTools, must be recognised as such and skipped, never trusted and never allowed to break the
 * reader.
 */

/** Milliseconds since the epoch, as `Date.now()` returns. */
const Timestamp = z.number().int().nonnegative();

/*
 * Fields every annotation has, after its `kind` and what the kind points at. Spread last so that a
 * row's problems are reported in the order the fields are read: kind, then colour or entity.
 * - `target` is what was selected (W3C TextQuote + TextPosition selectors, code points); it only
 *   changes when the user re-selects the passage.
 * - `anchor` caches where `target` was last found in the current text (code points; an orphan has
 *   `start = end = -1`), so the reader can paint without re-anchoring an unchanged article.
 */
const anchoredFields = {
  comment: z.string(),
  target: AnchorSelectors,
  anchor: AnchorResult,
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

/**
 * A highlight on one article, in one colour of the legend. `entityId` is declared absent so that
 * code reading any annotation can test `row.entityId` without first narrowing on `kind`.
 */
export const HighlightRecord = z.object({
  id: AnnotationId,
  articleId: ArticleId,
  kind: z.literal('highlight'),
  legendId: LegendId,
  entityId: z.never().optional(),
  ...anchoredFields,
});
export type HighlightRecord = z.infer<typeof HighlightRecord>;

/**
 * A passage the user tagged as naming an entity, anchored exactly like a highlight. It has no
 * colour of its own (its entity's type gives it one); `legendId` is declared absent so that code
 * scanning the table for a colour, such as deleting a legend entry, can never match a mention.
 */
export const MentionRecord = z.object({
  id: AnnotationId,
  articleId: ArticleId,
  kind: z.literal('mention'),
  entityId: EntityId,
  legendId: z.never().optional(),
  ...anchoredFields,
});
export type MentionRecord = z.infer<typeof MentionRecord>;

/** Any row of the annotations table: highlights and mentions share it, and its anchoring. */
export const AnnotationRecord = z.discriminatedUnion('kind', [HighlightRecord, MentionRecord]);
export type AnnotationRecord = z.infer<typeof AnnotationRecord>;

/** The stored anchoring result of a highlight or mention (an {@link AnchorResult}). */
export type StoredAnchor = AnnotationRecord['anchor'];

/** Longest colour name the legend accepts: it has to fit in a menu row and a legend chip. */
export const LEGEND_NAME_MAX_LENGTH = 60;

/** `#rrggbb`: the one colour syntax both CSS and every export format understand. */
export const LegendColor = z.string().regex(/^#[0-9a-f]{6}$/i, { message: 'must be a colour written #rrggbb' });

/**
 * The key pressed with Alt to apply the colour. Only ASCII digits and letters, so that the shortcut
 * can be matched on the physical key (`KeyboardEvent.code`): on macOS, Option changes the character
 * typed (Option+E is a dead key), so `KeyboardEvent.key` cannot be trusted with Alt held.
 */
export const LegendShortcut = z.string().regex(/^[1-9a-z]$/i, { message: 'must be one digit 1–9 or one letter a–z' });

/** One colour of the highlight legend: what a colour means in this user's research. */
export const LegendEntry = z.object({
  id: LegendId,
  name: z
    .string()
    .max(LEGEND_NAME_MAX_LENGTH)
    .refine((name) => name.trim().length > 0, { message: 'must not be empty' }),
  color: LegendColor,
  shortcut: LegendShortcut,
  /** Position in menus and the legend; fractional values let a row move between two others. */
  order: z.number(),
});
export type LegendEntry = z.infer<typeof LegendEntry>;

/** Longest entity type name: like a colour name, it has to fit in a menu row and a chip. */
export const ENTITY_TYPE_NAME_MAX_LENGTH = 60;

/**
 * The letter pressed with Alt+Shift to tag the selection with an entity of this type. Letters only,
 * matched on the physical key for the reason given at {@link LegendShortcut}; Shift keeps them apart
 * from the legend's Alt+letter shortcuts.
 */
export const EntityTypeShortcut = z.string().regex(/^[a-z]$/i, { message: 'must be one letter a–z' });

/** A kind of entity (Person, Organisation...): what its mentions are painted with. */
export const EntityType = z.object({
  id: EntityTypeId,
  name: z
    .string()
    .max(ENTITY_TYPE_NAME_MAX_LENGTH)
    .refine((name) => name.trim().length > 0, { message: 'must not be empty' }),
  color: LegendColor,
  shortcut: EntityTypeShortcut,
  /** Position in menus; fractional values let a row move between two others. */
  order: z.number(),
});
export type EntityType = z.infer<typeof EntityType>;

/** Longest entity name or alias: long enough for "Democratic Republic of the Congo", short enough for a menu. */
export const ENTITY_NAME_MAX_LENGTH = 200;

const EntityName = z
  .string()
  .max(ENTITY_NAME_MAX_LENGTH)
  .refine((name) => name.trim().length > 0, { message: 'must not be empty' });

/** A Wikidata item id such as `Q57421`, the one external authority exports link entities to. */
export const WikidataId = z.string().regex(/^Q\d+$/, { message: 'must be a Wikidata id such as Q57421' });

/** One real-world thing the corpus names, whatever words each article uses for it. */
export const Entity = z.object({
  id: EntityId,
  typeId: EntityTypeId,
  /** The canonical name, as exports and lists show it. */
  name: EntityName,
  /** Other names found in the corpus ("Kagame", "@PaulKagame"); never the canonical name itself. */
  aliases: z.array(EntityName),
  description: z.string(),
  /** A Wikidata id, or `''` when the entity is not linked. */
  externalId: z.union([WikidataId, z.literal('')]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Entity = z.infer<typeof Entity>;

/**
 * The id of a rejected hit: one per entity and place, so rejecting the same hit twice stores one
 * row, and the next search can look a hit up without scanning.
 */
export function rejectedHitId(entityId: EntityId, articleId: ArticleId, start: number, end: number): string {
  return `${entityId}|${articleId}|${start}|${end}`;
}

const CodePointOffset = z.number().int().nonnegative();

/**
 * A place a corpus-wide search proposed as a mention of `entityId` and the user said is not one
 * (`start`/`end` in code points of the article's canonical text), so that the next search leaves
 * it out instead of proposing it again.
 */
export const RejectedHit = z
  .object({
    id: z.string(),
    entityId: EntityId,
    articleId: ArticleId,
    start: CodePointOffset,
    end: CodePointOffset,
    /** The words rejected, to show in a list of rejections and to notice that the text changed. */
    quote: z.string(),
    createdAt: Timestamp,
  })
  .refine((hit) => hit.end > hit.start, { message: 'end must be after start' })
  .refine((hit) => hit.id === rejectedHitId(hit.entityId, hit.articleId, hit.start, hit.end), { message: 'id must be entityId|articleId|start|end' });
export type RejectedHit = z.infer<typeof RejectedHit>;
