import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { z } from 'zod';
import { formatIssuePath, ISSUE_CODES, Scenario, type IssueCode, ScenarioCreatePayloadSchema, type ScenarioCreatePayload } from '../index.js';
import { payloadAsView } from '../scenario/from-view.js';
import { describeValue } from '../util/describe-value.js';
import { zodProblems } from '../validation/zod-problems.js';
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
      const found = zodProblems(result.error.issues, item, ScenarioCreatePayloadSchema).map(({ code, path: inner, message }) =>
        problem(inner, code === 'missing-field' ? 'is missing; a create payload needs it' : message),
      );
      problems.push(...found.sort((a, b) => a.line - b.line).map(({ text }) => text)); // top to bottom, as the file reads
      continue;
    }
    const origin = list ? `${at(shown, parsed.file.lineOf(prefix))}, [${index}]` : shown;
    try {
      // the builder rebuilds the payload exactly, so an issue's wire path is a path in the file
      const locate = (path: readonly (string | number)[]) => at(shown, parsed.file.lineOf([...prefix, ...path]));
      entries.push({ builder: Scenario.fromView(payloadAsView(item as ScenarioCreatePayload)), origin, locate });
    } catch (error) {
      problems.push(`${origin}: could not be turned into a builder: ${(error as Error).message}`);
    }
  }
  return { entries, notes: [], problems };
};

/** Whether a zod issue is one of scenariokit's warnings (a refinement's code whose severity is `warning`), not an error. */
function isWarning(issue: z.core.$ZodIssue): boolean {
  const code = issue.code === 'custom' ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
  return typeof code === 'string' && Object.hasOwn(ISSUE_CODES, code) && ISSUE_CODES[code as IssueCode].severity === 'warning';
}

/** `file`, `file:line` or `file:line:column`: the form editors and terminals link to. */
function at(file: string, line?: number, column?: number): string {
  return line === undefined ? file : column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
}
