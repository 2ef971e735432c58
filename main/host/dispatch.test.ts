import { describe, expect, it, vi } from 'vitest';
import { HostFailure } from '../../shared/contract/host-result';
import type { ArticleSummary, CorpusListing } from '../../shared/model/article';
import { createDispatch } from './dispatch';
import type { HostHandlers } from './host-handlers';
import { silentLogger } from './logger';

const listing = { root: '/corpus', name: 'corpus', articles: [], warnings: [] };

function handlers(overrides: Partial<HostHandlers> = {}): HostHandlers {
  return {
    'app.info': async () => ({ name: 'Research Workbench', version: '1.0.0', mode: 'browser', platform: 'linux' }),
    'corpus.open': async () => listing,
    'corpus.list': async () => null,
    'corpus.read': async () => {
      throw new HostFailure('outside-root', '"../x" lies outside the corpus folder');
    },
    'corpus.findMentions': async ({ searchId }) => ({ searchId, articlesSearched: 3, hits: 0, elapsedMs: 1, cancelled: false }),
    'corpus.cancelSearch': async () => ({ cancelled: false }),
    'dialog.pickFolder': async () => ({ root: null }),
    'exports.info': async () => ({ folder: '/exports', canPick: false }),
    'exports.pickFolder': async () => ({ folder: null }),
    'exports.stage': async () => ({ received: 1 }),
    'exports.discard': async () => ({ discarded: 0 }),
    'exports.prepare': async () => ({ annotations: 0, damaged: 0 }),
    'exports.build': async () => ({ formats: [], missing: [], threads: 0 }),
    'exports.readWritten': async () => ({ text: '' }),
    ...overrides,
  };
}

describe('dispatch', () => {
  it('answers a valid request with the handler’s value', async () => {
    const dispatch = createDispatch(handlers(), silentLogger);
    await expect(dispatch('app.info', {})).resolves.toEqual({ ok: true, value: { name: 'Research Workbench', version: '1.0.0', mode: 'browser', platform: 'linux' } });
  });

  it('refuses names that are not in the contract, including inherited object keys', async () => {
    const dispatch = createDispatch(handlers(), silentLogger);
    await expect(dispatch('corpus.delete', {})).resolves.toEqual({ ok: false, error: { code: 'unknown-request', message: 'Unknown request "corpus.delete"' } });
    await expect(dispatch('toString', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown-request' } });
  });

  it('refuses malformed input with the field that is wrong, without calling the handler', async () => {
    const read = vi.fn();
    const dispatch = createDispatch(handlers({ 'corpus.read': read }), silentLogger);
    const wrongType = await dispatch('corpus.read', { path: 42 });
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(wrongType.ok ? '' : wrongType.error.message).toContain('path');
    await expect(dispatch('corpus.read', { path: 'a.txt', extra: true })).resolves.toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await expect(dispatch('corpus.read', 'a.txt')).resolves.toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(read).not.toHaveBeenCalled();
  });

  it('passes a handler’s coded failure through as data', async () => {
    const dispatch = createDispatch(handlers(), silentLogger);
    await expect(dispatch('corpus.read', { path: 'a.txt' })).resolves.toEqual({ ok: false, error: { code: 'outside-root', message: '"../x" lies outside the corpus folder' } });
  });

  it('turns an unexpected exception into an internal error and never throws', async () => {
    const log = { ...silentLogger, error: vi.fn() };
    const dispatch = createDispatch(handlers({ 'corpus.list': async () => { throw new TypeError('boom'); } }), log);
    await expect(dispatch('corpus.list', {})).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'corpus.list failed: boom' } });
    expect(log.error).toHaveBeenCalledOnce();
  });

  it('refuses to send an answer that breaks the contract', async () => {
    const broken = { 'corpus.list': async () => ({ root: 7 }) } as unknown as Partial<HostHandlers>;
    const dispatch = createDispatch(handlers(broken), silentLogger);
    await expect(dispatch('corpus.list', {})).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'corpus.list: the host produced an invalid answer' } });
  });

  it('passes a well-formed listing through as it is (the fast check), leaves one with extra keys to the schema, and refuses one with a bad row', async () => {
    const row: ArticleSummary = { path: 'a.txt', format: 'text', size: 1, modifiedMs: 0, sha256: 'ab', wordCount: 1, meta: { title: 'A' }, warnings: [], readable: true };
    const big: CorpusListing = { ...listing, articles: Array.from({ length: 2_000 }, (_, i) => ({ ...row, path: `${i}.txt` })) };
    const answer = await createDispatch(handlers({ 'corpus.list': async () => big }), silentLogger)('corpus.list', {});
    expect(answer).toEqual({ ok: true, value: big });
    // The very object the handler made: no schema copy of 2,000 rows on the way out.
    expect(answer.ok && answer.value).toBe(big);
    const extra = { ...big, stray: 1 };
    const stripped = await createDispatch(handlers({ 'corpus.list': async () => extra as CorpusListing }), silentLogger)('corpus.list', {});
    expect(stripped).toEqual({ ok: true, value: big });
    const bad = { ...big, articles: [...big.articles, { ...row, wordCount: -1 }] };
    const refusing = createDispatch(handlers({ 'corpus.list': async () => bad }), silentLogger);
    await expect(refusing('corpus.list', {})).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'corpus.list: the host produced an invalid answer' } });
  });
});
