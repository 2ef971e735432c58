import { z } from 'zod';

/*
 * Branded ids: all are strings at runtime, but the compiler refuses an `AnnotationId` where an
 * `ArticleId` is expected. The brands come from zod so that rows parsed from IndexedDB carry them
 * without casts. New ids are random UUIDs: they never collide across machines, so exported notes
 * and highlights can later be merged without renumbering.
 */

/** Identifies one article across renames and edits (see the article registry). */
export const ArticleId = z.string().min(1).brand<'ArticleId'>();
export type ArticleId = z.infer<typeof ArticleId>;

/** Identifies one annotation: a highlight or a mention of an entity (see `annotation.ts`). */
export const AnnotationId = z.string().min(1).brand<'AnnotationId'>();
export type AnnotationId = z.infer<typeof AnnotationId>;

/** Identifies one colour of the highlight legend. */
export const LegendId = z.string().min(1).brand<'LegendId'>();
export type LegendId = z.infer<typeof LegendId>;

/** Identifies one named entity (a person, an organisation, a place...) across the whole corpus. */
export const EntityId = z.string().min(1).brand<'EntityId'>();
export type EntityId = z.infer<typeof EntityId>;

/** Identifies one kind of entity (Person, Organisation...), which gives its mentions their colour. */
export const EntityTypeId = z.string().min(1).brand<'EntityTypeId'>();
export type EntityTypeId = z.infer<typeof EntityTypeId>;

/** A fresh, globally unique {@link ArticleId}. */
export function newArticleId(): ArticleId {
  return ArticleId.parse(globalThis.crypto.randomUUID());
}

/** A fresh, globally unique {@link AnnotationId}. */
export function newAnnotationId(): AnnotationId {
  return AnnotationId.parse(globalThis.crypto.randomUUID());
}

/** A fresh, globally unique {@link LegendId}. */
export function newLegendId(): LegendId {
  return LegendId.parse(globalThis.crypto.randomUUID());
}

/** A fresh, globally unique {@link EntityId}. */
export function newEntityId(): EntityId {
  return EntityId.parse(globalThis.crypto.randomUUID());
}

/** A fresh, globally unique {@link EntityTypeId}. */
export function newEntityTypeId(): EntityTypeId {
  return EntityTypeId.parse(globalThis.crypto.randomUUID());
}

/** Identifies one note: a comment, an article note or a notebook page (see `note.ts`). */
export const NoteId = z.string().min(1).brand<'NoteId'>();
export type NoteId = z.infer<typeof NoteId>;

/** A fresh, globally unique {@link NoteId}. */
export function newNoteId(): NoteId {
  return NoteId.parse(globalThis.crypto.randomUUID());
}
