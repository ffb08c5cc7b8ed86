import type { Step } from './build-steps.js';
import { builderFromCalls, viewToCalls, type StoredScenario } from './from-view.js';
import { createScenarioBuilder, type ScenarioBuilder } from './scenario-builder.js';
import { ScenarioState } from './scenario-state.js';

/**
 * The entry point of the DSL.
 *
 * @example
 * ```ts
 * const payload = Scenario.define('fix-null-check')
 *   .problem('parse() crashes on null input')
 *   .scorer(command('npm test'))
 *   .buildCreate();
 * ```
 */
export const Scenario = Object.freeze({
  /**
   * Starts a scenario, optionally named. An unnamed builder is a template: name its branches
   * with `.name()`.
   *
   * @example
   * ```ts
   * const template = Scenario.define().env({ blueprintId: 'bpt_123' });
   * const one = template.name('one');
   * ```
   */
  define: define as {
    (name: string): ScenarioBuilder<'define' | 'name'>;
    (): ScenarioBuilder<'define'>;
  },

  /**
   * A builder whose `build()` reproduces a stored scenario (what `GET /v1/scenarios/{id}`
   * returns): pull it, edit it, push it back.
   *
   * @example
   * ```ts
   * const view = await client.scenarios.retrieve('scn_123');
   * await Scenario.fromView(view).scorerTimeout(900).push(view.id);
   * ```
   */
  fromView: (view: StoredScenario): ScenarioBuilder<Step> => builderFromCalls(viewToCalls(view)),
});

function define(name?: string): ScenarioBuilder<Step> {
  return createScenarioBuilder(name === undefined ? ScenarioState.EMPTY : ScenarioState.EMPTY.with('name', name));
}
