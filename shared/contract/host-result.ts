import { z } from 'zod';

/** Every way a host request can fail. Errors cross the process boundary as data, never as throws. */
export const HostErrorCode = z.enum([
  'unknown-request',
  'invalid-input',
  'invalid-json',
  'payload-too-large',
  'unauthorized',
  'forbidden',
  'not-found',
  'outside-root',
  'no-corpus',
  'unsupported',
  'io-error',
  /** A file to be written exists and the caller did not allow overwriting it. */
  'exists',
  'internal',
  'transport',
]);
export type HostErrorCode = z.infer<typeof HostErrorCode>;

export const HostError = z.object({ code: HostErrorCode, message: z.string() });
export type HostError = z.infer<typeof HostError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: HostError };

/** The envelope as it arrives over a transport, before its value is trusted. */
export const ResultEnvelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: HostError }),
]);

/**
 * Thrown by host handlers to fail a request with a specific code; `dispatch` turns it into
 * `{ ok: false, error }`. Any other exception becomes an `internal` error.
 */
export class HostFailure extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HostFailure';
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: HostErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}
