import { describe, expect, it } from 'vitest';
import { clearNoteDraft, readNoteDraft, writeNoteDraft } from './note-drafts';

/** A Storage held in memory; `full` makes every write fail, as a full localStorage does. */
function memoryStorage(full = false): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => {
      if (full) throw new DOMException('quota exceeded', 'QuotaExceededError');
      items.set(key, value);
    },
  };
}

describe('note drafts', () => {
  it('keep the last content per note until cleared', () => {
    const storage = memoryStorage();
    expect(writeNoteDraft(storage, 'n1', '{"root":1}', 42)).toBe(true);
    expect(readNoteDraft(storage, 'n1')).toEqual({ content: '{"root":1}', at: 42 });
    expect(readNoteDraft(storage, 'n2')).toBeNull();
    clearNoteDraft(storage, 'n1');
    expect(readNoteDraft(storage, 'n1')).toBeNull();
  });

  it('report a full storage instead of throwing, and ignore an unreadable draft', () => {
    expect(writeNoteDraft(memoryStorage(true), 'n1', 'x')).toBe(false);
    const storage = memoryStorage();
    storage.setItem('workbench-note-draft:n1', '{not json');
    expect(readNoteDraft(storage, 'n1')).toBeNull();
  });
});
