import { WEIGHT_TOLERANCE } from '../scorers/normalize-weights.js';
import { formatScore } from './format-score.js';
import type { ScoringContractResult, ScoringFunctionResult } from './verification-report.js';

const describe = (result: ScoringFunctionResult | undefined) => (result === undefined ? 'absent' : `${formatScore(result.score)} (${result.state})`);

/**
 * Where the local engine and Runloop scored the same scenario differently, a sentence each:
 * the total, and each scorer's score and state by name. Empty when they agree. Meant for the
 * calibration scenario, whose run on Runloop settles the rules the local engine infers. Scores
 * within `WEIGHT_TOLERANCE` of each other are the same (Runloop keeps them as 32-bit floats).
 *
 * @example
 * ```ts
 * const runloop = (await client.scenarios.runs.scoreAndComplete(run.id)).scoring_contract_result!;
 * const differences = compareScoringResults(local.cases.noop!.runs[0]!, runloop);
 * // e.g. ['scorer prints-then-exits-1: locally 0.7 (complete), on Runloop 0.0 (error)', 'total: locally 0.064286, on Runloop 0.019841']
 * ```
 */
export function compareScoringResults(local: ScoringContractResult, runloop: ScoringContractResult): string[] {
  const remote = new Map(runloop.scoring_function_results.map((result) => [result.scoring_function_name, result]));
  const names = [...new Set([...local.scoring_function_results.map((result) => result.scoring_function_name), ...remote.keys()])];
  const differences = names.flatMap((name) => {
    const mine = local.scoring_function_results.find((result) => result.scoring_function_name === name);
    const theirs = remote.get(name);
    const same = mine !== undefined && theirs !== undefined && Math.abs(mine.score - theirs.score) <= WEIGHT_TOLERANCE && mine.state === theirs.state;
    return same ? [] : [`scorer ${name}: locally ${describe(mine)}, on Runloop ${describe(theirs)}`];
  });
  if (Math.abs(local.score - runloop.score) > WEIGHT_TOLERANCE) differences.push(`total: locally ${formatScore(local.score)}, on Runloop ${formatScore(runloop.score)}`);
  return differences;
}
