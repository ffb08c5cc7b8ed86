import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { WEIGHT_TOLERANCE } from '../scorers/normalize-weights.js';
import { kindOf } from '../scorers/registry.js';
import type { ScorerRun } from '../scorers/scorer-runtime.js';
import { applyReference, lastLine } from './apply-reference.js';
import { copyWorkspace } from './copy-workspace.js';
import { caseResult, judgeCase, type ScoredRun } from './judge-case.js';
import { createScorerRuntime } from './local-scorer-runtime.js';
import type { PreparedScenario } from './prepare-scenario.js';
import { runBash } from './run-bash.js';
import type { CaseResult, ScenarioVerification, ScoringFunctionResult, VerifyCase } from './verification-report.js';
import type { ParsedVerifyOptions, VerifyProgress } from './verify-options.js';
import type { VerifySession } from './verify-session.js';

/** How one run ended: scored, or stopped before scoring (a failed setup or reference), with why. */
type RunOutcome = { readonly scored: ScoredRun } | { readonly stopped: string; readonly setup: boolean };

/** A weighted total in [0, 1], exactly 1.0 when it is 1 within {@link WEIGHT_TOLERANCE}, as weights that sum to 1 are. */
const roundTotal = (total: number) => (Math.abs(total - 1) <= WEIGHT_TOLERANCE ? 1 : Math.min(1, Math.max(0, total)));

/**
 * Verifies one prepared scenario: for each case and run, a fresh copy of its workspace, its
 * launch commands, the reference (gold), then every scorer in order; then the verdict.
 */
export async function runScenario(
  scenario: PreparedScenario,
  session: VerifySession,
  options: ParsedVerifyOptions,
  report: (progress: VerifyProgress) => void,
): Promise<ScenarioVerification> {
  const { name } = scenario;
  if (scenario.notVerifiable.length > 0) return { name, verdict: 'not-verifiable', problems: [...scenario.notVerifiable], cases: {} };
  const directory = await session.scenarioDirectory(scenario.index, name);
  const problems: string[] = [];
  const cases: { gold?: CaseResult; noop?: CaseResult } = {};
  const kept: string[] = [];
  let setupFailed = false;
  for (const kase of options.cases) {
    const runs: ScoredRun[] = [];
    for (let run = 1; run <= options.runs && !setupFailed; run++) {
      const runDirectory = join(directory, `${kase}-${run}`);
      if (options.keep) kept.push(join(runDirectory, 'workspace'));
      const outcome = await runOnce(scenario, session, options, kase, runDirectory);
      if ('stopped' in outcome) {
        const where = options.runs > 1 ? ` (${kase === 'gold' ? 'gold' : 'no-op'} run ${run})` : '';
        problems.push(`${scenario.environment.redact(outcome.stopped)}${where}`);
        setupFailed = outcome.setup;
        break;
      }
      runs.push(outcome.scored);
      report({ type: 'run', name, case: kase, run, runs: options.runs, result: outcome.scored.result });
    }
    if (runs.length > 0) {
      cases[kase] = caseResult(runs);
      problems.push(...judgeCase(kase, runs));
    }
    if (setupFailed) break;
  }
  return { name, verdict: problems.length > 0 ? 'failed' : 'verified', problems, cases, ...(options.keep && { kept }) };
}

/** One run of one case, in `<runDirectory>/workspace`; the directory is removed afterwards unless kept. */
async function runOnce(
  scenario: PreparedScenario,
  session: VerifySession,
  options: ParsedVerifyOptions,
  kase: VerifyCase,
  runDirectory: string,
): Promise<RunOutcome> {
  const { payload, environment, timeoutSeconds } = scenario;
  const { signal } = options;
  const workspace = join(runDirectory, 'workspace');
  const bash = (commandLine: string) => runBash({ commandLine, cwd: workspace, env: environment.env, timeoutSeconds, signal });
  try {
    await mkdir(runDirectory, { recursive: true });
    await copyWorkspace(scenario.workspace!, workspace);
    if (options.setup) {
      for (const command of payload.environment_parameters?.launch_parameters?.launch_commands ?? []) {
        const outcome = await bash(command);
        if (outcome.exitCode !== 0) {
          const how = outcome.timedOut ? `timed out after ${timeoutSeconds} s` : `failed (exit ${outcome.exitCode ?? outcome.signal})`;
          const last = lastLine(outcome.output);
          return { stopped: `setup failed: launch command ${JSON.stringify(command)} ${how}${last ? `: ${last}` : ''}`, setup: true };
        }
      }
    }
    if (kase === 'gold') {
      const problem = await applyReference({ reference: payload.reference_output!, reverse: scenario.reverse, scratchDirectory: runDirectory, timeoutSeconds, run: bash });
      if (problem !== undefined) return { stopped: problem, setup: false };
    }
    return { scored: await score(scenario, session, options, workspace) };
  } finally {
    if (!options.keep) await rm(runDirectory, { recursive: true, force: true });
  }
}

/** Runs every scorer in order and totals their weighted scores. */
async function score(scenario: PreparedScenario, session: VerifySession, options: ParsedVerifyOptions, workspace: string): Promise<ScoredRun> {
  const { environment, timeoutSeconds } = scenario;
  const { signal } = options;
  const runtime = createScorerRuntime({ workspace, env: environment.env, timeoutSeconds, signal, session, customScorers: options.customScorers });
  const functions = scenario.payload.scoring_contract.scoring_function_parameters;
  const results: ScoringFunctionResult[] = [];
  const summaries: string[] = [];
  for (const { name, scorer } of functions) {
    let run: ScorerRun;
    try {
      // a validated payload: every scorer is of a known kind
      run = await kindOf(scorer.type)!.run(scorer, runtime);
    } catch (error) {
      signal?.throwIfAborted();
      const message = error instanceof Error ? error.message : String(error);
      run = { score: 0, state: 'error', output: message, summary: `could not run: ${message}` };
    }
    signal?.throwIfAborted();
    const { redact } = environment;
    results.push({ scoring_function_name: name, score: run.state === 'complete' ? run.score : 0, output: redact(run.output), state: run.state });
    summaries.push(redact(run.summary));
  }
  const weights = functions.map((fn) => fn.weight);
  const total = roundTotal(results.reduce((sum, result, index) => sum + weights[index]! * result.score, 0));
  return { result: { score: total, scoring_function_results: results }, summaries, weights };
}
