import { describe, expect, it } from 'vitest';
import type { HostTransport } from '../../../shared/contract/host-client';
import { createPrefetchingTransport } from './prefetching-transport';

function countingTransport(): { transport: HostTransport; sent: Array<[string, unknown]> } {
  const sent: Array<[string, unknown]> = [];
  let n = 0;
  return {
    sent,
    transport: {
      send(name, input) {
        sent.push([name, input]);
        n += 1;
        return name === 'fails' ? Promise.reject(new Error('offline')) : Promise.resolve({ ok: true, value: `${name}#${n}` });
      },
      listen: () => () => undefined,
    },
  };
}

describe('createPrefetchingTransport', () => {
  it('sends the early requests at once and serves each answer to the first matching send only', async () => {
    const { transport, sent } = countingTransport();
    const prefetching = createPrefetchingTransport(transport, [{ name: 'corpus.list', input: {} }, { name: 'app.info', input: {} }]);
    expect(sent).toEqual([['corpus.list', {}], ['app.info', {}]]);
    await expect(prefetching.send('corpus.list', {})).resolves.toEqual({ ok: true, value: 'corpus.list#1' });
    expect(sent).toHaveLength(2);
    // Asked again: a fresh request, never the stale early answer.
    await expect(prefetching.send('corpus.list', {})).resolves.toEqual({ ok: true, value: 'corpus.list#3' });
    await expect(prefetching.send('app.info', {})).resolves.toEqual({ ok: true, value: 'app.info#2' });
  });

  it('does not serve an early answer to a request with another input', async () => {
    const { transport, sent } = countingTransport();
    const prefetching = createPrefetchingTransport(transport, [{ name: 'corpus.read', input: { path: 'a.txt' } }]);
    await expect(prefetching.send('corpus.read', { path: 'b.txt' })).resolves.toEqual({ ok: true, value: 'corpus.read#2' });
    expect(sent.map(([, input]) => input)).toEqual([{ path: 'a.txt' }, { path: 'b.txt' }]);
    await expect(prefetching.send('corpus.read', { path: 'a.txt' })).resolves.toEqual({ ok: true, value: 'corpus.read#1' });
  });

  it('hands a failed early request to the caller as the transport would', async () => {
    const { transport } = countingTransport();
    const prefetching = createPrefetchingTransport(transport, [{ name: 'fails', input: {} }]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(prefetching.send('fails', {})).rejects.toThrow('offline');
  });
});

describe('createPrefetchingTransport, other requests', () => {
  it('passes a request that was never sent early straight through, without serialising its input', async () => {
    const { transport, sent } = countingTransport();
    const prefetching = createPrefetchingTransport(transport, [{ name: 'corpus.list', input: {} }]);
    const input = {
      toJSON: () => {
        throw new Error('serialised');
      },
    };
    await expect(prefetching.send('exports.stage', input)).resolves.toEqual({ ok: true, value: 'exports.stage#2' });
    expect(sent[1]).toEqual(['exports.stage', input]);
  });
});
