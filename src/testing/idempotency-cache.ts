/**
 * A response as the fake answered it: status and JSON body.
 *
 * @example
 * ```ts
 * const answer: StoredAnswer = { status: 404, body: { message: 'scenario scn_1 not found' } };
 * ```
 */
export interface StoredAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * The first answer to each idempotency key. A POST whose key was already answered gets that
 * answer again and changes nothing, as Runloop does for the SDK's retries (the SDK sends the
 * same `x-request-id` with every attempt). Injected 429/500/503 and resets are not answers: the
 * request never reached the API, so its retry is processed normally.
 *
 * @example
 * ```ts
 * const cache = new IdempotencyCache();
 * cache.remember('key-1', { status: 200, body: view });
 * cache.answerFor('key-1'); // { status: 200, body: view }
 * ```
 */
export class IdempotencyCache {
  readonly #answers = new Map<string, StoredAnswer>();

  /** The first answer given to `key`, if any. */
  answerFor(key: string): StoredAnswer | undefined {
    return this.#answers.get(key);
  }

  /** Remembers the answer to `key`, unless one is already remembered. */
  remember(key: string, answer: StoredAnswer): void {
    if (!this.#answers.has(key)) this.#answers.set(key, structuredClone(answer));
  }

  /** Forgets every answer. */
  clear(): void {
    this.#answers.clear();
  }
}
