import type { z } from 'zod';
import { didYouMean } from '../util/did-you-mean.js';
import { ISSUE_CODES, type IssueCode } from './issue-codes.js';
import { knownFields } from './known-fields.js';

/** A problem found by a wire schema: its code, its path inside the value checked, and what is wrong. */
export interface WireProblem {
  readonly code: IssueCode;
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** For an unknown field: the known field it probably meant. */
  readonly suggestion?: string;
}

/**
 * zod's issues as coded problems: a refinement's own code (`params.code`, see `report`), or a code
 * for zod's kind of issue. A missing value says `is required`; a strict object's unknown keys
 * become one problem each, which, given the `schema` that found them, says what the key probably
 * meant (`unknown field "comand" — did you mean "command"?`, with the `suggestion`) or else which
 * fields the object has; a record key's own issues say more than "Invalid key in record".
 * `value` is what was parsed (zod's issues do not carry the input).
 */
export function zodProblems(issues: readonly z.core.$ZodIssue[], value: unknown, schema?: z.ZodType): WireProblem[] {
  return issues.flatMap((issue): WireProblem[] => {
    const path = issue.path as (string | number)[];
    switch (issue.code) {
      case 'custom': {
        const code = (issue.params as { code?: unknown } | undefined)?.code;
        return [{ code: typeof code === 'string' && code in ISSUE_CODES ? (code as IssueCode) : 'invalid-value', path, message: issue.message }];
      }
      case 'invalid_type':
        return [valueAt(value, path) === undefined ? { code: 'missing-field', path, message: 'is required' } : { code: 'invalid-type', path, message: issue.message }];
      case 'unrecognized_keys': {
        const known = schema === undefined ? undefined : knownFields(schema, value, path);
        return issue.keys.map((key) => unknownField(key, path, known));
      }
      case 'invalid_union':
        return [{ code: 'unknown-scorer-type', path, message: issue.message }];
      case 'invalid_key':
        return zodProblems(issue.issues, valueAt(value, path)).map((inner) => ({ ...inner, path: [...path, ...inner.path] }));
      default:
        return [{ code: 'invalid-value', path, message: issue.message }];
    }
  });
}

/** An unknown field: what it probably meant, else which fields there are (when the fields of the object are known). */
function unknownField(key: string, path: readonly (string | number)[], known: readonly string[] | undefined): WireProblem {
  const problem = { code: 'unknown-field', path: [...path, key] } as const;
  const suggestion = known === undefined ? undefined : didYouMean(key, known);
  if (suggestion !== undefined) return { ...problem, message: `unknown field ${JSON.stringify(key)} — did you mean ${JSON.stringify(suggestion)}?`, suggestion };
  const fields = known === undefined || known.length === 0 ? '' : `; the fields here are ${known.map((field) => JSON.stringify(field)).join(', ')}`;
  return { ...problem, message: `unknown field ${JSON.stringify(key)}${fields}` };
}

/** The value at `path` inside `value`, `undefined` where there is none. */
function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let node = value;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}
