import { z } from 'zod';
import { AnnotationId, ArticleId, EntityId, NoteId } from './ids';

/*
 * What the renderer stores for notes. The editor is Lexical, but `shared/` knows nothing of
 * Lexical: a note's content is kept as the JSON string of Lexical's serialised editor state, and
 * the two custom nodes the product adds are described here by their serialised shape, so that the
 * exporters (pure code in `shared/`) can read notes without the editor.
 */

const Timestamp = z.number().int().nonnegative();

/**
 * - `comment`: a comment on one highlight or mention (`targetId` is its AnnotationId);
 * - `article`: a note on one article (`targetId` is its ArticleId);
 * - `page`: a page of the project notebook (`targetId` is `''`; `title` and `order` matter).
 */
export const NoteKind = z.enum(['comment', 'article', 'page']);
export type NoteKind = z.infer<typeof NoteKind>;

/** Longest notebook page title: it has to fit in the notebook's list. */
export const NOTE_TITLE_MAX_LENGTH = 200;

export const NoteRecord = z.object({
  id: NoteId,
  kind: NoteKind,
  /** The annotation (comment) or article (article note) the note is about; `''` for a page. */
  targetId: z.string(),
  /** A page's name; `''` for comments and article notes. */
  title: z.string().max(NOTE_TITLE_MAX_LENGTH),
  /** A page's position in the notebook; fractional values let a page move between two others. */
  order: z.number(),
  /** `JSON.stringify` of Lexical's `SerializedEditorState` (`editorState.toJSON()`). */
  content: z.string(),
  /** The note's plain text, for search, for back-links' previews and to recover a corrupt note. */
  text: z.string(),
  /** What the note cites, kept in step with `content` on every save, for back-links. */
  citedAnnotationIds: z.array(AnnotationId),
  citedEntityIds: z.array(EntityId),
  citedArticleIds: z.array(ArticleId),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type NoteRecord = z.infer<typeof NoteRecord>;

/**
 * The serialised form of a quote card: a highlight cited in a note. `quote` and `articleTitle`
 * are copied in when the card is made, so a card whose highlight is later deleted or orphaned
 * still shows (and exports) what it quoted.
 */
export const SerializedQuoteCard = z.object({
  type: z.literal('quote-card'),
  version: z.literal(1),
  annotationId: AnnotationId,
  articleId: ArticleId,
  quote: z.string(),
  articleTitle: z.string(),
});
export type SerializedQuoteCard = z.infer<typeof SerializedQuoteCard>;

/**
 * The serialised form of an entity mention in a note (typed after `@`). `name` is the entity's
 * name when the mention was made; the editor shows the registry's current name, and falls back to
 * this one if the entity was deleted.
 */
export const SerializedEntityMention = z.object({
  type: z.literal('entity-mention'),
  version: z.literal(1),
  entityId: EntityId,
  name: z.string(),
});
export type SerializedEntityMention = z.infer<typeof SerializedEntityMention>;
