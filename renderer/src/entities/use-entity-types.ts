import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import type { EntityType } from '../../../shared/model/annotation';
import { useAppServices } from '../app/app-services';
import { loadEntityTypes } from '../db/entity-type-store';

/** The entity types in menu order (empty while loading), keeping the mention paint styles in step with their colours. */
export function useEntityTypes(): EntityType[] {
  const { db, entities } = useAppServices();
  const types = useLiveQuery(() => loadEntityTypes(db), [db]);
  useEffect(() => {
    entities.styles.update((types ?? []).map((type) => ({ registryName: entities.painter.registryName(type.id), color: type.color })));
  }, [types, entities]);
  return types ?? [];
}
