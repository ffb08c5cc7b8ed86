import { WEIGHT_TOLERANCE } from '../scorers/normalize-weights.js';

/**
 * A top-level payload field whose stored value differs from the one the suite would send.
 *
 * @example
 * ```ts
 * const change: FieldChange | undefined = plan.items[0]?.changes?.metadata;
 * console.log(change?.before, '→', change?.after);
 * ```
 */
export interface FieldChange {
  /** What the server has (absent when it has nothing). */
  readonly before: unknown;
  /** What the suite sends. */
  readonly after: unknown;
}

/**
 * The top-level fields of `payload` whose value differs from `stored`. Fields the payload leaves
 * out are not compared: an update keeps them.
 */
export function payloadChanges(payload: object, stored: Record<string, unknown>): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const [field, after] of Object.entries(payload)) {
    const before = stored[field];
    if (!sameValue(after, before, [field])) changes[field] = { before, after };
  }
  return changes;
}

/** Deep equality of JSON values; only a scorer's weight may differ by float rounding. */
function sameValue(a: unknown, b: unknown, path: readonly (string | number)[]): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b || (isWeight(path) && Math.abs(a - b) <= WEIGHT_TOLERANCE);
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], [...path, key]));
}

/** `scoring_contract.scoring_function_parameters[i].weight`. */
function isWeight(path: readonly (string | number)[]): boolean {
  return path.length === 4 && path[0] === 'scoring_contract' && path[3] === 'weight';
}
