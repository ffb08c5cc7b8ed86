/**
 * A frozen copy of `record` without its `undefined` and `null` properties (one level deep): fields
 * never set stay absent from payloads, and a stored `null` (the API's "not set") becomes absent
 * too. JSON data inside the fields (a context, scorer params) is kept as it is.
 */
export function withoutNulls<T extends object>(record: T): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const value = (record as Record<string, unknown>)[key];
    if (value !== undefined && value !== null) defineData(out, key, value);
  }
  return Object.freeze(out) as T;
}

/** Sets `out[key] = value` as an own data property, even for the key `__proto__`. */
export function defineData(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}
