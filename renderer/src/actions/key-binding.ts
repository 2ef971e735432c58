/**
 * A shortcut written like "Mod+Shift+S": Mod is Cmd on macOS and Ctrl elsewhere. Matching uses
 * `event.key`, case-insensitively, so it follows the user's keyboard layout.
 */
export function matchesKeyBinding(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, binding: string, isMac: boolean): boolean {
  const parts = binding.split('+');
  const key = parts.pop()?.toLowerCase();
  const wants = new Set(parts.map((part) => part.toLowerCase()));
  const mod = isMac ? event.metaKey : event.ctrlKey;
  const other = isMac ? event.ctrlKey : event.metaKey;
  return (
    event.key.toLowerCase() === key &&
    mod === wants.has('mod') &&
    event.shiftKey === wants.has('shift') &&
    event.altKey === wants.has('alt') &&
    !other
  );
}

/** How a binding reads in a tooltip or menu on this platform. */
export function describeKeyBinding(binding: string, isMac: boolean): string {
  return binding.replace('Mod', isMac ? '⌘' : 'Ctrl');
}
