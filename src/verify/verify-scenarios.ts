import type { ScenarioBuilder } from '../scenario/scenario-builder.js';
import type { ScenarioCreatePayload } from '../schema/scenario-payload.js';
import { customScorerProblems, prepareScenario } from './prepare-scenario.js';
import { runScenario } from './run-scenario.js';
import type { ScenarioVerification, SuiteVerification } from './verification-report.js';
import { VerifyInputError } from './verify-input-error.js';
import type { ParsedVerifyOptions, VerifyProgress } from './verify-options.js';
import { VerifySession } from './verify-session.js';

/** A valid scenario: its builder (for its workspace) and its create payload. */
export interface ScenarioToVerify {
  readonly builder: ScenarioBuilder;
  readonly payload: ScenarioCreatePayload;
}

/**
 * Verifies scenarios, `concurrency` at a time, after checking every one of them: bad input
 * anywhere (a missing secret, a workspace that does not exist) throws {@link VerifyInputError}
 * before anything runs.
 */
export async function verifyScenarios(scenarios: readonly ScenarioToVerify[], options: ParsedVerifyOptions, concurrency: number): Promise<SuiteVerification> {
  const prepared = await Promise.all(scenarios.map(({ builder, payload }, index) => prepareScenario(builder, payload, index, options)));
  const problems = [...(await customScorerProblems(options)), ...prepared.flatMap((scenario) => scenario.inputProblems)];
  if (problems.length > 0) throw new VerifyInputError(problems);
  const { signal } = options;
  signal?.throwIfAborted();

  let progressFailed: { error: unknown } | undefined;
  const report = (progress: VerifyProgress) => {
    try {
      options.onProgress?.(progress);
    } catch (error) {
      progressFailed ??= { error };
    }
  };
  const { default: pLimit } = await import('p-limit');
  const limit = pLimit(concurrency);
  const session = await VerifySession.open(options);
  let done = 0;
  try {
    const settled = await Promise.allSettled(
      prepared.map((scenario) =>
        limit(async (): Promise<ScenarioVerification> => {
          signal?.throwIfAborted();
          let result: ScenarioVerification;
          try {
            result = await runScenario(scenario, session, options, report);
          } catch (error) {
            signal?.throwIfAborted();
            result = { name: scenario.name, verdict: 'failed', problems: [`could not verify: ${error instanceof Error ? error.message : String(error)}`], cases: {} };
          }
          report({ type: 'scenario', done: ++done, total: prepared.length, result });
          return result;
        }),
      ),
    );
    signal?.throwIfAborted();
    if (progressFailed) throw progressFailed.error;
    return { results: settled.map((outcome) => (outcome as PromiseFulfilledResult<ScenarioVerification>).value) };
  } finally {
    await session.close();
  }
}
