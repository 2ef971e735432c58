import { useSyncExternalStore } from 'react';
import { useAppServices } from '../app/app-services';
import type { EntitySelection } from './entity-selection';

/** The chosen entity and mention, re-rendering when either changes. */
export function useEntitySelection(): EntitySelection {
  const { entities } = useAppServices();
  return useSyncExternalStore(entities.selection.subscribe, entities.selection.get);
}
