import { describe, expect, it, vi } from 'vitest';
import { createHostClient, type HostTransport } from './host-client';

function transport(answer: unknown): HostTransport {
  return { send: vi.fn(async () => answer), listen: vi.fn(() => () => {}) };
}

describe('createHostClient', () => {
  it('returns a value that matches the contract', async () => {
    const client = createHostClient(transport({ ok: true, value: { root: null } }));
    await expect(client.request('dialog.pickFolder', {})).resolves.toEqual({ ok: true, value: { root: null } });
  });
  it('passes host errors through unchanged', async () => {
    const client = createHostClient(transport({ ok: false, error: { code: 'no-corpus', message: 'No corpus folder is open' } }));
    await expect(client.request('corpus.read', { path: 'a.txt' })).resolves.toEqual({ ok: false, error: { code: 'no-corpus', message: 'No corpus folder is open' } });
  });
  it('reports a transport failure or an off-contract answer as a transport error', async () => {
    const failing: HostTransport = { send: async () => { throw new Error('socket closed'); }, listen: () => () => {} };
    await expect(createHostClient(failing).request('app.info', {})).resolves.toEqual({ ok: false, error: { code: 'transport', message: 'app.info: socket closed' } });
    await expect(createHostClient(transport({ ok: true, value: { mode: 'toaster' } })).request('app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'transport' } });
    await expect(createHostClient(transport('garbage')).request('app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'transport' } });
  });
  it('checks a listing by hand and still refuses a malformed one', async () => {
    const article = { path: 'a.txt', format: 'text', size: 3, modifiedMs: 1, sha256: '', wordCount: 1, meta: { title: 'A' }, warnings: [], readable: true };
    const listing = { root: '/c', name: 'c', articles: [article], warnings: [] };
    await expect(createHostClient(transport({ ok: true, value: listing })).request('corpus.list', {})).resolves.toEqual({ ok: true, value: listing });
    await expect(createHostClient(transport({ ok: true, value: null })).request('corpus.list', {})).resolves.toEqual({ ok: true, value: null });
    const climbing = { ...listing, articles: [{ ...article, path: '../secret.txt' }] };
    await expect(createHostClient(transport({ ok: true, value: climbing })).request('corpus.open', { root: '/c' })).resolves.toMatchObject({ ok: false, error: { code: 'transport' } });
    // An unknown key is stripped by the schema, as before.
    const extra = { ...listing, articles: [{ ...article, extra: 1 }] };
    await expect(createHostClient(transport({ ok: true, value: extra })).request('corpus.list', {})).resolves.toEqual({ ok: true, value: listing });
  });
  it('delivers only well-formed events and returns the transport’s disposer', () => {
    let deliver: (payload: unknown) => void = () => {};
    const dispose = vi.fn();
    const client = createHostClient({ send: async () => null, listen: (_event, listener) => { deliver = listener; return dispose; } });
    const seen: unknown[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const unsubscribe = client.subscribe('app.command', (payload) => seen.push(payload));
    deliver({ id: 'open-folder' });
    deliver({ id: 'format-disk' });
    unsubscribe();
    expect(seen).toEqual([{ id: 'open-folder' }]);
    expect(dispose).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
