import { beforeEach, describe, expect, it, vi } from 'vitest';
import { requestNames } from '../../shared/contract/host-contract';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL } from '../../shared/contract/ipc-channels';
import { createDispatch } from '../host/dispatch';
import { createEventHub } from '../host/event-hub';
import type { HostHandlers } from '../host/host-handlers';
import { silentLogger } from '../host/logger';

const handlersByChannel = new Map<string, (...args: unknown[]) => unknown>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: vi.fn((channel: string, handler: (...args: unknown[]) => unknown) => handlersByChannel.set(channel, handler)),
    removeHandler: vi.fn((channel: string) => handlersByChannel.delete(channel)),
  },
}));

const { registerIpcBridge } = await import('./ipc-bridge');

/** A handler per request that records it was reached, with inputs that satisfy the contract. */
const validInputs: Record<string, unknown> = {
  'app.info': {},
  'corpus.open': { root: '/corpus' },
  'corpus.list': {},
  'corpus.read': { path: 'a.txt' },
  'corpus.findMentions': { searchId: 's1', terms: ['Paul Kagame', 'Kagame'], includeBoilerplate: false },
  'corpus.cancelSearch': { searchId: 's1' },
  'dialog.pickFolder': {},
  'exports.info': {},
  'exports.pickFolder': {},
  'exports.stage': { parts: [{ uploadId: 'u1', index: 0, count: 1, chunk: 'text' }] },
  'exports.discard': { uploadIds: ['u1'] },
  'exports.prepare': { uploadId: 'u1' },
  'exports.build': { exportId: 'x1', preparedId: 'u1', scope: { kind: 'project' }, formats: ['markdown'], baseName: 'corpus', csvBom: false, overwrite: false },
  'exports.readWritten': { path: '/exports/corpus-report.md' },
};
const reached: string[] = [];
const handlers: HostHandlers = {
  'app.info': async () => (reached.push('app.info'), { name: 'W', version: '1', mode: 'electron', platform: 'linux' }),
  'corpus.open': async ({ root }) => (reached.push('corpus.open'), { root, name: 'corpus', articles: [], warnings: [] }),
  'corpus.list': async () => (reached.push('corpus.list'), null),
  'corpus.read': async ({ path }) => (
    reached.push('corpus.read'),
    { summary: { path, format: 'text', size: 0, modifiedMs: 0, sha256: '', wordCount: 0, meta: { title: 'a' }, warnings: [], readable: true }, text: '', lines: [{ kind: 'blank', boilerplate: false }] }
  ),
  'corpus.findMentions': async ({ searchId }) => (reached.push('corpus.findMentions'), { searchId, articlesSearched: 0, hits: 0, elapsedMs: 0, cancelled: false }),
  'corpus.cancelSearch': async () => (reached.push('corpus.cancelSearch'), { cancelled: false }),
  'dialog.pickFolder': async () => (reached.push('dialog.pickFolder'), { root: null }),
  'exports.info': async () => (reached.push('exports.info'), { folder: null, canPick: true }),
  'exports.pickFolder': async () => (reached.push('exports.pickFolder'), { folder: null }),
  'exports.stage': async () => (reached.push('exports.stage'), { received: 1 }),
  'exports.discard': async () => (reached.push('exports.discard'), { discarded: 1 }),
  'exports.prepare': async () => (reached.push('exports.prepare'), { annotations: 0, damaged: 0 }),
  'exports.build': async () => (reached.push('exports.build'), { formats: [{ format: 'markdown', folder: '/exports', written: ['/exports/corpus-report.md'] }], missing: [], threads: 2 }),
  'exports.readWritten': async () => (reached.push('exports.readWritten'), { text: '# Report' }),
};

const trustedFrame = { url: 'file:///app/index.html' };
function invokeEvent(trusted: boolean) {
  return { senderFrame: trusted ? trustedFrame : { url: 'https://evil.example/' }, trusted };
}

describe('registerIpcBridge', () => {
  beforeEach(() => {
    reached.length = 0;
    handlersByChannel.clear();
  });

  it('wires every contract request through the one IPC channel to dispatch', async () => {
    const events = createEventHub();
    const dispose = registerIpcBridge({ dispatch: createDispatch(handlers, silentLogger), events, log: silentLogger, isTrustedSender: (event) => (event as unknown as { trusted: boolean }).trusted, targets: () => [] });
    const handle = handlersByChannel.get(IPC_REQUEST_CHANNEL);
    expect(handle).toBeDefined();
    for (const name of requestNames) {
      await expect(handle?.(invokeEvent(true), name, validInputs[name])).resolves.toMatchObject({ ok: true });
    }
    expect(reached).toEqual(requestNames);
    dispose();
    expect(handlersByChannel.has(IPC_REQUEST_CHANNEL)).toBe(false);
  });

  it('refuses messages from any frame but the app’s own page', async () => {
    registerIpcBridge({ dispatch: createDispatch(handlers, silentLogger), events: createEventHub(), log: silentLogger, isTrustedSender: (event) => (event as unknown as { trusted: boolean }).trusted, targets: () => [] });
    const handle = handlersByChannel.get(IPC_REQUEST_CHANNEL);
    await expect(handle?.(invokeEvent(false), 'corpus.list', {})).resolves.toEqual({ ok: false, error: { code: 'forbidden', message: 'Requests are accepted only from the app’s own page' } });
    await expect(handle?.(invokeEvent(true), 42, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown-request' } });
    expect(reached).toEqual([]);
  });

  it('pushes host events to the window on the event channel until disposed', () => {
    const events = createEventHub();
    const send = vi.fn();
    const dispose = registerIpcBridge({ dispatch: createDispatch(handlers, silentLogger), events, log: silentLogger, isTrustedSender: () => true, targets: () => [{ isDestroyed: () => false, send } as never] });
    events.emit('app.command', { id: 'open-folder' });
    dispose();
    events.emit('app.command', { id: 'new-pane' });
    expect(send.mock.calls).toEqual([[IPC_EVENT_CHANNEL, 'app.command', { id: 'open-folder' }]]);
  });
});
