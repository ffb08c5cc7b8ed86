import type { ScenarioView } from '@runloop/api-client/resources/scenarios/scenarios';
import { fromWireEnvironment } from '../environment/from-wire-environment.js';
import type { ScorerDefinition } from '../schema/scorer-definition.js';
import { makeScorer } from '../scorers/scorer.js';
import { copyData } from '../util/copy-data.js';
import type { ScenarioBuilder } from './scenario-builder.js';
import type { Step } from './build-steps.js';

/**
 * A stored scenario as `GET /v1/scenarios/{id}` returns it, with the reference page's fields
 * (`environment.prebuilt_id`), as `Scenario.fromView` takes it.
 *
 * @example
 * ```ts
 * const stored: StoredScenario = await client.scenarios.retrieve('scn_123');
 * Scenario.fromView(stored).build();
 * ```
 */
export type StoredScenario = ScenarioView & { environment?: (ScenarioView['environment'] & { prebuilt_id?: string | null }) | null };

/**
 * Turns a stored scenario into a builder whose `build()` reproduces it: pull, edit, push back.
 * Nulls are left out; ast-grep patterns are kept as stored (already escaped); weights are kept
 * (they already sum to 1, so normalising leaves them as they are); `is_public` is carried only
 * when true, since false is the default and the current API no longer takes the field.
 */
export function fromView(start: ScenarioBuilder, view: StoredScenario): ScenarioBuilder<Step> {
  let builder: ScenarioBuilder = start.name(view.name);
  const { input_context: input, scoring_contract: scoring, environment } = view;
  if (input) {
    const context = input.additional_context;
    builder = builder.problem(input.problem_statement, context == null ? undefined : { context: context as Record<string, unknown> });
  }
  for (const fn of scoring?.scoring_function_parameters ?? []) {
    builder = builder.scorer(makeScorer(copyData(fn.scorer) as ScorerDefinition, { name: fn.name }), fn.weight);
  }
  if (environment) builder = builder.env(fromWireEnvironment(environment));
  if (view.metadata) builder = builder.metadata(view.metadata);
  if (view.reference_output != null) builder = builder.referenceOutput(view.reference_output);
  if (view.required_environment_variables) builder = builder.requiredEnv(view.required_environment_variables);
  if (view.required_secret_names) builder = builder.requiredSecrets(view.required_secret_names);
  if (view.scorer_timeout_sec != null) builder = builder.scorerTimeout(view.scorer_timeout_sec);
  if (view.validation_type != null) builder = builder.validation(view.validation_type);
  if (view.is_public === true) builder = builder.public(true);
  return builder as ScenarioBuilder<Step>;
}
