import { z } from 'zod';
import { fastOutputChecks } from '../../shared/contract/fast-output-checks';
import { hostRequests, isRequestName } from '../../shared/contract/host-contract';
import { HostFailure, fail, type Result } from '../../shared/contract/host-result';
import type { HostHandlers } from './host-handlers';
import type { Logger } from './logger';
import { errorMessage } from '../../shared/text/error-message';

/** Answers one request by name; never throws. Both bridges call this and nothing else. */
export type Dispatch = (name: string, input: unknown) => Promise<Result<unknown>>;

/**
 * Builds the single entry point for host requests: looks the name up in the contract, validates
 * the input, calls the handler, checks its output (large answers by a hand-written check first,
 * see `fastOutputChecks`), and maps every failure to a coded error.
 */
export function createDispatch(handlers: HostHandlers, log: Logger): Dispatch {
  return async (name, input) => {
    if (!isRequestName(name)) return fail('unknown-request', `Unknown request "${name}"`);
    const spec = hostRequests[name];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      return fail('invalid-input', `${name}: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`);
    }
    try {
      // The contract guarantees `handlers[name]` takes exactly this parsed input; TypeScript cannot
      // correlate the two indexed types, hence the one widening here.
      const handler = handlers[name] as (input: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      if (fastOutputChecks[name]?.(value) !== undefined) return { ok: true, value };
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        log.error(`${name}: handler answered outside the contract`, z.prettifyError(checked.error));
        return fail('internal', `${name}: the host produced an invalid answer`);
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof HostFailure) return fail(error.code, error.message);
      log.error(`${name} failed`, error);
      return fail('internal', `${name} failed: ${errorMessage(error)}`);
    }
  };
}
