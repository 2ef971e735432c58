// @vitest-environment jsdom
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor } from 'lexical';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newNoteId } from '../../../../shared/model/ids';
import { AppServicesContext, type AppServices } from '../../app/app-services';
import { loadNote, type NoteIdentity } from '../../db/note-store';
import { WorkbenchDb } from '../../db/workbench-db';
import { NOTE_NODES } from '../note-editor-config';
import { readNoteDraft } from '../note-drafts';
import { AUTOSAVE_DELAY_MILLISECONDS, AutosavePlugin } from './AutosavePlugin';

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });

let db: WorkbenchDb;
let root: Root;
let editor: LexicalEditor | null;
let identity: NoteIdentity;
const errors: string[] = [];

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

beforeEach(async () => {
  db = new WorkbenchDb(`autosave-test-${Math.random()}`, { indexedDB, IDBKeyRange });
  identity = { id: newNoteId(), kind: 'comment', targetId: 'a-goma' };
  errors.length = 0;
  editor = null;
  localStorage.clear();
  root = createRoot(document.createElement('div'));
  // Only `db` is read by the plugin.
  const services = { db } as unknown as AppServices;
  await act(async () => {
    root.render(
      <AppServicesContext.Provider value={services}>
        <LexicalComposer initialConfig={{ namespace: 'test', nodes: [...NOTE_NODES], onError: (error) => errors.push(error.message) }}>
          <EditorRefPlugin
            editorRef={(instance) => {
              editor = instance;
            }}
          />
          <AutosavePlugin identity={identity} saveOnMount={false} onError={(message) => errors.push(message)} />
        </LexicalComposer>
      </AppServicesContext.Provider>,
    );
  });
});

afterEach(async () => {
  await act(async () => root.unmount());
  await db.delete();
});

function write(text: string): void {
  editor?.update(
    () => {
      $getRoot().clear().append($createParagraphNode().append($createTextNode(text)));
    },
    { discrete: true },
  );
}

async function storedText(): Promise<string | undefined> {
  const read = await loadNote(db, identity.id);
  return read?.state === 'valid' ? read.note.text : undefined;
}

describe('AutosavePlugin', () => {
  it('saves once typing pauses, with the latest text', async () => {
    write('Goma');
    await sleep(AUTOSAVE_DELAY_MILLISECONDS / 4);
    write('Goma fell');
    await sleep(AUTOSAVE_DELAY_MILLISECONDS / 2);
    expect(await storedText()).toBeUndefined();
    await sleep(AUTOSAVE_DELAY_MILLISECONDS + 200);
    expect(await storedText()).toBe('Goma fell');
    expect(errors).toEqual([]);
  });

  it('saves at once when the editor goes away', async () => {
    write('Closed right after typing');
    await act(async () => root.unmount());
    await sleep(100);
    expect(await storedText()).toBe('Closed right after typing');
    root = createRoot(document.createElement('div'));
  });

  it('keeps a draft when the page is hidden, and forgets it once the database has the text', async () => {
    write('Reloading now');
    window.dispatchEvent(new Event('pagehide'));
    expect(readNoteDraft(localStorage, identity.id)?.content).toContain('Reloading now');
    await sleep(100);
    expect(await storedText()).toBe('Reloading now');
    expect(readNoteDraft(localStorage, identity.id)).toBeNull();
  });

  it('stops listening to the window when unmounted', async () => {
    await act(async () => root.unmount());
    root = createRoot(document.createElement('div'));
    write('after unmount');
    window.dispatchEvent(new Event('pagehide'));
    expect(readNoteDraft(localStorage, identity.id)).toBeNull();
  });
});
