import { describe, expect, it } from 'vitest';
import { createElectronTransport } from './electron-transport';

describe('the Electron transport', () => {
  it('sends a staged chunk\'s bytes alone, not the whole buffer it views', async () => {
    const sent: unknown[] = [];
    const transport = createElectronTransport({ request: async (_name, input) => (sent.push(structuredClone(input)), { ok: true, value: { received: 1 } }), subscribe: () => () => {} });
    const format = new Uint8Array(1_000).fill(65);
    await transport.send('exports.stage', { parts: [{ uploadId: 'u1', index: 1, count: 2, chunk: format.subarray(600) }] });
    const chunk = (sent[0] as { parts: Array<{ chunk: Uint8Array }> }).parts[0]?.chunk;
    expect(chunk?.byteLength).toBe(400);
    expect(chunk?.buffer.byteLength).toBe(400);
  });
});
