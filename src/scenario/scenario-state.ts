import type { EnvironmentInput } from '../environment/environment-input.js';
import type { JsonObject } from '../schema/json-object.js';
import type { ScenarioUpdatePayload } from '../schema/scenario-payload.js';
import type { Scorer } from '../scorers/scorer.js';
import type { ScenarioIssue } from '../validation/scenario-issue.js';
import type { LocalWorkspace } from './local-workspace.js';
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

/** `.problem()`'s statement and context, and the problems of its options. */
export interface ProblemState {
  readonly statement: string;
  readonly context: JsonObject | undefined;
  readonly issues: readonly ScenarioIssue[];
}

/** The payload fields compiled from a part of the state rather than stored as sent. */
type PartField = 'input_context' | 'scoring_contract' | 'environment_parameters';

/** The key of a builder's strictness in its state: a symbol, so that it is not a payload field. */
export const STRICT: unique symbol = Symbol('strict');

/** The key of a builder's local workspace (`scenariokit/verify`) in its state: local only, never a payload field. */
export const WORKSPACE: unique symbol = Symbol('workspace');

/**
 * Everything a builder holds, under the wire names of the payload fields it makes: plain fields
 * as they are sent, and the environment, problem and scoring as parts, compiled (and validated)
 * once per part, so that branches sharing a part share that work; and, under symbol keys, which
 * no payload can carry, whether warnings fail the build ({@link STRICT}) and the local workspace
 * ({@link WORKSPACE}). Never mutated once made; builders keep it private, so it needs
 * no freezing (what reaches a payload is frozen).
 */
export type ScenarioState = { readonly [F in Exclude<keyof ScenarioUpdatePayload, PartField>]?: ScenarioUpdatePayload[F] } & {
  readonly environment_parameters?: ScenarioPart<EnvironmentInput>;
  readonly input_context?: ScenarioPart<ProblemState>;
  readonly scoring_contract?: ScenarioPart<ScoringState>;
  readonly [STRICT]?: boolean;
  readonly [WORKSPACE]?: LocalWorkspace;
};
