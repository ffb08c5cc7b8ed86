/**
 * A value in words, for a message about a value of the wrong kind: `null`, `undefined`, `the
 * string "abc"` (cut at 40 characters), `the number 42`, `the boolean true`, `a BigInt`, `a
 * symbol`, `a function`, `an array`, `an object`, or a class instance by its class (`a Date
 * object`, `a Map object`).
 */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'number':
    case 'boolean':
      return `the ${typeof value} ${String(value)}`;
    case 'bigint':
      return 'a BigInt';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
  }
  if (Array.isArray(value)) return 'an array';
  const constructor = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor;
  return constructor === undefined || constructor === Object || !constructor.name ? 'an object' : `a ${constructor.name} object`;
}
