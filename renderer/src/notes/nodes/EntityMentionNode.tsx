import { $applyNodeReplacement, DecoratorNode, type DOMExportOutput, type LexicalNode, type NodeKey, type SerializedLexicalNode } from 'lexical';
import type { JSX } from 'react';
import { SerializedEntityMention } from '../../../../shared/model/note';
import type { EntityId } from '../../../../shared/model/ids';
import { EntityMention } from './EntityMention';

/**
 * An entity named in a note (typed after `@`). Inline; it reads as the entity's current name in
 * the registry, and as `name` (its name when mentioned) if the entity was deleted. Serialised
 * exactly as `SerializedEntityMention` (shared/model/note.ts).
 */
export class EntityMentionNode extends DecoratorNode<JSX.Element> {
  __entityId: EntityId;
  __name: string;

  static override getType(): string {
    return 'entity-mention';
  }

  static override clone(node: EntityMentionNode): EntityMentionNode {
    return new EntityMentionNode(node.__entityId, node.__name, node.__key);
  }

  /** Refuses a malformed mention (throws), so a damaged note is recognised as such and opens read-only. */
  static override importJSON(serialized: SerializedLexicalNode & Record<string, unknown>): EntityMentionNode {
    const { entityId, name } = SerializedEntityMention.parse(serialized);
    return $createEntityMentionNode(entityId, name);
  }

  constructor(entityId: EntityId, name: string, key?: NodeKey) {
    super(key);
    this.__entityId = entityId;
    this.__name = name;
  }

  override exportJSON(): SerializedEntityMention & SerializedLexicalNode {
    const latest = this.getLatest();
    return { type: 'entity-mention', version: 1, entityId: latest.__entityId, name: latest.__name };
  }

  getEntityId(): EntityId {
    return this.getLatest().__entityId;
  }

  override createDOM(): HTMLElement {
    const element = document.createElement('span');
    element.className = 'entity-mention-inline';
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  override exportDOM(): DOMExportOutput {
    const element = document.createElement('span');
    element.textContent = this.__name;
    return { element };
  }

  override getTextContent(): string {
    return this.__name;
  }

  override isInline(): true {
    return true;
  }

  override isKeyboardSelectable(): boolean {
    return true;
  }

  override decorate(): JSX.Element {
    return <EntityMention entityId={this.__entityId} storedName={this.__name} />;
  }
}

export function $createEntityMentionNode(entityId: EntityId, name: string): EntityMentionNode {
  return $applyNodeReplacement(new EntityMentionNode(entityId, name));
}

export function $isEntityMentionNode(node: LexicalNode | null | undefined): node is EntityMentionNode {
  return node instanceof EntityMentionNode;
}
