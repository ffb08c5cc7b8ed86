import type { z } from 'zod';
import { ENVIRONMENT_FIELDS } from '../environment/environment-fields.js';
import { fixForInput, inputPathOf, wirePathOf } from '../environment/field-table.js';
import { PAYLOAD_FIELDS, type PayloadField } from '../schema/scenario-payload.js';
import { kindOf, SCORER_KINDS } from '../scorers/registry.js';
import type { ScorerKind } from '../scorers/scorer-kind.js';
import { ISSUE_CODES, type IssueCode } from '../validation/issue-codes.js';
import type { OptionProblem } from '../validation/option-problems.js';
import { formatIssuePath, type ScenarioIssue } from '../validation/scenario-issue.js';
import { zodProblems } from '../validation/zod-problems.js';

type Path = readonly (string | number)[];

/** Where an issue is in the code the author wrote, and the call that fixes it. */
interface Location {
  readonly inputPath: string;
  readonly fix: string;
}

/** What an issue is located with besides its wire path: the wire types of the scenario's scorers, by index. */
export type ScorerTypes = readonly unknown[];

const NO_SCORERS: ScorerTypes = Object.freeze([]);

const ANY_SCORER = `a scorer factory: ${SCORER_KINDS.map((kind) => kind.factory).join(', ')}`;

/**
 * The one place scenario issues are made: the severity comes from the code; the input path and
 * the fix are found from the wire path unless given.
 */
export function createIssue(code: IssueCode, path: Path, message: string, location?: Partial<Location>, scorers = NO_SCORERS): ScenarioIssue {
  const found = location?.inputPath !== undefined && location.fix !== undefined ? (location as Location) : { ...locate(path, scorers), ...location };
  return Object.freeze({ severity: ISSUE_CODES[code].severity, code, path: Object.freeze([...path]), inputPath: found.inputPath, message, fix: found.fix });
}

/**
 * The issues of a failed zod parse of `value` by `schema`, `value` being at wire path `base`. An
 * unknown field's fix is that of the field it probably meant, else that of the object holding it
 * (never a call repeating the unknown key).
 */
export function issuesFromZod(error: z.ZodError, value: unknown, schema: z.ZodType, base: Path, scorers = NO_SCORERS): ScenarioIssue[] {
  return zodProblems(error.issues, value, schema).map(({ code, path, message, suggestion }) => {
    const meant = code !== 'unknown-field' ? undefined : suggestion === undefined ? path.slice(0, -1) : [...path.slice(0, -1), suggestion];
    return createIssue(code, [...base, ...path], message, meant && { fix: locate([...base, ...meant], scorers).fix }, scorers);
  });
}

/** The issues of an `.env()` input's option check. */
export function environmentOptionIssues(problems: readonly OptionProblem[]): ScenarioIssue[] {
  return problems.map(({ code, path, message, suggestion }) => {
    const at = suggestion === undefined ? path.slice(0, -1) : [...path.slice(0, -1), suggestion];
    const fixPath = code === 'unknown-option' ? at : path;
    return createIssue(code, ['environment_parameters', ...wirePathOf(ENVIRONMENT_FIELDS, path)], message, {
      inputPath: formatIssuePath(['env', ...path]),
      fix: fixPath.length > 0 ? fixForInput('env', fixPath) : PAYLOAD_FIELDS.environment_parameters.fix,
    });
  });
}

/** The issues of a scorer's option check, for the scorer at `index` of a scenario. */
export function scorerOptionIssues(problems: readonly OptionProblem[], index: number, type: unknown): ScenarioIssue[] {
  const kind = kindOf(type);
  return problems.map(({ code, path, message, suggestion }) =>
    createIssue(code, ['scoring_contract', 'scoring_function_parameters', index, 'scorer'], message, {
      inputPath: formatIssuePath(['scorer', index, ...path]),
      fix: kind === undefined ? ANY_SCORER : scorerOptionFix(kind, code, path, suggestion),
    }),
  );
}

/**
 * The fix of a scorer option problem: a problem inside an option (`files[0].content`) is fixed in
 * that option (`testBased({ files })`); an unknown top-level option by the one meant, or else by
 * the factory's signature.
 */
function scorerOptionFix(kind: ScorerKind, code: IssueCode, path: Path, suggestion: string | undefined): string {
  if (path.length === 1 && suggestion !== undefined) return factoryFix(kind, suggestion);
  if (path.length === 1 && code === 'unknown-option') return factorySignature(kind);
  return factoryFix(kind, String(path[0] ?? ''));
}

/** The issues of an option object of a builder method (`.problem()`'s, `.push()`'s…), which has no wire field of its own. */
export function methodOptionIssues(problems: readonly OptionProblem[], method: string, path: Path, fix: string): ScenarioIssue[] {
  return problems.map(({ code, path: inner, message }) => createIssue(code, path, message, { inputPath: formatIssuePath([method, ...inner]), fix }));
}

/** The input path and the fix of the wire field at `path`. */
function locate(path: Path, scorers: ScorerTypes): Location {
  const [field, ...rest] = path;
  if (field === 'id') return { inputPath: 'push(id)', fix: '.push(id) with the id of an existing scenario (scn_…)' };
  const entry = typeof field === 'string' ? PAYLOAD_FIELDS[field as PayloadField] : undefined;
  if (entry === undefined) return { inputPath: formatIssuePath(path), fix: PAYLOAD_FIELDS.name.fix };
  switch (field as PayloadField) {
    case 'environment_parameters': {
      const inner = inputPathOf(ENVIRONMENT_FIELDS, rest) ?? [];
      return { inputPath: formatIssuePath(['env', ...inner]), fix: inner.length > 0 ? fixForInput('env', inner) : entry.fix };
    }
    case 'input_context': {
      const [key, ...deeper] = rest;
      if (key === 'additional_context') return { inputPath: formatIssuePath(['problem', 'context', ...deeper]), fix: '.problem(statement, { context })' };
      return { inputPath: key === 'problem_statement' ? 'problem.statement' : 'problem', fix: entry.fix };
    }
    case 'scoring_contract':
      return locateScorer(rest.slice(1), scorers);
    default:
      return { inputPath: formatIssuePath([entry.method, ...rest]), fix: entry.fix };
  }
}

/** A path inside `scoring_function_parameters`: `[index, 'weight' | 'name' | 'scorer', …]`. */
function locateScorer([index, member, key, ...deeper]: Path, scorers: ScorerTypes): Location {
  if (typeof index !== 'number') return { inputPath: 'scorer', fix: PAYLOAD_FIELDS.scoring_contract.fix };
  const at = (...more: (string | number)[]) => formatIssuePath(['scorer', index, ...more]);
  const kind = kindOf(scorers[index]);
  if (member === 'weight') return { inputPath: at('weight'), fix: '.scorer(scorer, weight)' };
  if (member === 'name') return { inputPath: at('name'), fix: kind ? factoryFix(kind, 'name') : "the scorer factory's name option" };
  if (kind === undefined || key === 'type') return { inputPath: at(), fix: ANY_SCORER };
  if (key === undefined) return { inputPath: at(), fix: factorySignature(kind) };
  const rename = (segment: string | number) => (typeof segment === 'number' ? segment : (kind.inputs[segment] ?? segment));
  const input = rename(key) as string;
  return { inputPath: at(input, ...deeper.map(rename)), fix: factoryFix(kind, input) };
}

/** A kind's factory, its parameters and options: `command(command, options)`, `testBased(options)`. */
function factorySignature(kind: ScorerKind): string {
  return `${kind.factory}(${[...kind.parameters, 'options'].join(', ')})`;
}

/** The factory call that sets input `input` of a kind: `astGrep(pattern)`, `astGrep(pattern, { lang })`, `testBased({ files })`. */
function factoryFix(kind: ScorerKind, input: string): string {
  const position = kind.parameters.indexOf(input);
  if (position >= 0) return `${kind.factory}(${kind.parameters.slice(0, position + 1).join(', ')})`;
  return `${kind.factory}(${[...kind.parameters, `{ ${input} }`].join(', ')})`;
}
