/**
 * One scorer's result in one run: the shape of Runloop's `ScoringFunctionResultView`.
 *
 * @example
 * ```ts
 * const result: ScoringFunctionResult = { scoring_function_name: 'hidden-tests', score: 0, output: '1 failed', state: 'complete' };
 * ```
 */
export interface ScoringFunctionResult {
  /** The scorer's name. */
  readonly scoring_function_name: string;
  /** Its score in [0, 1]; 0 unless `state` is `complete`. */
  readonly score: number;
  /** What it printed (stdout and stderr interleaved, last 64 KiB), after any `[scenariokit]` notes. */
  readonly output: string;
  /** `complete` when scored, `error` when no score could be read (or it timed out), `unknown` when it cannot run locally. */
  readonly state: 'unknown' | 'complete' | 'error';
}

/**
 * The scores of one run of a scenario's scorers: the shape of Runloop's `ScoringContractResultView`.
 *
 * @example
 * ```ts
 * const run: ScoringContractResult = { score: 0.75, scoring_function_results: [] };
 * ```
 */
export interface ScoringContractResult {
  /** Σ weight × score over the scorers, with the payload's normalised weights. */
  readonly score: number;
  /** One result per scorer, in the order of the scoring contract. */
  readonly scoring_function_results: readonly ScoringFunctionResult[];
}

/**
 * The two cases verified: `gold` (the reference output applied) and `noop` (nothing applied).
 *
 * @example
 * ```ts
 * const cases: VerifyCase[] = ['noop']; // only check that doing nothing does not pass
 * ```
 */
export type VerifyCase = 'gold' | 'noop';

/**
 * The runs of one case.
 *
 * @example
 * ```ts
 * const gold: CaseResult | undefined = report.cases.gold;
 * if (gold?.flaky) console.log(gold.runs.map((run) => run.score));
 * ```
 */
export interface CaseResult {
  /** The score every run agreed on; when they disagree (`flaky`), the lowest. */
  readonly score: number;
  /** Whether the runs scored differently. */
  readonly flaky: boolean;
  /** Each run's scores, in order. */
  readonly runs: readonly ScoringContractResult[];
}

/**
 * A scenario's verdict: `verified` (every gold run scored exactly 1.0 and every no-op run below
 * 1.0, the same on every run), `failed`, or `not-verifiable` (something is missing, and nothing ran).
 *
 * @example
 * ```ts
 * const ok = (verdict: Verdict) => verdict === 'verified';
 * ```
 */
export type Verdict = 'verified' | 'failed' | 'not-verifiable';

/**
 * What verifying one scenario found: its verdict, why in a sentence each, and every run's scores.
 *
 * @example
 * ```ts
 * const report: ScenarioVerification = await verifyScenario(scenario, { workspace: './checkout' });
 * // { name: 'slugify-unicode-letters', verdict: 'failed',
 * //   problems: ['gold scored 0.75: scorer existing-tests failed (exit 1)'], cases: { gold: {…}, noop: {…} } }
 * ```
 */
export interface ScenarioVerification {
  /** The scenario's name. */
  readonly name: string;
  /** The verdict. */
  readonly verdict: Verdict;
  /** Why it is not verified, a sentence each; empty when it is. */
  readonly problems: readonly string[];
  /** The cases that were scored (a case stopped before any run scored is absent, and a problem says why). */
  readonly cases: { readonly gold?: CaseResult; readonly noop?: CaseResult };
  /** With `keep`, the workspace of every run that started, in order, left on disk. */
  readonly kept?: readonly string[];
}

/**
 * What verifying a suite found: one report per scenario, in suite order (the `--json` output
 * of `scenariokit verify`).
 *
 * @example
 * ```ts
 * const { results }: SuiteVerification = await verifySuite(suite);
 * const failed = results.filter((result) => result.verdict !== 'verified');
 * ```
 */
export interface SuiteVerification {
  /** One report per scenario, in suite order. */
  readonly results: readonly ScenarioVerification[];
}
