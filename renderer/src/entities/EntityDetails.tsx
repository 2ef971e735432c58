import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { Entity, type EntityType } from '../../../shared/model/annotation';
import type { AnnotationId, EntityId } from '../../../shared/model/ids';
import { useAppServices } from '../app/app-services';
import { CitingNotes } from '../notes/CitingNotes';
import type { PassageToReveal } from '../reader/reveal-passage';
import { DeleteEntityDialog } from './DeleteEntityDialog';
import { EntityEditor } from './EntityEditor';
import { EntityMentions } from './EntityMentions';
import { MergeDialog } from './MergeDialog';
import { ReviewQueue } from './ReviewQueue';
import type { MentionStepping } from './use-mention-stepping';
import { errorMessage } from '../../../shared/text/error-message';
import { ErrorAlert } from '../dialogs/ErrorAlert';

interface EntityDetailsProps {
  entityId: EntityId;
  types: readonly EntityType[];
  allEntities: readonly Entity[];
  mentionCount: number;
  titleForPath(path: string): string | undefined;
  reveal(passage: PassageToReveal): void;
  stepping: MentionStepping;
  onMessage(message: string): void;
}

/** The chosen entity: its record to edit, merge, split and delete; its mentions; finding more across the corpus. */
export function EntityDetails({ entityId, types, allEntities, mentionCount, titleForPath, reveal, stepping, onMessage }: EntityDetailsProps) {
  const { db, entities } = useAppServices();
  const entity = useLiveQuery(async () => Entity.safeParse(await db.entities.get(entityId)).data ?? null, [db, entityId]);
  const [error, setError] = useState('');
  const [dialog, setDialog] = useState<'merge' | 'delete' | null>(null);
  const [ticked, setTicked] = useState<ReadonlySet<AnnotationId>>(new Set());
  const [splitName, setSplitName] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);

  if (entity === undefined) return null;
  if (entity === null) return <p className="entity-hint">This entity no longer exists.</p>;
  const type = types.find((candidate) => candidate.id === entity.typeId);

  function run(what: Promise<unknown>, done?: string) {
    setError('');
    what.then(
      () => done && onMessage(done),
      (failure: unknown) => {
        const message = errorMessage(failure);
        setError(message);
        onMessage(message);
      },
    );
  }

  function split(event: FormEvent) {
    event.preventDefault();
    if (!entity || splitName === null) return;
    if (splitName.trim() === '') return setError('The new entity needs a name');
    const ids = [...ticked];
    run(
      entities.actions.split(ids, { typeId: entity.typeId, name: splitName }).then((created) => {
        setTicked(new Set());
        setSplitName(null);
        entities.selection.set({ entityId: created.id, mention: null });
      }),
      `Split ${ids.length} mention${ids.length === 1 ? '' : 's'} off into “${splitName.trim()}”`,
    );
  }

  return (
    <section className="entity-details" aria-label={`Entity ${entity.name}`}>
      <h2>
        <span className="swatch underline" style={{ borderColor: type?.color }} aria-hidden="true" />
        {entity.name} <span className="count">{`${type?.name ?? 'No type'} · ${mentionCount} mention${mentionCount === 1 ? '' : 's'}`}</span>
      </h2>
      <ErrorAlert message={error} />
      <EntityEditor key={entity.id} entity={entity} types={types} run={run} />
      <div className="entity-buttons">
        <button type="button" onClick={() => setSearching(true)} disabled={searching}>
          Find all mentions
        </button>
        <button type="button" onClick={() => setDialog('merge')}>
          Merge into…
        </button>
        <button type="button" onClick={() => (ticked.size === 0 ? setError('Tick the mentions to split off first') : setSplitName(''))}>
          Split ticked mentions…
        </button>
        <button type="button" onClick={() => setDialog('delete')}>
          Delete…
        </button>
      </div>
      {splitName !== null && (
        <form className="split-form" onSubmit={split}>
          <label>
            {`New entity for ${ticked.size} mention${ticked.size === 1 ? '' : 's'}: `}
            <input aria-label="Name of the new entity" value={splitName} onChange={(event) => setSplitName(event.target.value)} />
          </label>
          <button type="submit">Split off</button>
          <button type="button" onClick={() => setSplitName(null)}>
            Cancel
          </button>
        </form>
      )}
      <CitingNotes by="entity" id={entity.id} />
      {searching && <ReviewQueue entity={entity} titleForPath={titleForPath} reveal={reveal} onMessage={onMessage} onClose={() => setSearching(false)} />}
      <h3>Mentions</h3>
      <div className="step-buttons">
        <button type="button" title="Alt+ArrowUp" onClick={() => stepping.step(-1)}>
          Previous mention
        </button>
        <button type="button" title="Alt+ArrowDown" onClick={() => stepping.step(1)}>
          Next mention
        </button>
      </div>
      <EntityMentions
        entityId={entity.id}
        titleForPath={titleForPath}
        ticked={ticked}
        onTick={(id, on) =>
          setTicked((current) => {
            const next = new Set(current);
            if (on) next.add(id);
            else next.delete(id);
            return next;
          })
        }
        onReveal={reveal}
      />
      {dialog === 'merge' && (
        <MergeDialog
          entity={entity}
          entities={allEntities}
          types={types}
          onClose={() => setDialog(null)}
          onMerge={async (intoId) => {
            const into = allEntities.find((candidate) => candidate.id === intoId);
            await entities.actions.merge(entity.id, intoId);
            entities.selection.set({ entityId: intoId, mention: null });
            onMessage(`Merged “${entity.name}” into “${into?.name ?? ''}”`);
          }}
        />
      )}
      {dialog === 'delete' && (
        <DeleteEntityDialog
          entity={entity}
          mentions={mentionCount}
          onClose={() => setDialog(null)}
          onDelete={async () => {
            await entities.actions.delete(entity.id);
            entities.selection.set({ entityId: null, mention: null });
            onMessage(`Deleted “${entity.name}” and its mentions`);
          }}
        />
      )}
    </section>
  );
}
