import { randomInt } from 'node:crypto';

/**
 * A source of uniform numbers in [0, 1).
 *
 * @example
 * ```ts
 * const random: Random = seededRandom(1);
 * ```
 */
export type Random = () => number;

/**
 * A small, fast, seeded pseudo-random generator (mulberry32): the same seed gives the same
 * sequence on every run and platform.
 *
 * @example
 * ```ts
 * const random = seededRandom(42);
 * random(); // always the same first number for seed 42
 * ```
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The widest range `randomInt` draws from. */
const RANDOM_RANGE = 2 ** 48 - 1;

/**
 * Uniform numbers from the system's cryptographic source: different in every process and store.
 *
 * @example
 * ```ts
 * randomId('scn', unseededRandom); // unique across stores and runs
 * ```
 */
export const unseededRandom: Random = () => randomInt(RANDOM_RANGE) / RANDOM_RANGE;

/**
 * A seed derived from `seed` for an independent stream, so that, e.g., ids and faults drawn
 * from one user seed do not shift each other.
 *
 * @example
 * ```ts
 * const ids = seededRandom(deriveSeed(seed, 'ids'));
 * ```
 */
export function deriveSeed(seed: number, stream: string): number {
  let hash = (seed >>> 0) ^ 0x811c9dc5;
  for (const char of stream) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * An id in Runloop's style: a prefix, an underscore and 21 base-62 characters (`scn_…`).
 *
 * @example
 * ```ts
 * randomId('scn', seededRandom(1)); // 'scn_' followed by 21 characters
 * ```
 */
export function randomId(prefix: string, random: Random): string {
  let id = `${prefix}_`;
  for (let i = 0; i < 21; i++) id += ID_ALPHABET[Math.floor(random() * ID_ALPHABET.length)];
  return id;
}
