import { z } from 'zod';
import { isPlainObject } from '../schema/json-object.js';
import { describeValue } from '../util/describe-value.js';
import { didYouMean } from '../util/did-you-mean.js';
import type { Lazy } from '../util/lazy.js';
import type { IssueCode } from './issue-codes.js';
import { formatIssuePath } from './scenario-issue.js';

/** A problem with an option object, at a path inside it (camelCase keys). */
export interface OptionProblem {
  readonly code: Extract<IssueCode, 'unknown-option' | 'invalid-option'>;
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** For an unknown key: the known key it probably meant. */
  readonly suggestion?: string | undefined;
}

type Path = readonly (string | number)[];
/** A schema turned into a function that checks a value at a path, made once per schema. */
type Check = (value: unknown, path: Path) => readonly OptionProblem[];

const NONE: readonly OptionProblem[] = Object.freeze([]);
const checks = new WeakMap<z.ZodType, Check>();

/**
 * The problems of an option object against its strict zod schema: every key the schema does not
 * know, with a did-you-mean when a known key is close (`unknown option "workingDir" — did you mean
 * "workingDirectory"?`), nested objects (and the objects of a list) checked the same way, and the
 * values the schema types (options that never reach the wire, such as `escaped`) checked too.
 * Values typed `unknown` are left to the wire schema, and so is a nested value of the wrong kind.
 * `undefined` is no options at all; anything else that is not an object is a problem. The schema
 * is made only when there are options to check.
 */
export function optionProblems(schema: Lazy<z.ZodType>, value: unknown): readonly OptionProblem[] {
  if (value === undefined) return NONE;
  if (!isPlainObject(value)) return [{ code: 'invalid-option', path: [], message: `must be an object of options (got ${describeValue(value)})` }];
  return checkFor(schema())(value, []);
}

function checkFor(schema: z.ZodType): Check {
  let check = checks.get(schema);
  if (check === undefined) {
    check = compile(schema);
    checks.set(schema, check);
  }
  return check;
}

function compile(schema: z.ZodType): Check {
  const inner = unwrap(schema);
  const options = inner instanceof z.ZodUnion ? (inner.options as z.ZodType[]).map(unwrap) : [inner];
  const object = options.find((option): option is z.ZodObject => option instanceof z.ZodObject);
  const list = options.find((option): option is z.ZodArray => option instanceof z.ZodArray);
  // a value (or a union of values, `string | function`) that is neither an object nor a list is checked as a whole
  const leaf = !object && !list && !options.some((option) => option instanceof z.ZodUnknown) ? inner : undefined;
  const shape = object?.shape as Record<string, z.ZodType> | undefined;
  const known = shape ? Object.keys(shape) : [];
  // members typed `unknown` need no check at all: the wire schema checks them
  const members = new Map(known.map((key) => [key, unwrap(shape![key]!) instanceof z.ZodUnknown ? undefined : shape![key]!]));
  return (value, path) => {
    if (shape && isPlainObject(value)) {
      let problems = NONE;
      for (const key of Object.keys(value)) {
        const member = members.get(key);
        const found = !members.has(key) ? [unknownKey(key, known, path)] : member === undefined || value[key] === undefined ? NONE : checkFor(member)(value[key], [...path, key]);
        if (found.length > 0) problems = [...problems, ...found];
      }
      return problems;
    }
    if (list && Array.isArray(value)) {
      const element = checkFor(list.element as z.ZodType);
      return value.flatMap((item, index) => element(item, [...path, index]));
    }
    if (leaf) {
      const result = leaf.safeParse(value);
      if (!result.success) return [{ code: 'invalid-option', path, message: result.error.issues[0]?.message ?? 'is not a valid option' }];
    }
    // a value of the wrong kind reaches the wire, whose schema reports it at its field
    return NONE;
  };
}

function unknownKey(key: string, known: readonly string[], path: Path): OptionProblem {
  const suggestion = didYouMean(key, known);
  const hint = suggestion === undefined ? `; the options are ${known.map((k) => JSON.stringify(k)).join(', ')}` : ` — did you mean ${JSON.stringify(suggestion)}?`;
  return { code: 'unknown-option', path: [...path, key], message: `unknown option ${JSON.stringify(key)}${hint}`, suggestion };
}

function unwrap(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional ? unwrap(schema.unwrap() as z.ZodType) : schema;
}

/**
 * Checks options that belong to no scenario (a suite's, an import helper's): every problem of
 * {@link optionProblems} is the calling code's mistake, thrown as one `TypeError` naming each
 * (`Invalid push options:\n  - benchmrk: unknown option "benchmrk" — did you mean "benchmark"? [unknown-option]`).
 */
export function assertOptions<T>(schema: Lazy<z.ZodType>, options: unknown, what: string): T {
  const problems = optionProblems(schema, options);
  if (problems.length > 0) {
    const lines = problems.map((problem) => `  - ${formatIssuePath(problem.path) || '(options)'}: ${problem.message} [${problem.code}]`);
    throw new TypeError(`Invalid ${what}:\n${lines.join('\n')}`);
  }
  return (options ?? {}) as T;
}
