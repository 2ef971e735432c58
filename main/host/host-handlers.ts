import type { ParsedRequestInput, RequestName, RequestOutput } from '../../shared/contract/host-contract';

/**
 * What main must implement: one handler per request in the contract. A missing or mistyped
 * handler is a compile error wherever a `HostHandlers` object is built.
 */
export type HostHandlers = {
  [N in RequestName]: (input: ParsedRequestInput<N>) => Promise<RequestOutput<N>>;
};
