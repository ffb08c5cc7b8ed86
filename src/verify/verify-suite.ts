import { availableParallelism } from 'node:os';
import { isSuite, type Suite } from '../suite/define-suite.js';
import type { SuiteVerification } from './verification-report.js';
import { parseVerifyOptions, type VerifySuiteOptions } from './verify-options.js';
import { verifyScenarios } from './verify-scenarios.js';
import { describeValue } from '../util/describe-value.js';

/**
 * Verifies every scenario of a suite like {@link verifyScenario}, `concurrency` scenarios at a
 * time (default: the number of CPU cores). Every scenario is checked before anything runs: an
 * invalid one throws `SuiteValidationError`, bad input anywhere {@link VerifyInputError}.
 *
 * @example
 * ```ts
 * const { results } = await verifySuite(lintCleanups, { setup: false, onProgress: (event) => {
 *   if (event.type === 'scenario') console.log(`[${event.done}/${event.total}] ${formatVerification(event.result)}`);
 * } });
 * process.exitCode = results.every((result) => result.verdict === 'verified') ? 0 : 1;
 * ```
 */
export async function verifySuite(suite: Suite, options?: VerifySuiteOptions): Promise<SuiteVerification> {
  const parsed = parseVerifyOptions(options, true);
  if (!isSuite(suite)) throw new TypeError(`verifySuite takes a suite (defineSuite(name, scenarios)); got ${describeValue(suite)}`);
  const scenarios = suite.scenarios();
  return verifyScenarios(scenarios, parsed, parsed.concurrency ?? availableParallelism());
}
