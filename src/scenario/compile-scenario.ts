import type { z } from 'zod';
import type { EnvironmentInput } from '../environment/environment-input.js';
import { toWireEnvironment } from '../environment/to-wire-environment.js';
import { CREATE_REQUIRED_FIELDS, PAYLOAD_FIELDS, type PayloadField } from '../schema/scenario-payload.js';
import { RelativeScoringContractSchema, ScoringContractSchema } from '../schema/scoring-contract.js';
import { normalizeWeights } from '../scorers/normalize-weights.js';
import { resolveScorerNames } from '../scorers/scorer-names.js';
import { compiledSchema } from '../util/compiled-schema.js';
import { fixFor } from '../validation/fix-hints.js';
import type { ScenarioIssue } from '../validation/scenario-issue.js';
import { ScenarioPart, type CompiledField } from './scenario-part.js';
import type { ProblemState, ScenarioState, ScoringState } from './scenario-state.js';

/** A whole payload (frozen) and every problem found in it. */
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

/**
 * Turns a builder's state into its frozen wire payload, fields in the order they were first set,
 * validating each against its zod schema. Parts shared between builders were compiled once, by
 * the first of them.
 */
export function compileScenario(state: ScenarioState, mode: 'update' | 'create'): CompiledScenario {
  const payload: Record<string, unknown> = {};
  let issues = NO_ISSUES;
  for (const field of Object.keys(state) as PayloadField[]) {
    const value: unknown = state[field];
    if (value === undefined) continue;
    let found: readonly ScenarioIssue[];
    if (value instanceof ScenarioPart) {
      ({ value: payload[field], issues: found } = value.compiled);
    } else {
      payload[field] = value;
      found = validate(PAYLOAD_FIELDS[field], value, field);
    }
    if (found.length > 0) issues = [...issues, ...found];
  }
  if (mode === 'create') {
    for (const field of CREATE_REQUIRED_FIELDS) {
      if (payload[field] === undefined) issues = [...issues, issueAt([field], MISSING_FOR_CREATE[field])];
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
  const value = toWireEnvironment(environment);
  return { value, issues: validate(PAYLOAD_FIELDS.environment_parameters, value, 'environment_parameters') };
}

function compileProblem({ statement, context }: ProblemState): CompiledField {
  const value = Object.freeze(
    context === undefined ? { problem_statement: statement } : { problem_statement: statement, additional_context: context },
  );
  return { value, issues: validate(PAYLOAD_FIELDS.input_context, value, 'input_context') };
}

function compileScoring(scoring: ScoringState): CompiledField {
  const names = resolveScorerNames(scoring.entries.map((entry) => entry.scorer));
  const functions = scoring.entries.map((entry, index) => ({
    name: names[index]!,
    scorer: entry.scorer.definition,
    weight: entry.weight,
  }));
  const schema = scoring.exactWeights ? ScoringContractSchema : RelativeScoringContractSchema;
  const found = validate(schema, { scoring_function_parameters: functions }, 'scoring_contract');
  const problems = scoring.problems.length === 0 ? found : [...scoring.problems, ...found];
  if (problems.length === 0 && !scoring.exactWeights) {
    const weights = normalizeWeights(functions.map((fn) => fn.weight));
    for (let index = 0; index < functions.length; index++) functions[index]!.weight = weights[index]!;
  }
  for (const fn of functions) Object.freeze(fn);
  return {
    value: Object.freeze({ scoring_function_parameters: Object.freeze(functions) }),
    issues: problems.length === 0 ? NO_ISSUES : problems.map((issue) => withScorerName(issue, names)),
  };
}

/**
 * Prefixes issues inside one scorer with that scorer's name, so a message says which scorer it is
 * about (issues about the name itself already quote it).
 */
function withScorerName(issue: ScenarioIssue, names: readonly string[]): ScenarioIssue {
  const index = issue.path[2];
  if (typeof index !== 'number' || issue.path.length <= 3 || issue.path[3] === 'name') return issue;
  return { ...issue, message: `scorer ${JSON.stringify(names[index])}: ${issue.message}` };
}

function validate(schema: z.ZodType, value: unknown, field: PayloadField): readonly ScenarioIssue[] {
  const result = compiledSchema(schema).safeParse(value);
  if (result.success) return NO_ISSUES;
  return result.error.issues.map((issue) =>
    issueAt(
      [field, ...(issue.path as (string | number)[])],
      // a record key's own issues say more than zod's "Invalid key in record"
      issue.code === 'invalid_key' ? issue.issues.map((inner) => inner.message).join('; ') : issue.message,
    ),
  );
}

function issueAt(path: (string | number)[], message: string): ScenarioIssue {
  return Object.freeze({ path: Object.freeze(path), message, fix: fixFor(path) });
}
