import { LegendColor } from '../../../shared/model/annotation';
import { sameNameIgnoringCase } from '../../../shared/text/same-name';
import { collapseWhiteSpace } from '../../../shared/text/white-space';

/*
 * The rules the highlight legend and the entity types share: each is a list of named colours with
 * a shortcut key, and a user trips over the same things in both — an empty or overlong name, a
 * colour or key that is not one, two entries with one name (ambiguous in a menu) or one key.
 */

/** What each store calls its entries, so that one set of rules words both stores' refusals. */
export interface ColourKeyWording {
  /** "A colour needs a name". */
  emptyName: string;
  /** "Colour names", as in "Colour names can be at most 60 characters long". */
  namesPlural: string;
  /** A colour shown in the example of the #rrggbb syntax. */
  exampleColour: string;
  /** What a valid shortcut is, e.g. "use one digit from 1 to 9 or one letter". */
  shortcutHint: string;
  /** "colour", as in "Another colour is already called …". */
  entry: string;
  /** What the shortcut is pressed with, e.g. "Alt+". */
  modifier: string;
}

export type ColourKeyProblem = 'empty-name' | 'name-too-long' | 'invalid-colour' | 'invalid-shortcut' | 'duplicate-name' | 'duplicate-shortcut';

/** Makes the store's own error for a refusal (thrown by the rules). */
export type RefuseColourKey = (code: ColourKeyProblem, message: string) => Error;

export interface ColourKeyRules {
  maxNameLength: number;
  shortcut: { safeParse(value: string): { success: boolean } };
  wording: ColourKeyWording;
  refuse: RefuseColourKey;
}

interface ColourKeyFields {
  id: string;
  name: string;
  color: string;
  shortcut: string;
}

/**
 * The entry as it is stored: the name NFC-normalised and trimmed with runs of spaces collapsed,
 * colour and shortcut trimmed and in lower case. Throws the store's error when one is not valid.
 */
export function normaliseColourKey(input: ColourKeyFields, rules: ColourKeyRules): { name: string; color: string; shortcut: string } {
  const { wording, refuse } = rules;
  const name = collapseWhiteSpace(input.name.normalize('NFC'));
  if (name === '') throw refuse('empty-name', wording.emptyName);
  if (name.length > rules.maxNameLength) throw refuse('name-too-long', `${wording.namesPlural} can be at most ${rules.maxNameLength} characters long`);
  const color = input.color.trim().toLowerCase();
  if (!LegendColor.safeParse(color).success) throw refuse('invalid-colour', `“${input.color}” is not a colour: write it as #rrggbb, for example ${wording.exampleColour}`);
  const shortcut = input.shortcut.trim().toLowerCase();
  if (!rules.shortcut.safeParse(shortcut).success) throw refuse('invalid-shortcut', `“${input.shortcut}” cannot be a shortcut: ${wording.shortcutHint}`);
  return { name, color, shortcut };
}

/** Throws the store's error when another entry already has the (normalised) name or shortcut. */
export function refuseClashes(others: readonly ColourKeyFields[], entry: { name: string; shortcut: string }, rules: ColourKeyRules): void {
  const { wording, refuse } = rules;
  const sameName = others.find((other) => sameNameIgnoringCase(other.name, entry.name));
  if (sameName) throw refuse('duplicate-name', `Another ${wording.entry} is already called “${sameName.name}”`);
  const sameShortcut = others.find((other) => other.shortcut.toLowerCase() === entry.shortcut);
  if (sameShortcut) throw refuse('duplicate-shortcut', `${wording.modifier}${entry.shortcut.toUpperCase()} is already the shortcut for “${sameShortcut.name}”`);
}

/** The order that puts a new entry after all of `entries`. */
export function nextOrder(entries: ReadonlyArray<{ order: number }>): number {
  return entries.reduce((max, entry) => Math.max(max, entry.order), 0) + 1;
}
