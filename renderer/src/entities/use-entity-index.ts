import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useAppServices } from '../app/app-services';
import { loadEntityIndex, type EntityIndex } from '../db/entity-index';
import { loadEntityIndexSnapshot, saveEntityIndexSnapshot, snapshotJson } from '../db/entity-index-snapshot';

/**
 * The entity index for the Entities tab: the snapshot of the last one shown at once, then the
 * live read (validated entities and stored totals), kept current by a live query. The snapshot is
 * rewritten whenever the live index differs from it.
 */
export function useEntityIndex(): { index: EntityIndex | undefined; live: boolean } {
  const { db } = useAppServices();
  const live = useLiveQuery(() => loadEntityIndex(db), [db]);
  const [snapshot, setSnapshot] = useState<EntityIndex | null>(null);
  const saved = useRef<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    void loadEntityIndexSnapshot(db).then((loaded) => !cancelled && setSnapshot(loaded));
    return () => {
      cancelled = true;
    };
  }, [db]);

  useEffect(() => {
    if (!live) return;
    requestAnimationFrame(() => performance.mark('entity-index-live', { detail: live.entities.length }));
    const json = snapshotJson(live);
    if (json === saved.current) return;
    saved.current = json;
    saveEntityIndexSnapshot(db, json).catch((error: unknown) => console.warn('Could not save the entity index snapshot', error));
  }, [live, db]);

  return { index: live ?? snapshot ?? undefined, live: live !== undefined };
}
