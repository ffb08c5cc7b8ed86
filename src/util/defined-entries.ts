/**
 * A frozen copy of `record` without its `undefined` and `null` properties: fields never set stay
 * absent from payloads, and a stored `null` (the API's "not set") becomes absent too.
 */
export function definedEntries<T extends object>(record: T): T {
  const out: Record<string, unknown> = {};
  for (const key in record) if (record[key] !== undefined && record[key] !== null) out[key] = record[key];
  return Object.freeze(out) as T;
}
