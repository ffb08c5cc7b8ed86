import { z } from 'zod';
import { describe, isPlainObject } from '../schema/json-object.js';
import { didYouMean } from '../util/did-you-mean.js';
import type { IssueCode } from './issue-codes.js';

/** A problem with an option object, at a path inside it (camelCase keys). */
export interface OptionProblem {
  readonly code: Extract<IssueCode, 'unknown-option' | 'invalid-option'>;
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** For an unknown key: the known key it probably meant. */
  readonly suggestion?: string | undefined;
}

const NONE: readonly OptionProblem[] = Object.freeze([]);

/**
 * The problems of an option object against its strict zod schema: every key the schema does not
 * know, with a did-you-mean when a known key is close (`unknown option "workingDir" — did you mean
 * "workingDirectory"?`), nested objects checked the same way, and the values the schema types
 * (options that never reach the wire, such as `escaped`) checked too. Values typed `unknown` are
 * left to the wire schema. `undefined` is no options at all.
 */
export function optionProblems(schema: z.ZodType, value: unknown, path: readonly (string | number)[] = []): readonly OptionProblem[] {
  if (value === undefined) return NONE;
  const list = arraySchemaFor(schema, value);
  if (list !== undefined) {
    return (value as unknown[]).flatMap((item, index) => optionProblems(list.element as z.ZodType, item, [...path, index]));
  }
  const object = objectSchemaFor(schema, value);
  if (object === undefined) return leafProblems(schema, value, path);
  if (!isPlainObject(value)) {
    // inside the options, a value of the wrong kind reaches the wire, whose schema reports it at its field
    return path.length > 0 ? NONE : [{ code: 'invalid-option', path, message: `must be an object of options (got ${describe(value)})` }];
  }
  const shape = object.shape as Record<string, z.ZodType>;
  const known = Object.keys(shape);
  let problems = NONE;
  for (const key of Object.keys(value)) {
    const inner = shape[key];
    const found =
      inner === undefined
        ? [unknownKey(key, known, path)]
        : optionProblems(inner, value[key], [...path, key]);
    if (found.length > 0) problems = [...problems, ...found];
  }
  return problems;
}

function unknownKey(key: string, known: readonly string[], path: readonly (string | number)[]): OptionProblem {
  const suggestion = didYouMean(key, known);
  const hint = suggestion === undefined ? `; the options are ${known.map((k) => JSON.stringify(k)).join(', ')}` : ` — did you mean ${JSON.stringify(suggestion)}?`;
  return { code: 'unknown-option', path: [...path, key], message: `unknown option ${JSON.stringify(key)}${hint}`, suggestion };
}

/** The object schema that applies to `value`: the schema itself, or the object member of a union when `value` is an object. */
function objectSchemaFor(schema: z.ZodType, value: unknown): z.ZodObject | undefined {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) return inner;
  if (inner instanceof z.ZodUnion && isPlainObject(value)) {
    return (inner.options as z.ZodType[]).map(unwrap).find((option): option is z.ZodObject => option instanceof z.ZodObject);
  }
  return undefined;
}

/** The array schema that applies to `value`: the schema itself, or the array member of a union when `value` is an array. */
function arraySchemaFor(schema: z.ZodType, value: unknown): z.ZodArray | undefined {
  if (!Array.isArray(value)) return undefined;
  const inner = unwrap(schema);
  const options = inner instanceof z.ZodUnion ? (inner.options as z.ZodType[]).map(unwrap) : [inner];
  return options.find((option): option is z.ZodArray => option instanceof z.ZodArray);
}

function leafProblems(schema: z.ZodType, value: unknown, path: readonly (string | number)[]): readonly OptionProblem[] {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodUnknown || inner instanceof z.ZodUnion) return NONE;
  const result = inner.safeParse(value);
  return result.success ? NONE : [{ code: 'invalid-option', path, message: result.error.issues[0]?.message ?? 'is not a valid option' }];
}

function unwrap(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional ? unwrap(schema.unwrap() as z.ZodType) : schema;
}
