import { deriveSeed, seededRandom, type Random } from './seeded-random.js';

/**
 * A fault the fake can inject into a request:
 * - `'429'`, `'500'`, `'503'`: that status, before the request is processed (nothing changes),
 *   with a short `retry-after-ms` header so the SDK retries quickly;
 * - `'reset'`: the request is cut off before it is processed (nothing changes);
 * - `'drop-after-commit'`: the request is processed (a write happens) but the response is cut
 *   off, so the client never hears of it.
 *
 * Over HTTP/2 a cut-off is a stream reset (RST_STREAM); over HTTP/1.1 a TCP reset. The SDK sees
 * both as connection errors and retries them with its own back-off (about 1 s, then 2 s, …).
 *
 * @example
 * ```ts
 * const kinds: FaultKind[] = ['429', 'drop-after-commit'];
 * ```
 */
export type FaultKind = '429' | '500' | '503' | 'reset' | 'drop-after-commit';

/**
 * Every fault kind, in a fixed order.
 *
 * @example
 * ```ts
 * const httpOnly = FAULT_KINDS.filter((kind) => /^\d+$/.test(kind)); // ['429', '500', '503']
 * ```
 */
export const FAULT_KINDS: readonly FaultKind[] = Object.freeze(['429', '500', '503', 'reset', 'drop-after-commit']);

/**
 * The HTTP status an HTTP-level fault answers with.
 *
 * @example
 * ```ts
 * FAULT_STATUS['503']; // 503
 * FAULT_STATUS.reset; // undefined: no response at all
 * ```
 */
export const FAULT_STATUS: Readonly<Partial<Record<FaultKind, number>>> = Object.freeze({ '429': 429, '500': 500, '503': 503 });

/**
 * Random faults: each request gets a fault with probability `rate`, of one of `kinds`, drawn from
 * a generator seeded by the fake's `seed`.
 *
 * @example
 * ```ts
 * const faults: FaultOptions = { rate: 0.3, kinds: ['429', '503'] };
 * ```
 */
export interface FaultOptions {
  /** Probability in [0, 1] that a request gets a fault. */
  rate: number;
  /** The kinds to choose from, uniformly. Default: all of {@link FAULT_KINDS}. */
  kinds?: readonly FaultKind[];
  /** The `retry-after-ms` header sent with injected 429/500/503 responses. Default 5. */
  retryAfterMs?: number;
}

/**
 * The default `retry-after-ms` of injected error responses, in milliseconds.
 *
 * @example
 * ```ts
 * await startFakeRunloop({ faults: { rate: 0.2, retryAfterMs: DEFAULT_RETRY_AFTER_MS * 2 } });
 * ```
 */
export const DEFAULT_RETRY_AFTER_MS = 5;

/**
 * Decides, request by request, which fault (if any) to inject: first faults queued with
 * {@link FaultPlan.inject}, then random ones. With the same seed and the same order of requests,
 * the decisions are the same on every run. Each request consumes exactly two random numbers,
 * so changing `kinds` does not shift later decisions.
 *
 * @example
 * ```ts
 * const plan = new FaultPlan(7, { rate: 0.5, kinds: ['503'] });
 * plan.next(); // '503' or undefined, the same every run
 * ```
 */
export class FaultPlan {
  readonly #seed: number;
  readonly #rate: number;
  readonly #kinds: readonly FaultKind[];
  readonly retryAfterMs: number;
  #random: Random;
  #queued: FaultKind[] = [];

  constructor(seed: number, options: FaultOptions | undefined) {
    const rate = options?.rate ?? 0;
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
      throw new RangeError(`faults.rate must be a number from 0 to 1 (got ${String(rate)})`);
    }
    const kinds = options?.kinds ?? FAULT_KINDS;
    for (const kind of kinds) assertFaultKind(kind, 'faults.kinds');
    if (kinds.length === 0 && rate > 0) throw new RangeError('faults.kinds must list at least one kind when faults.rate > 0');
    const retryAfterMs = options?.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS;
    if (!Number.isFinite(retryAfterMs) || retryAfterMs < 0) {
      throw new RangeError(`faults.retryAfterMs must be a non-negative number (got ${String(retryAfterMs)})`);
    }
    this.#seed = deriveSeed(seed, 'faults');
    this.#rate = rate;
    this.#kinds = Object.freeze([...kinds]);
    this.retryAfterMs = retryAfterMs;
    this.#random = seededRandom(this.#seed);
  }

  /** Queues `kind` for the next `times` requests, ahead of the random faults. */
  inject(kind: FaultKind, times = 1): void {
    assertFaultKind(kind, 'injectFault(kind)');
    if (!Number.isInteger(times) || times < 0) throw new RangeError(`injectFault times must be a whole number (got ${String(times)})`);
    for (let i = 0; i < times; i++) this.#queued.push(kind);
  }

  /** The fault for the next request, or `undefined`. */
  next(): FaultKind | undefined {
    const queued = this.#queued.shift();
    if (queued !== undefined) return queued;
    const hit = this.#random();
    const pick = this.#random();
    if (hit >= this.#rate || this.#kinds.length === 0) return undefined;
    return this.#kinds[Math.floor(pick * this.#kinds.length)];
  }

  /** Forgets queued faults and restarts the random sequence from the seed. */
  reset(): void {
    this.#queued = [];
    this.#random = seededRandom(this.#seed);
  }
}

function assertFaultKind(kind: unknown, where: string): asserts kind is FaultKind {
  if (!(FAULT_KINDS as readonly unknown[]).includes(kind)) {
    throw new RangeError(`${where}: unknown fault kind ${JSON.stringify(kind)}; use one of ${FAULT_KINDS.join(', ')}`);
  }
}
