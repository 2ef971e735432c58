import type { AnnotationId, ArticleId, EntityId } from '../../../shared/model/ids';
import { createIntervalIndex } from '../highlights/interval-index';

/** One mention as a pane shows it: UTF-16 offsets of the pane's canonical text. */
export interface PaneMention {
  id: AnnotationId;
  entityId: EntityId;
  start: number;
  end: number;
}

/** The mentions painted in one pane, in text order, with click hit-testing. */
export interface PaneMentionSet {
  paneId: string;
  articleId: ArticleId;
  mentions: readonly PaneMention[];
  /** Mentions under a UTF-16 offset, innermost first. */
  hitTest(offset: number): AnnotationId[];
}

/** Which mentions each pane paints, for click hit-testing and next/previous mention. */
export interface PaneMentions {
  set(paneId: string, mentions: { articleId: ArticleId; mentions: readonly PaneMention[] } | null): void;
  get(paneId: string): PaneMentionSet | undefined;
  /** The mentions of `entityId` a pane shows, in text order. */
  ofEntity(paneId: string, entityId: EntityId): PaneMention[];
  /** Calls `listener` whenever a pane's mentions change; returns the disposer. */
  subscribe(listener: () => void): () => void;
}

export function createPaneMentions(): PaneMentions {
  const sets = new Map<string, PaneMentionSet>();
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  return {
    set(paneId, value) {
      if (!value) {
        if (sets.delete(paneId)) notify();
        return;
      }
      const mentions = [...value.mentions].sort((a, b) => a.start - b.start || b.end - a.end);
      const index = createIntervalIndex(mentions.map((mention) => ({ start: mention.start, end: mention.end, value: mention.id })));
      sets.set(paneId, { paneId, articleId: value.articleId, mentions, hitTest: (offset) => index.at(offset) });
      notify();
    },
    get: (paneId) => sets.get(paneId),
    ofEntity: (paneId, entityId) => sets.get(paneId)?.mentions.filter((mention) => mention.entityId === entityId) ?? [],
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
