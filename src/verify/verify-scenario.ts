import { isScenarioBuilder, type ScenarioBuilder } from '../scenario/scenario-builder.js';
import type { ScenarioVerification } from './verification-report.js';
import { parseVerifyOptions, type VerifyOptions } from './verify-options.js';
import { verifyScenarios } from './verify-scenarios.js';
import { describeValue } from '../util/describe-value.js';

/**
 * Proves a scenario locally, the way Runloop scores it: for the gold case (the reference output
 * applied) and the no-op case (nothing applied), each run copies the scenario's workspace to a
 * fresh temporary directory, runs its launch commands, and runs every scorer there in order,
 * with the scorer timeout (killing the process group) and an environment of PATH, HOME and the
 * scenario's required variables and secrets. Verified when every gold run scores exactly 1.0
 * and every no-op run below 1.0, the same on every run.
 *
 * Throws `ScenarioValidationError` for an invalid scenario, and {@link VerifyInputError} for bad
 * options, a missing secret or a workspace that does not exist, before anything runs.
 *
 * @example
 * ```ts
 * const report = await verifyScenario(slugifyUnicode, { workspace: './checkouts/python-slugify', runs: 3 });
 * if (report.verdict !== 'verified') console.error(report.problems.join('\n'));
 * // e.g. "no-op scored 1.0: the scenario passes with no change"
 * ```
 */
export async function verifyScenario(scenario: ScenarioBuilder, options?: VerifyOptions): Promise<ScenarioVerification> {
  const parsed = parseVerifyOptions(options, false);
  if (!isScenarioBuilder(scenario)) throw new TypeError(`verifyScenario takes a scenario builder (Scenario.define(…)); got ${describeValue(scenario)}`);
  const result = scenario.validateCreate();
  if (!result.success) throw result.error;
  const { results } = await verifyScenarios([{ builder: scenario, payload: result.data }], parsed, 1);
  return results[0]!;
}
