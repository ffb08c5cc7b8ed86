import type { EnvironmentInput } from '../environment/environment-input.js';
import type { JsonObject } from '../schema/json-object.js';
import type { ScenarioUpdatePayload } from '../schema/scenario-payload.js';
import type { Scorer } from '../scorers/scorer.js';
import type { ScenarioIssue } from '../validation/scenario-issue.js';
import type { ScenarioPart } from './scenario-part.js';

/** A scorer and the relative weight it was added with. */
export interface ScorerEntry {
  readonly scorer: Scorer;
  readonly weight: number;
}

/** The scorers of a scenario, how their weights are sent, and problems found while editing them. */
export interface ScoringState {
  readonly entries: readonly ScorerEntry[];
  readonly exactWeights: boolean;
  readonly problems: readonly ScenarioIssue[];
}

/** `.problem()`'s statement and context. */
export interface ProblemState {
  readonly statement: string;
  readonly context: JsonObject | undefined;
}

/** The top-level payload fields a builder stores as they are sent. */
export type PlainField = Exclude<keyof ScenarioUpdatePayload, 'input_context' | 'scoring_contract' | 'environment_parameters'>;

/**
 * Everything a builder holds: frozen, never mutated. Plain fields sit under their wire names;
 * the environment, problem and scoring parts are compiled (and validated) once per part, so
 * branches that share a part share that work.
 */
export type ScenarioState = { readonly [F in PlainField]?: ScenarioUpdatePayload[F] } & {
  readonly environment?: ScenarioPart<EnvironmentInput>;
  readonly problem?: ScenarioPart<ProblemState>;
  readonly scoring?: ScenarioPart<ScoringState>;
};
