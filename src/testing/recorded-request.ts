import type { FaultKind } from './fault-plan.js';

/**
 * One request the fake received, in arrival order, including those answered with an injected
 * fault. The bearer token is never kept: `auth` says whether it was right, and the recorded
 * `authorization` header reads `Bearer ****` (other credential headers are masked too).
 *
 * @example
 * ```ts
 * const creates = fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/scenarios');
 * expect(creates.map((r) => r.fault)).toEqual(['503', undefined]);
 * ```
 */
export interface RecordedRequest {
  /** 1 for the first request the fake received, then 2, 3, … (reset by `reset()`). */
  readonly seq: number;
  /** `GET` or `POST` (upper case); `PUT` for an upload to an object's `upload_url`. */
  readonly method: string;
  /** The path without the query string, e.g. `/v1/scenarios/scn_…` (an upload URL's token masked as `****`). */
  readonly path: string;
  /** The query parameters, e.g. `{ limit: '20', starting_after: 'scn_…' }`. */
  readonly query: Readonly<Record<string, string>>;
  /** The parsed JSON body; the raw text when it is not JSON (or nests too deep); `undefined` when empty, and when the bearer token was not valid (such a body is never read). */
  readonly body: unknown;
  /** The idempotency key (`x-request-id`) the SDK sends with every attempt of a POST. */
  readonly idempotencyKey: string | undefined;
  /** Whether the bearer token was the fake's (`'valid'`), another (`'invalid'`) or none (`'missing'`). */
  readonly auth: 'valid' | 'invalid' | 'missing';
  /** The request headers, lower-case, with credentials masked: `authorization` and `proxy-authorization` (`Bearer ****`, or `****`), `x-api-key` and `cookie` (`****`). */
  readonly headers: Readonly<Record<string, string>>;
  /** `'http/2'` (the SDK's default transport) or `'http/1.1'`. */
  readonly protocol: 'http/2' | 'http/1.1';
  /** The fault injected into this request, if any. */
  readonly fault: FaultKind | undefined;
  /** Whether this was a POST whose idempotency key had been answered, answered again from memory. */
  readonly replayed: boolean;
  /** The status the client received; `undefined` when the connection was reset or the response dropped (or while the request is still being handled). */
  readonly status: number | undefined;
}

/**
 * The mask that replaces a bearer token in recorded headers.
 *
 * @example
 * ```ts
 * expect(fake.requests[0].headers.authorization).toBe(MASKED_AUTHORIZATION);
 * ```
 */
export const MASKED_AUTHORIZATION = 'Bearer ****';
