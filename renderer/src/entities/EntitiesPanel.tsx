import type { EntityType } from '../../../shared/model/annotation';
import type { EntitySelection } from './entity-selection';
import { SelectedMention } from './SelectedMention';

interface EntitiesPanelProps {
  types: readonly EntityType[];
  selection: EntitySelection;
  onMessage(message: string): void;
}

/** The Entities tab: the clicked mention, the entity index, and the chosen entity's details. */
export function EntitiesPanel({ selection, onMessage }: EntitiesPanelProps) {
  return (
    <aside className="entities" aria-label="Entities">
      {selection.mention && <SelectedMention mention={selection.mention} onMessage={onMessage} />}
    </aside>
  );
}
