import { formatScore } from './format-score.js';
import type { CaseResult, ScenarioVerification } from './verification-report.js';
import { count } from '../util/count.js';

const VERDICTS = { verified: 'verified', failed: 'failed', 'not-verifiable': 'not verifiable' } as const;

const caseScore = (label: string, result: CaseResult) =>
  `${label} ${result.flaky ? `flaky ${result.runs.map((run) => formatScore(run.score)).join('/')}` : formatScore(result.score)}`;

/**
 * A scenario's verification for a terminal: one line with its verdict and case scores, then
 * its problems, one indented line each.
 *
 * @example
 * ```ts
 * console.log(formatVerification(report));
 * // slugify-unicode-letters: failed (gold 0.75, no-op 0.0)
 * //   - gold scored 0.75: scorer existing-tests failed (exit 1)
 * ```
 */
export function formatVerification(result: ScenarioVerification): string {
  const scores = [
    ...(result.cases.gold ? [caseScore('gold', result.cases.gold)] : []),
    ...(result.cases.noop ? [caseScore('no-op', result.cases.noop)] : []),
  ];
  const line = `${result.name}: ${VERDICTS[result.verdict]}${scores.length > 0 ? ` (${scores.join(', ')})` : ''}`;
  return [line, ...result.problems.map((problem) => `  - ${problem}`)].join('\n');
}

/**
 * One line counting the verdicts of many scenarios.
 *
 * @example
 * ```ts
 * console.log(summarizeVerifications(results)); // 'verified 103 of 104 scenarios: 1 failed, 0 not verifiable'
 * ```
 */
export function summarizeVerifications(results: readonly ScenarioVerification[]): string {
  const verdicts = (verdict: ScenarioVerification['verdict']) => results.filter((result) => result.verdict === verdict).length;
  return `verified ${verdicts('verified')} of ${count(results.length, 'scenario')}: ${verdicts('failed')} failed, ${verdicts('not-verifiable')} not verifiable`;
}
