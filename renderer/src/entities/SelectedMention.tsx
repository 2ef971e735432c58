import { useLiveQuery } from 'dexie-react-hooks';
import { Entity, MentionRecord } from '../../../shared/model/annotation';
import { useAppServices } from '../app/app-services';
import { annotationRowsByIds } from '../db/annotation-packs';
import type { EntitySelection } from './entity-selection';
import { errorMessage } from '../../../shared/text/error-message';

interface SelectedMentionProps {
  mention: NonNullable<EntitySelection['mention']>;
  onMessage(message: string): void;
}

/** The mention clicked in a pane: its words, its entity, untag, and the other mentions under the same click (nested ones). */
export function SelectedMention({ mention, onMessage }: SelectedMentionProps) {
  const { db, entities } = useAppServices();
  const rows = useLiveQuery(async () => {
    const records = (await annotationRowsByIds(db, [...mention.candidates])).flatMap((row) => {
      const parsed = MentionRecord.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    });
    const named = await db.entities.bulkGet(records.map((record) => record.entityId));
    return records.map((record, i) => ({ record, entity: Entity.safeParse(named[i]).data }));
  }, [db, mention]);
  const current = rows?.find((row) => row.record.id === mention.id);
  if (!rows) return null;
  if (!current) return <p className="entity-hint">That mention was removed.</p>;
  return (
    <section className="selected-mention" aria-label="Selected mention">
      <p>
        {`“${current.record.target.quote.exact}”`} tags <strong>{current.entity?.name ?? 'an entity that no longer exists'}</strong>
      </p>
      <button
        type="button"
        onClick={() => {
          void entities.actions.untag([current.record.id]).then(
            () => {
              entities.selection.set({ entityId: current.record.entityId, mention: null });
              onMessage(`Removed the mention “${current.record.target.quote.exact}”`);
            },
            (error: unknown) => onMessage(errorMessage(error)),
          );
        }}
      >
        Untag
      </button>
      {rows.length > 1 && (
        <div role="group" aria-label="Mentions under the click">
          {rows.map(({ record, entity }) => (
            <button
              key={record.id}
              type="button"
              aria-pressed={record.id === mention.id}
              onClick={() => entities.selection.set({ entityId: record.entityId, mention: { ...mention, id: record.id } })}
            >
              {`“${record.target.quote.exact}” (${entity?.name ?? '?'})`}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
