import type { ApiAnswer } from './api-call.js';

/**
 * The first answer to each idempotency key, with the request it answered. A POST whose key was
 * already answered gets that answer again and changes nothing, as Runloop does for the SDK's
 * retries (the SDK sends the same `x-request-id` with every attempt); the same key on a
 * different request is refused. Injected 429/500/503 and resets are not answers: the request
 * never reached the API, so its retry is processed normally.
 *
 * @example
 * ```ts
 * const cache = new IdempotencyCache();
 * cache.remember('key-1', 'POST /v1/scenarios {…}', { status: 200, body: view });
 * cache.answerFor('key-1', 'POST /v1/scenarios {…}'); // { status: 200, body: view }
 * cache.answerFor('key-1', 'POST /v1/scenarios/scn_1 {…}'); // 422: reused for another request
 * ```
 */
export class IdempotencyCache {
  readonly #answers = new Map<string, { request: string; answer: ApiAnswer }>();

  /** The first answer given to `key`, if any; a 422 when `key` answered another request. */
  answerFor(key: string, request: string): ApiAnswer | undefined {
    const earlier = this.#answers.get(key);
    if (earlier === undefined || earlier.request === request) return earlier?.answer;
    return {
      status: 422,
      body: { message: `idempotency key ${key} was already used for another request (${earlier.request.split(' ', 2).join(' ')}); give each request its own key` },
    };
  }

  /** Remembers the answer to `request` under `key`, unless one is already remembered. */
  remember(key: string, request: string, answer: ApiAnswer): void {
    if (!this.#answers.has(key)) this.#answers.set(key, { request, answer: structuredClone(answer) });
  }

  /** Forgets every answer. */
  clear(): void {
    this.#answers.clear();
  }
}
