import { useLiveQuery } from 'dexie-react-hooks';
import type { EntityId } from '../../../../shared/model/ids';
import { useAppServices } from '../../app/app-services';
import { useNoteServices } from '../note-services';

/** A mention reads as the entity's current name, or as the stored one once the entity is deleted. */
export function EntityMention({ entityId, storedName }: { entityId: EntityId; storedName: string }) {
  const { db } = useAppServices();
  const services = useNoteServices();
  const entity = useLiveQuery(async () => (await db.entities.get(entityId)) ?? null, [db, entityId], 'loading' as const);
  const name = entity !== 'loading' && entity ? entity.name : storedName;
  return (
    <button type="button" className={`entity-mention${entity === null ? ' entity-mention-missing' : ''}`} aria-label={`Show entity ${name}`} onClick={() => services.showEntity(entityId, name)}>
      @{name}
    </button>
  );
}
