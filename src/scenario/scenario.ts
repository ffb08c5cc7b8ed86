import type { Step } from './build-steps.js';
import { createScenarioBuilder, type ScenarioBuilder } from './scenario-builder.js';

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
});

function define(name?: string): ScenarioBuilder<Step> {
  return createScenarioBuilder(name === undefined ? {} : { name });
}
