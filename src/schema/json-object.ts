import { z } from 'zod';
import { describeValue } from '../util/describe-value.js';
import { MAX_JSON_DEPTH } from '../util/json-depth.js';
import { report } from '../validation/report-issue.js';

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
 * unchanged (`not-json` otherwise: functions, symbols, `undefined` in arrays, BigInt, non-finite
 * numbers, class instances, cycles) and that nest at most {@link MAX_JSON_DEPTH} levels
 * (`too-deep`). Each offending value is reported at its own path; nothing recurses without bound.
 *
 * All of it is one refinement of `unknown`, so that a value that is not an object at all is
 * reported with the same code as the rest; its JSON Schema (`z.toJSONSchema`, which
 * `scenariokit schema` prints) is stated in its metadata: an object, whatever its members (a
 * parsed JSON or YAML file holds only JSON, and the depth is left to `scenariokit validate`).
 */
export const JsonObjectSchema = z.unknown().superRefine((value, ctx) => {
  if (!isPlainObject(value)) {
    report(ctx, 'not-json', `must be a JSON object (got ${describeValue(value)})`);
    return;
  }
  const ancestors = new Set<object>();
  const visit = (node: unknown, path: PropertyKey[], depth: number): void => {
    const problem = jsonProblem(node, ancestors);
    if (problem) {
      report(ctx, 'not-json', problem, path);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    if (depth > MAX_JSON_DEPTH) {
      report(ctx, 'too-deep', `nests deeper than ${MAX_JSON_DEPTH} levels; flatten it or send it as a string`, path);
      return;
    }
    ancestors.add(node);
    if (Array.isArray(node)) node.forEach((item, index) => visit(item, [...path, index], depth + 1));
    else for (const [key, item] of Object.entries(node)) if (item !== undefined) visit(item, [...path, key], depth + 1);
    ancestors.delete(node);
  };
  visit(value, [], 1);
}).meta({ type: 'object', description: `A JSON object, nested at most ${MAX_JSON_DEPTH} levels deep.` }) as unknown as z.ZodType<JsonObject, JsonObject>;

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
      return `${describeValue(node)} is not a plain JSON value; convert it first (e.g. to a string)`;
    default:
      return `${describeValue(node)} is not JSON-serialisable`;
  }
}

/** Whether `value` is an object literal (or made by `Object.create(null)`, or parsed from JSON). */
export function isPlainObject(value: unknown): value is JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

