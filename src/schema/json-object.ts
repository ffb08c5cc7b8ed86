import { z } from 'zod';

/**
 * A JSON object: the shape the API gives `additional_context` and `scorer_params`.
 *
 * @example
 * ```ts
 * const context: JsonObject = { issue: 42, labels: ['bug'] };
 * ```
 */
export type JsonObject = { [key: string]: unknown };

/**
 * Accepts only plain JSON objects whose every value survives `JSON.stringify` / `JSON.parse`
 * unchanged: no functions, symbols, `undefined` in arrays, BigInt, non-finite numbers, class
 * instances or cycles. Each offending value is reported at its own path.
 */
export const JsonObjectSchema = z.custom<JsonObject>().superRefine((value, ctx) => {
  if (!isPlainObject(value)) {
    ctx.addIssue({ code: 'custom', message: `must be a JSON object (got ${describe(value)})` });
    return;
  }
  const ancestors = new Set<object>();
  const visit = (node: unknown, path: PropertyKey[]): void => {
    const problem = jsonProblem(node, ancestors);
    if (problem) {
      ctx.addIssue({ code: 'custom', path, message: problem });
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    ancestors.add(node);
    if (Array.isArray(node)) node.forEach((item, index) => visit(item, [...path, index]));
    else for (const [key, item] of Object.entries(node)) if (item !== undefined) visit(item, [...path, key]);
    ancestors.delete(node);
  };
  visit(value, []);
});

function jsonProblem(node: unknown, ancestors: Set<object>): string | undefined {
  switch (typeof node) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(node) ? undefined : `${node} is not a JSON number`;
    case 'object':
      if (node === null) return undefined;
      if (ancestors.has(node)) return 'is a circular reference; JSON cannot hold cycles';
      if (Array.isArray(node) || isPlainObject(node)) return undefined;
      return `${describe(node)} is not a plain JSON value; convert it first (e.g. to a string)`;
    default:
      return `${describe(node)} is not JSON-serialisable`;
  }
}

function isPlainObject(value: unknown): value is JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `a ${value.constructor?.name ?? 'non-plain'} object`;
  if (typeof value === 'bigint') return 'a BigInt';
  if (typeof value === 'function') return 'a function';
  return `${typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`}`;
}
