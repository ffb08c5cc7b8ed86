import { z } from 'zod';

const compiled = new WeakMap<z.ZodType, z.ZodType>();

/**
 * The schema with zod's generated fast path (`z.compile`), made on first use. Valid input takes
 * the fast path; invalid input falls back to the runtime parser, which reports every issue.
 */
export function compiledSchema<T extends z.ZodType>(schema: T): T {
  let fast = compiled.get(schema);
  if (fast === undefined) {
    fast = z.compile(schema);
    compiled.set(schema, fast);
  }
  return fast as T;
}
