import type { ScenarioView } from '@runloop/api-client/resources/scenarios/scenarios';
import { fromWireEnvironment } from '../environment/from-wire-environment.js';
import type { ScorerDefinition } from '../schema/scorer-definition.js';
import { makeScorer } from '../scorers/scorer.js';
import { copyData } from '../util/copy-data.js';
import type { Step } from './build-steps.js';
import type { ScenarioBuilder } from './scenario-builder.js';

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

/** One builder call: a method of {@link ScenarioBuilder} and its arguments. */
export type BuilderCall = readonly [method: keyof ScenarioBuilder, ...args: unknown[]];

/**
 * The builder calls that reproduce a stored scenario, in order: `Scenario.fromView` makes them,
 * `scenariokit pull` prints them. Nulls are left out; empty values are stated with `.clear()`,
 * which sends exactly them; ast-grep patterns are kept as stored (already escaped); weights are
 * kept (they already sum to 1, so normalising leaves them as they are); `is_public` is carried
 * only when true, since false is the default and the current API no longer takes the field.
 */
export function viewToCalls(view: StoredScenario): BuilderCall[] {
  const calls: BuilderCall[] = [['name', view.name]];
  const { input_context: input, scoring_contract: scoring, environment } = view;
  if (environment) calls.push(['env', fromWireEnvironment(environment)]);
  if (input) {
    const context = input.additional_context;
    calls.push(context == null ? ['problem', input.problem_statement] : ['problem', input.problem_statement, { context }]);
  }
  for (const fn of scoring?.scoring_function_parameters ?? []) {
    calls.push(['scorer', makeScorer(copyData(fn.scorer) as ScorerDefinition, { name: fn.name }), fn.weight]);
  }
  const setOrClear = (value: object | null | undefined, method: 'metadata' | 'requiredEnv' | 'requiredSecrets') => {
    if (value) calls.push(Object.keys(value).length > 0 ? [method, value] : ['clear', method]);
  };
  setOrClear(view.metadata, 'metadata');
  if (view.reference_output != null) calls.push(['referenceOutput', view.reference_output]);
  setOrClear(view.required_environment_variables, 'requiredEnv');
  setOrClear(view.required_secret_names, 'requiredSecrets');
  if (view.scorer_timeout_sec != null) calls.push(['scorerTimeout', view.scorer_timeout_sec]);
  if (view.validation_type != null) calls.push(['validation', view.validation_type]);
  if (view.is_public === true) calls.push(['public', true]);
  return calls;
}

/** Applies the calls of {@link viewToCalls} to a new builder: `Scenario.fromView`. */
export function fromView(start: ScenarioBuilder, view: StoredScenario): ScenarioBuilder<Step> {
  const apply = (builder: ScenarioBuilder, [method, ...args]: BuilderCall): ScenarioBuilder =>
    (builder[method] as (...values: unknown[]) => ScenarioBuilder)(...args);
  return viewToCalls(view).reduce(apply, start) as ScenarioBuilder<Step>;
}
