import type { RequestOptions } from '@runloop/api-client/core';
import { resolveClient } from '../client/runloop-client.js';
import type { Suite, SuitePlanOptions } from './define-suite.js';
import { computePlan, type SuiteAction, type SuitePlanItem } from './plan-suite.js';
import { pushBenchmark, type SuiteBenchmarkResult } from './push-benchmark.js';
import { checkPushOptions } from './suite-options.js';

/**
 * Options of a suite's `push()`: those of `plan()`, and how to write. An unknown key is an error
 * (a `TypeError` naming it), as is a value of the wrong kind.
 *
 * @example
 * ```ts
 * const abort = new AbortController();
 * process.once('SIGINT', () => abort.abort());
 * const options: SuitePushOptions = { client, concurrency: 16, signal: abort.signal, onProgress: ({ done, total }) => console.log(`${done}/${total}`) };
 * ```
 */
export interface SuitePushOptions extends SuitePlanOptions {
  /** How many writes run at once (default 8). */
  concurrency?: number;
  /** Plan only: report what would be done, write nothing. */
  dryRun?: boolean;
  /**
   * Called as each scenario is done (written, unchanged, failed or skipped). If it throws, the
   * push still finishes every write, then rejects with that error.
   */
  onProgress?: (progress: SuitePushProgress) => void;
  /**
   * Aborting stops new writes; writes under way finish, and the results say what was done.
   * Aborted before the first write (while planning, or before the call), the push rejects with
   * the abort reason and has written nothing.
   */
  signal?: AbortSignal;
}

/**
 * The outcome of a push: one result per scenario, and the benchmark's with the `benchmark` option.
 *
 * @example
 * ```ts
 * const { results, benchmark }: SuitePushResult = await suite.push({ client, benchmark: 'parser-bugs' });
 * ```
 */
export interface SuitePushResult {
  /** One result per scenario, in suite order. */
  readonly results: readonly SuiteScenarioResult[];
  /** What became of the benchmark named by the `benchmark` option; absent without it. */
  readonly benchmark?: SuiteBenchmarkResult;
}

/**
 * What happened to one scenario.
 *
 * @example
 * ```ts
 * const failed = results.filter((result) => result.error !== undefined);
 * ```
 */
export interface SuiteScenarioResult {
  /** The scenario's name. */
  readonly name: string;
  /** What the plan said to do with it. */
  readonly action: SuiteAction;
  /** The scenario's id, once it exists. */
  readonly id?: string;
  /** Why it was not written; absent when it was (or needed no write). */
  readonly error?: string;
}

/**
 * Progress of a push, reported after each scenario.
 *
 * @example
 * ```ts
 * const onProgress = ({ done, total, result }: SuitePushProgress) => console.log(`[${done}/${total}] ${result.name} ${result.action}`);
 * ```
 */
export interface SuitePushProgress {
  /** Scenarios done so far. */
  readonly done: number;
  /** Scenarios in the suite. */
  readonly total: number;
  /** The scenario just done. */
  readonly result: SuiteScenarioResult;
}

/**
 * Pushes a suite: checks the options, plans, then creates and updates with bounded concurrency,
 * every failure kept in the results; with `benchmark`, then syncs the benchmark (see
 * {@link pushBenchmark}).
 */
export async function pushSuite(suite: Suite, given?: SuitePushOptions): Promise<SuitePushResult> {
  const options = checkPushOptions(given);
  const scenarios = suite.scenarios();
  const { signal } = options;
  signal?.throwIfAborted();
  const client = await resolveClient(options.client);
  // aborting while the plan reads stops its requests: nothing has been written yet
  const planOptions = { ...options, client, requestOptions: { ...options.requestOptions, signal: signal ?? options.requestOptions?.signal } };
  const plan = await computePlan(suite, planOptions, { describe: false }).catch((error: unknown) => {
    throw signal?.aborted ? signal.reason : error; // the SDK's abort error says less than the reason given
  });
  const { items } = plan;
  if (options.dryRun) {
    const results = items.map(({ name, action, id, error }) => ({ name, action, ...(id && { id }), ...(error && { error }) }));
    if (plan.benchmark === undefined) return { results };
    const { name, action, id, add, remove, error } = plan.benchmark;
    return { results, benchmark: { name, action, ...(id && { id }), added: add, removed: remove, ...(error && { error }) } };
  }

  // one idempotency key for many writes would make them one write: each gets the SDK's own key
  const { idempotencyKey: _oneKeyForAll, ...requestOptions } = options.requestOptions ?? ({} as RequestOptions);
  const { default: pLimit } = await import('p-limit');
  signal?.throwIfAborted(); // nothing written yet: an abort now is an abort before the push
  const limit = pLimit(options.concurrency ?? 8);
  let done = 0;
  let progressError: { error: unknown } | undefined;
  const report = (result: SuiteScenarioResult) => {
    try {
      options.onProgress?.({ done: ++done, total: items.length, result });
    } catch (error) {
      progressError ??= { error }; // a failing callback must not abandon writes under way
    }
    return result;
  };
  const apply = async (item: SuitePlanItem, index: number): Promise<SuiteScenarioResult> => {
    const { name, action, id } = item;
    if (item.error) return { name, action, error: item.error };
    if (action === 'unchanged') return { name, action, id: id! };
    if (signal?.aborted) return { name, action, ...(id && { id }), error: 'not sent: the push was aborted' };
    const payload = scenarios[index]!.payload;
    try {
      const view = action === 'create'
        ? await client.scenarios.create(payload, requestOptions)
        : await client.scenarios.update(id!, payload, requestOptions);
      return { name, action, id: view.id };
    } catch (error) {
      return { name, action, ...(id && { id }), error: error instanceof Error ? error.message : String(error) };
    }
  };
  const results = await Promise.all(items.map((item, index) => limit(async () => report(await apply(item, index)))));
  const benchmark = plan.benchmark && (await pushBenchmark(client, plan.benchmark, results, { requestOptions, aborted: signal?.aborted === true }));
  if (progressError) throw progressError.error;
  return benchmark === undefined ? { results } : { results, benchmark };
}
