/**
 * Copies the plain objects and arrays of user input so that later changes to the caller's
 * values never reach a builder, and freezes the copy. Object properties whose value is
 * `undefined` are dropped (as JSON would). Anything else (functions, class instances, cycles)
 * is kept as is, for validation to report at its path.
 */
export function copyData<T>(value: T): T {
  return copy(value, new Set()) as T;
}

function copy(value: unknown, ancestors: Set<object>): unknown {
  if (typeof value !== 'object' || value === null || ancestors.has(value)) return value;
  const isArray = Array.isArray(value);
  const proto: unknown = Object.getPrototypeOf(value);
  if (!isArray && proto !== Object.prototype && proto !== null) return value;
  ancestors.add(value);
  let result: unknown;
  if (isArray) {
    result = value.map((item) => copy(item, ancestors));
  } else {
    // fromEntries defines every key as an own property, `__proto__` (which JSON.parse can produce) included
    result = Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => item !== undefined)
        .map(([key, item]) => [key, copy(item, ancestors)]),
    );
  }
  ancestors.delete(value);
  return Object.freeze(result);
}
