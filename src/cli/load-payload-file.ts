import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { z } from 'zod';
import { formatIssuePath, ISSUE_CODES, Scenario, type IssueCode, ScenarioCreatePayloadSchema, type ScenarioCreatePayload, type StoredScenario } from '../index.js';
import { describeValue } from '../util/describe-value.js';
import { didYouMean } from '../util/did-you-mean.js';
import { knownFields } from '../validation/known-fields.js';
import { parseDataFile, type DataPath } from './parse-data-file.js';
import type { LoadedEntry, ScenarioFileLoader } from './scenario-file-loader.js';

/**
 * Reads a `.json`, `.yaml` or `.yml` file holding a scenario create payload (the body of
 * `POST /v1/scenarios`, as `scenariokit build` prints it) or a list of them, and turns each into
 * a builder with `Scenario.fromView`. Every payload is checked against the create payload's zod
 * schema first, which is strict: an unknown field is an error (with a did-you-mean). Each problem names the file, the
 * line and the path inside the file (`[2].scoring_contract…` in a list); all of them are reported.
 * scenariokit's checks beyond the API are warnings, not problems: the builder has them, and each
 * entry can say on which line of the file a field is (`locate`), so that a warning names it.
 */
export const loadPayloadFile: ScenarioFileLoader = async ({ path, shown }) => {
  const none = { entries: [], notes: [] };
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { ...none, problems: [`${shown}: could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`] };
  }
  const parsed = await parseDataFile(text, extname(path) === '.json' ? 'json' : 'yaml');
  if ('errors' in parsed) {
    return { ...none, problems: parsed.errors.map(({ message, line, column }) => `${at(shown, line, column)}: could not be parsed: ${message}`) };
  }
  const { value } = parsed.file;
  const expected = 'a payload file holds a scenario create payload (an object) or a list of them';
  if (value === null) return { ...none, problems: [`${shown}: is empty (or null); ${expected}`] };
  if (typeof value !== 'object') return { ...none, problems: [`${shown}: holds ${describeValue(value)}; ${expected}`] };
  const list = Array.isArray(value);
  const items: readonly unknown[] = list ? value : [value];
  const entries: LoadedEntry[] = [];
  const problems: string[] = [];
  for (const [index, item] of items.entries()) {
    const prefix: DataPath = list ? [index] : [];
    const problem = (inner: DataPath, message: string) => {
      const where = [...prefix, ...inner];
      const line = parsed.file.lineOf(where);
      const field = formatIssuePath(where);
      return { line: line ?? 0, text: `${at(shown, line)}: ${field === '' ? '' : `${field}: `}${message}` };
    };
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(problem([], `is ${describeValue(item)}; each item of the list is a scenario create payload (an object)`).text);
      continue;
    }
    if (!('input_context' in item) && !('scoring_contract' in item)) {
      // something else (a package.json in a scenario folder, say): one line, not one per field
      const fields = Object.keys(item);
      const listed = fields.length === 0 ? 'none' : `${fields.slice(0, 6).join(', ')}${fields.length > 6 ? ', …' : ''}`;
      problems.push(problem([], `not a scenario create payload: it has no input_context and no scoring_contract (its fields: ${listed}); if it is not meant to be one, move it out of the scenario folder`).text);
      continue;
    }
    // scenariokit's own checks are warnings: a payload with nothing else loads, and its builder reports them, naming
    // the file; a payload with errors is reported with all of its issues, as an invalid scenario is
    const result = ScenarioCreatePayloadSchema.safeParse(item);
    if (!result.success && !result.error.issues.every(isWarning)) {
      const found = payloadIssues(result.error.issues, item).map(({ path: inner, message }) => problem(inner, message));
      problems.push(...found.sort((a, b) => a.line - b.line).map(({ text }) => text)); // top to bottom, as the file reads
      continue;
    }
    const origin = list ? `${at(shown, parsed.file.lineOf(prefix))}, [${index}]` : shown;
    try {
      // the builder rebuilds the payload exactly, so an issue's wire path is a path in the file
      const locate = (path: readonly (string | number)[]) => at(shown, parsed.file.lineOf([...prefix, ...path]));
      entries.push({ builder: Scenario.fromView(asView(item as ScenarioCreatePayload)), origin, locate });
    } catch (error) {
      problems.push(`${origin}: could not be turned into a builder: ${(error as Error).message}`);
    }
  }
  return { entries, notes: [], problems };
};

/**
 * The issues of a payload, one per field: an absent required field says so (zod would say which
 * type it expected), an object with unknown fields gets one issue per field, at the field, and a
 * bad record key says what is wrong with it.
 */
function payloadIssues(issues: readonly z.core.$ZodIssue[], payload: object): { path: DataPath; message: string }[] {
  return issues.flatMap((issue) => {
    const path = issue.path as (string | number)[];
    if (issue.code === 'unrecognized_keys') {
      const known = knownFields(ScenarioCreatePayloadSchema, payload, path) ?? [];
      return issue.keys.map((key) => ({ path: [...path, key], message: unknownField(key, known) }));
    }
    if (issue.code === 'invalid_type' && isAbsent(payload, path)) return [{ path, message: 'is missing; a create payload needs it' }];
    // a record key's own issues say more than zod's "Invalid key in record"
    if (issue.code === 'invalid_key') {
      return [{ path: path.slice(0, -1), message: `key ${JSON.stringify(path.at(-1))} ${issue.issues.map((inner) => inner.message).join('; ')}` }];
    }
    return [{ path, message: issue.message }];
  });
}

/** What an unknown field probably meant (`unknown field "input_contxt" — did you mean "input_context"?`), else which fields the object has. */
function unknownField(key: string, known: readonly string[]): string {
  const suggestion = didYouMean(key, known);
  if (suggestion !== undefined) return `unknown field ${JSON.stringify(key)} — did you mean ${JSON.stringify(suggestion)}?`;
  return `unknown field ${JSON.stringify(key)}; the fields here are ${known.map((field) => JSON.stringify(field)).join(', ')}`;
}

/** Whether a zod issue is one of scenariokit's warnings (a refinement's code whose severity is `warning`), not an error. */
function isWarning(issue: z.core.$ZodIssue): boolean {
  const code = issue.code === 'custom' ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
  return typeof code === 'string' && Object.hasOwn(ISSUE_CODES, code) && ISSUE_CODES[code as IssueCode].severity === 'warning';
}

/** Whether the last key of `path` is absent from the object at the path before it. */
function isAbsent(root: object, path: readonly (string | number)[]): boolean {
  let node: unknown = root;
  for (const key of path.slice(0, -1)) node = typeof node === 'object' && node !== null ? (node as Record<string | number, unknown>)[key] : undefined;
  return typeof node === 'object' && node !== null && (node as Record<string | number, unknown>)[path.at(-1)!] === undefined;
}

/**
 * A create payload in the shape of a stored scenario, which `Scenario.fromView` takes: the same
 * fields, with `environment_parameters` stored as `environment`. It has no `id` or `status`,
 * which Runloop gives a stored scenario and `fromView` does not read.
 */
function asView(payload: ScenarioCreatePayload): StoredScenario {
  const { environment_parameters: environment, ...fields } = payload;
  return (environment === undefined ? fields : { ...fields, environment }) as StoredScenario;
}

/** `file`, `file:line` or `file:line:column`: the form editors and terminals link to. */
function at(file: string, line?: number, column?: number): string {
  return line === undefined ? file : column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
}
