import type { HostTransport } from '../../../shared/contract/host-client';

/** A request sent ahead of need: its name and input, as the client will ask for it later. */
export interface EarlyRequest {
  name: string;
  input: unknown;
}

/**
 * Sends some requests at once, before the app that reads their answers has loaded, and hands
 * each answer to the first matching `send` (same name, same input). Later calls, and calls with
 * another input, go to the transport as usual: an answer is never served twice, since the host's
 * state may have changed since.
 */
export function createPrefetchingTransport(transport: HostTransport, early: readonly EarlyRequest[]): HostTransport {
  const pending = new Map<string, Promise<unknown>>();
  for (const request of early) {
    const key = requestKey(request.name, request.input);
    if (pending.has(key)) continue;
    const answer = transport.send(request.name, request.input);
    // Read later (or never): mark it handled so a failure is not reported as unhandled meanwhile.
    answer.catch(() => undefined);
    pending.set(key, answer);
  }
  return {
    send(name, input) {
      // Names first: the key serialises the input, which must not cost anything for the many
      // requests (some megabytes large) that were never sent early.
      if (!early.some((request) => request.name === name)) return transport.send(name, input);
      const key = requestKey(name, input);
      const answer = pending.get(key);
      if (!answer) return transport.send(name, input);
      pending.delete(key);
      return answer;
    },
    listen: (event, listener) => transport.listen(event, listener),
  };
}

function requestKey(name: string, input: unknown): string {
  return `${name}\u0000${JSON.stringify(input ?? {})}`;
}
