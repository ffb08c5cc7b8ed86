import { formatScore } from './format-score.js';
import type { CaseResult, ScoringContractResult, VerifyCase } from './verification-report.js';

/** A scored run, with a phrase per scorer saying what happened (`failed (exit 1)`). */
export interface ScoredRun {
  readonly result: ScoringContractResult;
  readonly summaries: readonly string[];
  /** The scorers' weights, in order. */
  readonly weights: readonly number[];
}

const LABELS: Record<VerifyCase, string> = { gold: 'gold', noop: 'no-op' };

/** Whether a run's total goes against what its case must score: gold exactly 1.0, no-op below 1.0. */
const isWrong = (kase: VerifyCase, score: number) => (kase === 'gold' ? score !== 1 : score >= 1);

/** Why a run did not score 1.0: each weighted scorer below 1, `scorer tests failed (exit 1)`. */
function shortfall(run: ScoredRun): string {
  const reasons = run.result.scoring_function_results.flatMap((result, index) =>
    result.score < 1 && run.weights[index]! > 0 ? [`scorer ${result.scoring_function_name} ${run.summaries[index]}`] : [],
  );
  return reasons.join(', ');
}

/** A case's result from its scored runs. */
export function caseResult(runs: readonly ScoredRun[]): CaseResult {
  const scores = runs.map((run) => run.result.score);
  const flaky = new Set(scores).size > 1;
  return {
    score: flaky ? Math.min(...scores) : scores[0]!,
    flaky,
    runs: runs.map((run) => run.result),
  };
}

/**
 * What is wrong with a case's runs, a sentence each: `gold scored 0.6: scorer hidden-tests
 * failed (exit 1)`, `no-op scored 1.0: the scenario passes with no change`, `flaky: gold scored
 * 1.0, 0.5, 1.0 (run 2: scorer x failed (exit 1))`. Empty when the case is as it must be.
 */
export function judgeCase(kase: VerifyCase, runs: readonly ScoredRun[]): string[] {
  const label = LABELS[kase];
  const scores = runs.map((run) => run.result.score);
  const wrongAt = runs.findIndex((run) => isWrong(kase, run.result.score));
  if (new Set(scores).size > 1) {
    const why = kase === 'gold' && wrongAt !== -1 ? shortfall(runs[wrongAt]!) : '';
    return [`flaky: ${label} scored ${scores.map(formatScore).join(', ')}${why ? ` (run ${wrongAt + 1}: ${why})` : ''}`];
  }
  if (wrongAt === -1) return [];
  const score = formatScore(scores[0]!);
  if (kase === 'noop') return [`no-op scored ${score}: the scenario passes with no change`];
  const why = shortfall(runs[0]!);
  return [`gold scored ${score}${why ? `: ${why}` : ''}`];
}
