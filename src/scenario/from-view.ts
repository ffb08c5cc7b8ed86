import type { ScenarioView } from '@runloop/api-client/resources/scenarios/scenarios';
import { ENVIRONMENT_FIELDS } from '../environment/environment-fields.js';
import { fromWire } from '../environment/field-table.js';
import { isPlainObject } from '../schema/json-object.js';
import type { ScenarioUpdatePayload } from '../schema/scenario-payload.js';
import { kindOf } from '../scorers/registry.js';
import { makeScorer, type Scorer } from '../scorers/scorer.js';
import type { ScorerKind } from '../scorers/scorer-kind.js';
import { copyData } from '../util/copy-data.js';
import { describeValue } from '../util/describe-value.js';
import { withoutNulls } from '../util/without-nulls.js';
import { ISSUE_CODES } from '../validation/issue-codes.js';
import { zodProblems } from '../validation/zod-problems.js';
import type { Step } from './build-steps.js';
import { createScenarioBuilder, type ScenarioBuilder } from './scenario-builder.js';
import { ScenarioState } from './scenario-state.js';

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
 * A payload in the shape of a stored scenario, which `Scenario.fromView` takes: the same fields,
 * with `environment_parameters` stored as `environment`. It has no `id` or `status`, which Runloop
 * gives a stored scenario and `fromView` does not read.
 */
export function payloadAsView(payload: ScenarioUpdatePayload): StoredScenario {
  const { environment_parameters: environment, ...fields } = payload;
  return (environment === undefined ? fields : { ...fields, environment }) as unknown as StoredScenario;
}

/**
 * A scorer as a factory call (`kind.factory(...args)`, the name in the options), or, for a stored
 * definition no factory can make (it breaks the API's rules), the definition as it is, which
 * validation then reports.
 */
export type ScorerCall =
  | { readonly kind: ScorerKind; readonly args: readonly unknown[]; readonly definition?: undefined }
  | { readonly kind?: undefined; readonly name: string; readonly definition: unknown };

/** One builder call: a method of {@link ScenarioBuilder} and its arguments (a `scorer` call takes a {@link ScorerCall}). */
export type BuilderCall = readonly [method: keyof ScenarioBuilder, ...args: unknown[]];

/**
 * The builder calls that reproduce a stored scenario exactly, in order: `Scenario.fromView`
 * makes them, `scenariokit pull` prints them. Nulls are left out; empty values are stated with
 * `.clear()`, which sends exactly them; scorers are factory calls whose definitions equal the
 * stored ones (ast-grep patterns stay escaped as stored); weights are sent as stored
 * (`.weights('exact')`); `is_public` is carried only when true, since false is the default and
 * the current API no longer takes the field. Stored values the DSL cannot express are kept as
 * they are, for validation to report: an environment or scorer field it does not know, a scorer
 * that breaks the API's rules. Fields the view has beyond the SDK's `ScenarioView` at the top
 * level, in `input_context` or in `scoring_contract` (a newer API's) are left out. Throws a
 * `TypeError` for what is not a stored scenario at all (an id, `null`) or whose scorers are not
 * a list.
 */
export function viewToCalls(view: StoredScenario): BuilderCall[] {
  if (!isPlainObject(view)) {
    throw new TypeError(`Scenario.fromView takes the stored scenario object (e.g. from client.scenarios.retrieve(id)), not an id; got ${describeValue(view)}`);
  }
  const calls: BuilderCall[] = [['name', view.name]];
  const { input_context: input, scoring_contract: scoring, environment } = view;
  if (environment) calls.push(['env', fromWire(ENVIRONMENT_FIELDS, environment as Record<string, unknown>)]);
  if (input) {
    const context = input.additional_context;
    calls.push(context == null ? ['problem', input.problem_statement] : ['problem', input.problem_statement, { context }]);
  }
  if (scoring) {
    const functions = scoring.scoring_function_parameters ?? [];
    if (!Array.isArray(functions)) {
      throw new TypeError(`Scenario.fromView: the stored scoring_contract.scoring_function_parameters must be a list of scorers; got ${describeValue(functions)}`);
    }
    for (const fn of functions) calls.push(['scorer', scorerCall(fn.name, fn.scorer), fn.weight]);
    calls.push(['weights', 'exact']);
  }
  const setOrClear = (value: object | null | undefined, method: 'metadata' | 'requiredEnv' | 'requiredSecrets') => {
    if (value) calls.push(Object.keys(value).length > 0 ? [method, value] : ['clear', method]);
  };
  setOrClear(view.metadata, 'metadata');
  if (view.reference_output != null) calls.push(view.reference_output === '' ? ['clear', 'referenceOutput'] : ['referenceOutput', view.reference_output]);
  setOrClear(view.required_environment_variables, 'requiredEnv');
  setOrClear(view.required_secret_names, 'requiredSecrets');
  if (view.scorer_timeout_sec != null) calls.push(['scorerTimeout', view.scorer_timeout_sec]);
  if (view.validation_type != null) calls.push(['validation', view.validation_type]);
  if (view.is_public === true) calls.push(['public', true]);
  return calls;
}

/** The factory call that makes a stored scorer, when its definition follows the API's rules. */
function scorerCall(name: string, stored: unknown): ScorerCall {
  const definition = isPlainObject(stored) ? withoutNulls(copyData(stored)) : stored;
  const kind = kindOf(isPlainObject(definition) ? definition.type : undefined);
  const check = kind?.definition().safeParse(definition);
  const expressible = check !== undefined && (check.success || zodProblems(check.error.issues, definition).every(({ code }) => ISSUE_CODES[code].severity === 'warning'));
  if (!kind || !expressible) return { name, definition };
  const args = [...kind.toArguments(definition as Record<string, unknown>)];
  const at = kind.parameters.length;
  args[at] = { name, ...(args[at] as object) };
  return { kind, args };
}

/** The scorer a {@link ScorerCall} stands for. */
function scorerFromCall(call: ScorerCall): Scorer {
  if (call.kind) return makeScorer(call.kind, call.args);
  return Object.freeze({ name: call.name, definition: call.definition as Scorer['definition'] });
}

/** A new builder with the calls of {@link viewToCalls} applied: `Scenario.fromView`. */
export function builderFromCalls(calls: readonly BuilderCall[]): ScenarioBuilder<Step> {
  const apply = (builder: ScenarioBuilder<Step>, [method, ...args]: BuilderCall): ScenarioBuilder<Step> => {
    const values = method === 'scorer' ? [scorerFromCall(args[0] as ScorerCall), ...args.slice(1)] : args;
    return (builder[method] as (...values: unknown[]) => ScenarioBuilder<Step>)(...values);
  };
  return calls.reduce(apply, createScenarioBuilder(ScenarioState.EMPTY));
}
