import { LEGEND_NAME_MAX_LENGTH, LegendColor, LegendEntry, LegendShortcut } from '../../../shared/model/annotation';
import type { AnnotationId, LegendId } from '../../../shared/model/ids';
import type { WorkbenchDb } from './workbench-db';

/*
 * The legend says what each highlight colour means. Its invariants are the ones a user would
 * otherwise trip over: two colours with the same name cannot be told apart in a menu, two with the
 * same shortcut make Alt+key ambiguous, and a colour in use cannot vanish from under its highlights.
 */

export type LegendErrorCode =
  | 'empty-name'
  | 'name-too-long'
  | 'invalid-colour'
  | 'invalid-shortcut'
  | 'duplicate-name'
  | 'duplicate-shortcut'
  | 'not-found'
  | 'last-entry'
  | 'in-use'
  | 'invalid-reassignment';

/** A legend change the store refused; `message` is written to be shown to the user as is. */
export class LegendError extends Error {
  override name = 'LegendError';

  constructor(
    readonly code: LegendErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A legend entry to save; without `order` it keeps its place, or goes last when it is new. */
export type LegendEntryInput = Omit<LegendEntry, 'order'> & { order?: number };

/** The legend in display order; rows that fail validation are left out (and left stored). */
export async function loadLegend(db: WorkbenchDb): Promise<LegendEntry[]> {
  const rows: unknown[] = await db.legend.orderBy('order').toArray();
  return rows.flatMap((row) => {
    const parsed = LegendEntry.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Creates or replaces a legend entry and returns it as stored: the name trimmed with runs of
 * spaces collapsed, colour and shortcut in lower case. Throws a {@link LegendError} for an empty
 * or overlong name, an invalid colour or shortcut, or a name (ignoring case) or shortcut that
 * another entry already has.
 */
export async function saveLegendEntry(db: WorkbenchDb, input: LegendEntryInput): Promise<LegendEntry> {
  const name = input.name.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (name === '') throw new LegendError('empty-name', 'A colour needs a name');
  if (name.length > LEGEND_NAME_MAX_LENGTH) {
    throw new LegendError('name-too-long', `Colour names can be at most ${LEGEND_NAME_MAX_LENGTH} characters long`);
  }
  const color = input.color.trim().toLowerCase();
  if (!LegendColor.safeParse(color).success) {
    throw new LegendError('invalid-colour', `“${input.color}” is not a colour: write it as #rrggbb, for example #f5d90a`);
  }
  const shortcut = input.shortcut.trim().toLowerCase();
  if (!LegendShortcut.safeParse(shortcut).success) {
    throw new LegendError('invalid-shortcut', `“${input.shortcut}” cannot be a shortcut: use one digit from 1 to 9 or one letter`);
  }
  return db.transaction('rw', db.legend, async () => {
    const legend = await loadLegend(db);
    const others = legend.filter((entry) => entry.id !== input.id);
    const sameName = others.find((entry) => sameNameIgnoringCase(entry.name, name));
    if (sameName) throw new LegendError('duplicate-name', `Another colour is already called “${sameName.name}”`);
    const sameShortcut = others.find((entry) => entry.shortcut.toLowerCase() === shortcut);
    if (sameShortcut) {
      throw new LegendError('duplicate-shortcut', `Alt+${shortcut.toUpperCase()} is already the shortcut for “${sameShortcut.name}”`);
    }
    const order = input.order ?? legend.find((entry) => entry.id === input.id)?.order ?? nextOrder(others);
    const entry: LegendEntry = { id: input.id, name, color, shortcut, order };
    await db.legend.put(entry);
    return entry;
  });
}

/**
 * Deletes a legend entry and returns it with the highlights that were moved off it (what an undo
 * needs to put both back). When highlights use the colour, `reassignTo` must name another entry:
 * they are moved to it in the same transaction. Throws a {@link LegendError} when the entry does
 * not exist, is the last one (a highlight always needs a colour), is in use and no valid
 * `reassignTo` is given.
 */
export async function deleteLegendEntry(
  db: WorkbenchDb,
  id: LegendId,
  options: { reassignTo?: LegendId } = {},
): Promise<{ deleted: LegendEntry; reassigned: AnnotationId[] }> {
  const { reassignTo } = options;
  return db.transaction('rw', db.legend, db.annotations, async () => {
    const legend = await loadLegend(db);
    const deleted = legend.find((entry) => entry.id === id);
    if (!deleted) throw new LegendError('not-found', 'This colour no longer exists');
    if (legend.length === 1) throw new LegendError('last-entry', `“${deleted.name}” is the only colour left; highlights need at least one`);
    if (reassignTo !== undefined && (reassignTo === id || !legend.some((entry) => entry.id === reassignTo))) {
      throw new LegendError('invalid-reassignment', `Highlights cannot be moved from “${deleted.name}” to a colour that is being deleted or does not exist`);
    }
    // The schema has no legendId index: deleting a colour is rare enough that one scan of the
    // highlights here is cheaper overall than maintaining an index on every highlight written.
    const reassigned = await db.annotations.filter((row) => row.legendId === id).primaryKeys();
    if (reassigned.length > 0) {
      if (reassignTo === undefined) {
        const count = reassigned.length === 1 ? '1 highlight uses' : `${reassigned.length} highlights use`;
        throw new LegendError('in-use', `${count} “${deleted.name}”: choose a colour to move them to before deleting it`);
      }
      const now = Date.now();
      await db.annotations.bulkUpdate(reassigned.map((key) => ({ key, changes: { legendId: reassignTo, updatedAt: now } })));
    }
    await db.legend.delete(id);
    return { deleted, reassigned };
  });
}

/** Names compare as a user reads them: "evidence" and "Evidence" clash, "Évidence" does not. */
function sameNameIgnoringCase(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

function nextOrder(entries: readonly LegendEntry[]): number {
  return entries.reduce((max, entry) => Math.max(max, entry.order), 0) + 1;
}
