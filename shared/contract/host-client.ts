import type { EventName, EventPayload, RequestInput, RequestName, RequestOutput } from './host-contract';
import { hostEvents, hostRequests } from './host-contract';
import { ResultEnvelope, fail, type Result } from './host-result';
import { fastOutputChecks } from './fast-output-checks';
import { errorMessage } from '../text/error-message';

/** What the renderer calls: typed by the contract, never throws for host errors. */
export interface HostClient {
  request<N extends RequestName>(name: N, input: RequestInput<N>): Promise<Result<RequestOutput<N>>>;
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/**
 * How bytes move: Electron IPC through the preload, or HTTP + Server-Sent Events in browser mode.
 * `send` resolves with the raw result envelope; `listen` returns its disposer.
 */
export interface HostTransport {
  send(name: string, input: unknown): Promise<unknown>;
  listen(event: string, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds the typed client over a transport. Answers are checked against the contract, so a
 * transport or host that drifts from it shows up as a `transport` error instead of bad data.
 */
export function createHostClient(transport: HostTransport): HostClient {
  return {
    async request(name, input) {
      let raw: unknown;
      try {
        raw = await transport.send(name, input);
      } catch (error) {
        return fail('transport', `${name}: ${errorMessage(error)}`);
      }
      const envelope = ResultEnvelope.safeParse(raw);
      if (!envelope.success) return fail('transport', `${name}: the host sent a malformed answer`);
      if (!envelope.data.ok) return envelope.data;
      const checked = fastOutputChecks[name]?.(envelope.data.value);
      if (checked !== undefined) return { ok: true, value: checked as RequestOutput<typeof name> };
      const value = hostRequests[name].output.safeParse(envelope.data.value);
      if (!value.success) return fail('transport', `${name}: the host's answer does not match the contract`);
      return { ok: true, value: value.data as RequestOutput<typeof name> };
    },
    subscribe(event, listener) {
      return transport.listen(event, (payload) => {
        const parsed = hostEvents[event].safeParse(payload);
        if (parsed.success) listener(parsed.data as EventPayload<typeof event>);
        else console.warn(`Ignored a malformed "${event}" event from the host`);
      });
    },
  };
}
