import { describe, expect, it } from 'vitest';
import { describeKeyBinding, matchesKeyBinding } from './key-binding';

const press = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
  key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods,
});

describe('matchesKeyBinding', () => {
  it('maps Mod to Ctrl off macOS and to Cmd on macOS', () => {
    expect(matchesKeyBinding(press('o', { ctrlKey: true }), 'Mod+O', false)).toBe(true);
    expect(matchesKeyBinding(press('o', { metaKey: true }), 'Mod+O', false)).toBe(false);
    expect(matchesKeyBinding(press('o', { metaKey: true }), 'Mod+O', true)).toBe(true);
  });
  it('requires exactly the modifiers of the binding', () => {
    expect(matchesKeyBinding(press('S', { ctrlKey: true, shiftKey: true }), 'Mod+Shift+S', false)).toBe(true);
    expect(matchesKeyBinding(press('s', { ctrlKey: true }), 'Mod+Shift+S', false)).toBe(false);
    expect(matchesKeyBinding(press(']', { ctrlKey: true, altKey: true }), 'Mod+]', false)).toBe(false);
  });
  it('reads naturally per platform', () => {
    expect(describeKeyBinding('Mod+Shift+S', false)).toBe('Ctrl+Shift+S');
    expect(describeKeyBinding('Mod+]', true)).toBe('⌘+]');
  });
});
