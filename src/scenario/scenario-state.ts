import type { EnvironmentInput } from '../environment/environment-input.js';
import type { JsonObject } from '../schema/json-object.js';
import type { PayloadField, ScenarioUpdatePayload } from '../schema/scenario-payload.js';
import type { Scorer } from '../scorers/scorer.js';
import type { ScenarioIssue } from '../validation/scenario-issue.js';
import type { LocalWorkspace } from './local-workspace.js';
import type { ScenarioPart } from './scenario-part.js';

/** A scorer and the relative weight it was added with. */
export interface ScorerEntry {
  readonly scorer: Scorer;
  readonly weight: number;
}

/** The scorers of a scenario and how their weights are sent. */
export interface ScoringState {
  readonly entries: readonly ScorerEntry[];
  readonly exactWeights: boolean;
}

/** `.problem()`'s statement and context, and the problems of its options. */
export interface ProblemState {
  readonly statement: string;
  readonly context: JsonObject | undefined;
  readonly issues: readonly ScenarioIssue[];
}

const NO_FIELDS: readonly PayloadField[] = [];
const NO_PROBLEMS: readonly ScenarioIssue[] = Object.freeze([]);

/**
 * Everything a builder holds: each payload field under its wire name (`undefined` until set),
 * plain fields as they are sent and the environment, problem and scoring as parts, compiled (and
 * validated) once per part, so that branches sharing a part share that work; the order in which
 * the fields were first set (the payload's order); and two local settings that no payload
 * carries: whether warnings fail the build and the local workspace (`scenariokit/verify`).
 *
 * Every state has every property from the start, in one order, so that they all share one
 * hidden class and a copy is a fixed sequence of property reads (a spread with a computed key
 * made each state a dictionary). Never mutated once made; builders keep it private, so it needs
 * no freezing (what reaches a payload is frozen).
 */
export class ScenarioState {
  readonly name: ScenarioUpdatePayload['name'];
  readonly input_context: ScenarioPart<ProblemState> | undefined;
  readonly scoring_contract: ScenarioPart<ScoringState> | undefined;
  readonly environment_parameters: ScenarioPart<EnvironmentInput> | undefined;
  readonly metadata: ScenarioUpdatePayload['metadata'];
  readonly reference_output: ScenarioUpdatePayload['reference_output'];
  readonly required_environment_variables: ScenarioUpdatePayload['required_environment_variables'];
  readonly required_secret_names: ScenarioUpdatePayload['required_secret_names'];
  readonly scorer_timeout_sec: ScenarioUpdatePayload['scorer_timeout_sec'];
  readonly validation_type: ScenarioUpdatePayload['validation_type'];
  readonly is_public: ScenarioUpdatePayload['is_public'];
  /** The payload fields that were set, in the order they were first set (one may have been set to `undefined` since, by untyped code). */
  readonly fields: readonly PayloadField[];
  /** Whether warnings fail the build like errors (`.strict()`). Local only. */
  readonly strict: boolean;
  /** The local workspace for `scenariokit/verify` (`.workspace()`). Local only: never in a payload. */
  readonly workspace: LocalWorkspace | undefined;
  /** Problems with arguments that set no field (`.clear('meta')` from untyped code, a scorer `.removeScorer()` cannot find), reported when the scenario is validated. */
  readonly problems: readonly ScenarioIssue[];

  private constructor(from: ScenarioState | undefined) {
    this.name = from?.name;
    this.input_context = from?.input_context;
    this.scoring_contract = from?.scoring_contract;
    this.environment_parameters = from?.environment_parameters;
    this.metadata = from?.metadata;
    this.reference_output = from?.reference_output;
    this.required_environment_variables = from?.required_environment_variables;
    this.required_secret_names = from?.required_secret_names;
    this.scorer_timeout_sec = from?.scorer_timeout_sec;
    this.validation_type = from?.validation_type;
    this.is_public = from?.is_public;
    this.fields = from?.fields ?? NO_FIELDS;
    this.strict = from?.strict ?? false;
    this.workspace = from?.workspace;
    this.problems = from?.problems ?? NO_PROBLEMS;
  }

  /** The state of a new builder: nothing set. */
  static readonly EMPTY: ScenarioState = new ScenarioState(undefined);

  /**
   * A copy with one payload field set; a field set for the first time goes last in the payload,
   * and one set to `undefined` and then set again keeps its place (it is listed once).
   */
  with<F extends PayloadField>(field: F, value: ScenarioState[F]): ScenarioState {
    const next = new ScenarioState(this) as { -readonly [K in keyof ScenarioState]: ScenarioState[K] };
    (next as unknown as Record<F, ScenarioState[F]>)[field] = value;
    if (value !== undefined && !this.fields.includes(field)) next.fields = [...this.fields, field];
    return next as ScenarioState;
  }

  /** A copy with a local setting changed. */
  withLocal<K extends 'strict' | 'workspace' | 'problems'>(setting: K, value: ScenarioState[K]): ScenarioState {
    const next = new ScenarioState(this) as { -readonly [S in K]: ScenarioState[S] };
    next[setting] = value;
    return next as unknown as ScenarioState;
  }
}
