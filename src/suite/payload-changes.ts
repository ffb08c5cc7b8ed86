/** How far apart two numbers may be and still be the same value: the API documents weights as floats. */
const RELATIVE_TOLERANCE = 1e-6;

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
    if (!sameValue(after, before)) changes[field] = { before, after };
  }
  return changes;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b || Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
