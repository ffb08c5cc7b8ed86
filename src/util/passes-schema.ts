import { z } from 'zod';

/** Uses of a schema after which generating its fast path pays off. */
const COMPILE_AFTER_USES = 8;

const uses = new WeakMap<z.ZodType, { count: number; fast?: z.ZodType }>();

/**
 * The schema to parse with: the runtime parser for its first few uses, so that a cold start or a
 * one-off build pays for no code generation, then zod's generated fast path (`z.compile`). Valid
 * input takes the fast path; invalid input falls back to the runtime parser, which reports every
 * issue.
 */
export function compiledSchema<T extends z.ZodType>(schema: T): T {
  let entry = uses.get(schema);
  if (entry === undefined) {
    entry = { count: 0 };
    uses.set(schema, entry);
  }
  if (entry.fast === undefined && ++entry.count >= COMPILE_AFTER_USES) entry.fast = z.compile(schema);
  return (entry.fast ?? schema) as T;
}
