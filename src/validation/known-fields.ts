import { z } from 'zod';

/**
 * The fields the object schema inside `schema` at `path` knows, for a did-you-mean: `path` is
 * followed through objects, lists, records and the wrappers of an optional or nullable value;
 * of a union, the member the value at that point chose (by the discriminator of a discriminated
 * union, such as a scorer's `type`), else its first object. `undefined` when no object schema is
 * there.
 */
export function knownFields(schema: z.ZodType, value: unknown, path: readonly PropertyKey[]): readonly string[] | undefined {
  let node: z.ZodType | undefined = schema;
  let data = value;
  for (const key of path) {
    node = step(resolved(node, data), key);
    data = typeof data === 'object' && data !== null ? (data as Record<PropertyKey, unknown>)[key] : undefined;
    if (node === undefined) return undefined;
  }
  const object = resolved(node, data);
  return object instanceof z.ZodObject ? Object.keys(object.shape) : undefined;
}

/** The schema of the member `key` of a value that `schema` (resolved) describes. */
function step(schema: z.ZodType | undefined, key: PropertyKey): z.ZodType | undefined {
  if (schema instanceof z.ZodObject) return typeof key === 'string' && Object.hasOwn(schema.shape, key) ? (schema.shape[key] as z.ZodType) : undefined;
  if (schema instanceof z.ZodArray) return schema.element as z.ZodType;
  if (schema instanceof z.ZodRecord) return schema.valueType as z.ZodType;
  return undefined;
}

/** `schema` without its wrappers (optional, nullable, required, default, pipe, lazy…), a union narrowed to the member `value` chose. */
function resolved(schema: z.ZodType | undefined, value: unknown): z.ZodType | undefined {
  let node = schema;
  for (;;) {
    const def = node?.def as { innerType?: z.ZodType; in?: z.ZodType; getter?: () => z.ZodType } | undefined;
    if (node instanceof z.ZodUnion) node = member(node, value);
    else if (def?.innerType !== undefined) node = def.innerType; // optional, nullable, nonoptional (required), default, readonly, catch
    else if (node instanceof z.ZodPipe) node = def!.in;
    else if (node instanceof z.ZodLazy) node = def!.getter!();
    else return node;
  }
}

/** The member of a union that `value` is meant for: by the discriminator's value, else the first object. */
function member(union: z.ZodUnion, value: unknown): z.ZodType | undefined {
  const options = (union.options as z.ZodType[]).map((option) => resolved(option, value));
  const discriminator = (union.def as { discriminator?: string }).discriminator;
  if (discriminator !== undefined && typeof value === 'object' && value !== null) {
    const tag = (value as Record<string, unknown>)[discriminator];
    const chosen = options.find((option) => option instanceof z.ZodObject && (option.shape[discriminator] as z.ZodType | undefined)?.safeParse(tag).success);
    if (chosen !== undefined) return chosen;
  }
  return options.find((option) => option instanceof z.ZodObject);
}
