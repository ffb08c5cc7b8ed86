/** A frozen copy of `record` without its `undefined` properties: fields never set stay absent from payloads. */
export function definedEntries<T extends object>(record: T): T {
  const out: Record<string, unknown> = {};
  for (const key in record) if (record[key] !== undefined) out[key] = record[key];
  return Object.freeze(out) as T;
}
