import { z } from 'zod';

/** Uses of a schema after which generating its fast path pays off. */
const COMPILE_AFTER_USES = 8;

const uses = new WeakMap<z.ZodType, { count: number; fast?: z.ZodType }>();

/**
 * Whether `value` passes `schema` without a single issue (a warning raised by a refinement is an
 * issue too). The happy path of validation: zod's `.validate()`, which builds no parsed copy and
 * no error, on the runtime parser for a schema's first few uses (so a cold start or a one-off
 * build pays for no code generation), then on zod's generated validator (`z.compile`). When it
 * says no, parse again with `safeParse` to learn every issue.
 *
 * @example
 * ```ts
 * const issues = passesSchema(schema, value) ? [] : schema.safeParse(value).error!.issues;
 * ```
 */
export function passesSchema(schema: z.ZodType, value: unknown): boolean {
  let entry = uses.get(schema);
  if (entry === undefined) {
    entry = { count: 0 };
    uses.set(schema, entry);
  }
  if (entry.fast === undefined && ++entry.count >= COMPILE_AFTER_USES) entry.fast = z.compile(schema);
  return (entry.fast ?? schema).validate(value);
}
