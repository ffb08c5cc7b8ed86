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
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined) continue;
      // `__proto__` (which JSON.parse can produce) must become an own property, not the prototype
      if (key === '__proto__') Object.defineProperty(out, key, { value: copy(item, ancestors), enumerable: true, writable: true, configurable: true });
      else out[key] = copy(item, ancestors);
    }
    result = out;
  }
  ancestors.delete(value);
  return Object.freeze(result);
}
