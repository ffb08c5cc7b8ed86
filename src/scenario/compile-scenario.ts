import type { z } from 'zod';
import { ENVIRONMENT_FIELDS, environmentSchema } from '../environment/environment-fields.js';
import type { EnvironmentInput } from '../environment/environment-input.js';
import { inputSchema, toWire } from '../environment/field-table.js';
import { CREATE_REQUIRED_FIELDS, PAYLOAD_FIELDS, type PayloadField } from '../schema/scenario-payload.js';
import { normalizeWeights } from '../scorers/normalize-weights.js';
import { kindBit } from '../scorers/registry.js';
import { scorerOptionProblems } from '../scorers/scorer.js';
import { resolveScorerNames } from '../scorers/scorer-names.js';
import { contractSchemaFor } from '../scorers/scoring-contract.js';
import { lazy } from '../util/lazy.js';
import { passesSchema } from '../util/passes-schema.js';
import { optionProblems } from '../validation/option-problems.js';
import type { ScenarioIssue } from '../validation/scenario-issue.js';
import { ScenarioPart, type CompiledField } from './scenario-part.js';
import { createIssue, environmentOptionIssues, issuesFromZod, scorerOptionIssues, type ScorerTypes } from './scenario-issues.js';
import type { ProblemState, ScenarioState, ScoringState } from './scenario-state.js';

/** A whole payload (frozen) and every problem found in it, errors and warnings. */
export interface CompiledScenario {
  readonly payload: Readonly<Record<string, unknown>>;
  readonly issues: readonly ScenarioIssue[];
}

const NO_ISSUES: readonly ScenarioIssue[] = Object.freeze([]);

const MISSING_FOR_CREATE: Record<(typeof CREATE_REQUIRED_FIELDS)[number], string> = {
  name: 'a scenario needs a name to be created',
  input_context: 'a scenario needs a problem statement to be created',
  scoring_contract: 'a scenario needs at least one scorer to be created',
};

/** The keys `.env()` takes, as a strict schema derived from the environment's field table. */
const environmentInputSchema = lazy(() => inputSchema(ENVIRONMENT_FIELDS));

/**
 * Turns a builder's state into its frozen wire payload, fields in the order they were first set,
 * validating each against its zod schema (the state's local settings never reach it). Parts
 * shared between builders were compiled once, by the first of them.
 */
export function compileScenario(state: ScenarioState, mode: 'update' | 'create'): CompiledScenario {
  const payload: Record<string, unknown> = {};
  let issues = state.problems;
  for (const field of state.fields) {
    const value: unknown = state[field];
    if (value === undefined) continue;
    let found: readonly ScenarioIssue[];
    if (value instanceof ScenarioPart) {
      ({ value: payload[field], issues: found } = value.compiled);
    } else {
      payload[field] = value;
      found = validate(PAYLOAD_FIELDS[field].schema(), value, field);
    }
    if (found.length > 0) issues = [...issues, ...found];
  }
  if (mode === 'create') {
    for (const field of CREATE_REQUIRED_FIELDS) {
      if (payload[field] === undefined) issues = [...issues, createIssue('missing-field', [field], MISSING_FOR_CREATE[field])];
    }
  }
  return { payload: Object.freeze(payload), issues };
}

/** A state part holding `.env()` input, compiled to `environment_parameters`. */
export function environmentPart(environment: EnvironmentInput): ScenarioPart<EnvironmentInput> {
  return new ScenarioPart(environment, compileEnvironment);
}

/** A state part holding `.problem()` input, compiled to `input_context`. */
export function problemPart(problem: ProblemState): ScenarioPart<ProblemState> {
  return new ScenarioPart(problem, compileProblem);
}

/** A state part holding the scorers, compiled to `scoring_contract` with names resolved and weights normalised. */
export function scoringPart(scoring: ScoringState): ScenarioPart<ScoringState> {
  return new ScenarioPart(scoring, compileScoring);
}

function compileEnvironment(environment: EnvironmentInput): CompiledField {
  const value = toWire(ENVIRONMENT_FIELDS, environment);
  const options = environmentOptionIssues(optionProblems(environmentInputSchema, environment));
  const found = validate(environmentSchema(), value, 'environment_parameters');
  return { value, issues: options.length === 0 ? found : [...options, ...found] };
}

function compileProblem({ statement, context, issues }: ProblemState): CompiledField {
  const value = Object.freeze(
    context === undefined ? { problem_statement: statement } : { problem_statement: statement, additional_context: context },
  );
  const found = validate(PAYLOAD_FIELDS.input_context.schema(), value, 'input_context');
  return { value, issues: issues.length === 0 ? found : [...issues, ...found] };
}

function compileScoring(scoring: ScoringState): CompiledField {
  const { entries } = scoring;
  const names = resolveScorerNames(entries.map((entry) => entry.scorer));
  const functions = new Array<{ name: string; scorer: unknown; weight: number }>(entries.length);
  let problems: readonly ScenarioIssue[] = NO_ISSUES;
  let kinds = 0;
  for (let index = 0; index < entries.length; index++) {
    const { scorer, weight } = entries[index]!;
    functions[index] = { name: names[index]!, scorer: scorer.definition, weight };
    kinds |= kindBit(typeOf(scorer.definition));
    const found = scorerOptionProblems(scorer);
    if (found) problems = [...problems, ...scorerOptionIssues(found, index, typeOf(scorer.definition))];
  }
  const found = validate(contractSchemaFor(scoring.exactWeights, kinds), { scoring_function_parameters: functions }, 'scoring_contract', () => functions.map((fn) => typeOf(fn.scorer)));
  if (found.length > 0) problems = [...problems, ...found];
  if (!scoring.exactWeights && !problems.some((issue) => issue.severity === 'error')) {
    const weights = normalizeWeights(functions.map((fn) => fn.weight));
    for (let index = 0; index < functions.length; index++) functions[index]!.weight = weights[index]!;
  }
  for (const fn of functions) Object.freeze(fn);
  return {
    value: Object.freeze({ scoring_function_parameters: Object.freeze(functions) }),
    issues: problems.length === 0 ? NO_ISSUES : problems.map((issue) => withScorerName(issue, names)),
  };
}

/** A scorer definition's wire type, if it has one (a value from untyped code may not). */
const typeOf = (definition: unknown): unknown => (definition as { type?: unknown } | null)?.type;

/**
 * Prefixes issues inside one scorer (a field of its definition, its weight) with that scorer's
 * name, so a message says which scorer it is about.
 */
function withScorerName(issue: ScenarioIssue, names: readonly string[]): ScenarioIssue {
  const index = issue.path[2];
  const insideOne = issue.path[3] === 'weight' || (issue.path[3] === 'scorer' && issue.path.length > 4);
  if (typeof index !== 'number' || !insideOne) return issue;
  return Object.freeze({ ...issue, message: `scorer ${JSON.stringify(names[index])}: ${issue.message}` });
}

/** The issues of a payload field's value (none on the happy path, which allocates nothing); `scorers` gives the scorer types, for fix hints. */
function validate(schema: z.ZodType, value: unknown, field: PayloadField, scorers?: () => ScorerTypes): readonly ScenarioIssue[] {
  if (passesSchema(schema, value)) return NO_ISSUES;
  // only to explain a failure: every issue, errors and warnings, with its path
  const result = schema.safeParse(value);
  return result.success ? NO_ISSUES : issuesFromZod(result.error, value, schema, [field], scorers?.());
}
