import { MAX_JSON_DEPTH } from './json-depth.js';
import { defineData } from './without-nulls.js';

/**
 * Copies the plain objects and arrays of user input so that later changes to the caller's
 * values never reach a builder, and freezes the copy. Object properties whose value is
 * `undefined` are dropped (as JSON would). Anything else (functions, class instances, cycles)
 * is kept as is, for validation to report at its path; so is what lies deeper than
 * {@link MAX_JSON_DEPTH}, which validation reports as too deep (copying it could overflow the stack).
 */
export function copyData<T>(value: T): T {
  return copy(value, []) as T;
}

/** `ancestors`: the objects being copied around `value`, outermost first (a list: most data is shallow, and a Set costs more to make). */
function copy(value: unknown, ancestors: object[]): unknown {
  if (typeof value !== 'object' || value === null || ancestors.length > MAX_JSON_DEPTH || ancestors.includes(value)) return value;
  const isArray = Array.isArray(value);
  const proto: unknown = Object.getPrototypeOf(value);
  if (!isArray && proto !== Object.prototype && proto !== null) return value;
  ancestors.push(value);
  let result: unknown;
  if (isArray) {
    result = value.map((item) => copy(item, ancestors));
  } else {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      // `__proto__` (which JSON.parse can produce) must become an own property, not the prototype
      if (item !== undefined) defineData(out, key, copy(item, ancestors));
    }
    result = out;
  }
  ancestors.pop();
  return Object.freeze(result);
}
