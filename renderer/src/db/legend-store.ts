import { LEGEND_NAME_MAX_LENGTH, LegendEntry, LegendShortcut } from '../../../shared/model/annotation';
import type { AnnotationId, LegendId } from '../../../shared/model/ids';
import { nextOrder, normaliseColourKey, refuseClashes, type ColourKeyRules } from './colour-key-rules';
import { allAnnotationRows, rewriteAnnotations } from './annotation-packs';
import { fieldOf, idOfRow } from './annotation-pack';
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

const RULES: ColourKeyRules = {
  maxNameLength: LEGEND_NAME_MAX_LENGTH,
  shortcut: LegendShortcut,
  wording: {
    emptyName: 'A colour needs a name',
    namesPlural: 'Colour names',
    exampleColour: '#f5d90a',
    shortcutHint: 'use one digit from 1 to 9 or one letter',
    entry: 'colour',
    modifier: 'Alt+',
  },
  refuse: (code, message) => new LegendError(code, message),
};

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
  const checked = normaliseColourKey(input, RULES);
  return db.transaction('rw', db.legend, async () => {
    const legend = await loadLegend(db);
    const others = legend.filter((entry) => entry.id !== input.id);
    refuseClashes(others, checked, RULES);
    const order = input.order ?? legend.find((entry) => entry.id === input.id)?.order ?? nextOrder(others);
    const entry: LegendEntry = { id: input.id, ...checked, order };
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
  return db.transaction('rw', db.legend, db.annotationPacks, async () => {
    const legend = await loadLegend(db);
    const deleted = legend.find((entry) => entry.id === id);
    if (!deleted) throw new LegendError('not-found', 'This colour no longer exists');
    if (legend.length === 1) throw new LegendError('last-entry', `“${deleted.name}” is the only colour left; highlights need at least one`);
    if (reassignTo !== undefined && (reassignTo === id || !legend.some((entry) => entry.id === reassignTo))) {
      throw new LegendError('invalid-reassignment', `Highlights cannot be moved from “${deleted.name}” to a colour that is being deleted or does not exist`);
    }
    // The schema has no legendId index: deleting a colour is rare enough that one scan of the
    // highlights here is cheaper overall than maintaining an index on every highlight written.
    const inUse = (await allAnnotationRows(db)).filter((row) => fieldOf(row, 'legendId') === id).flatMap((row) => idOfRow(row) ?? []) as AnnotationId[];
    let reassigned: AnnotationId[] = [];
    if (inUse.length > 0) {
      if (reassignTo === undefined) {
        const count = inUse.length === 1 ? '1 highlight uses' : `${inUse.length} highlights use`;
        throw new LegendError('in-use', `${count} “${deleted.name}”: choose a colour to move them to before deleting it`);
      }
      const now = Date.now();
      reassigned = await rewriteAnnotations(db, inUse, (row) => (fieldOf(row, 'legendId') === id ? { ...(row as object), legendId: reassignTo, updatedAt: now } : undefined));
      reassigned.sort(); // in id order, as the table of one row per annotation listed them
    }
    await db.legend.delete(id);
    return { deleted, reassigned };
  });
}
