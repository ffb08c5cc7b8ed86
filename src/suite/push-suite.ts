import type { RequestOptions } from '@runloop/api-client/core';
import { resolveClient } from '../client/runloop-client.js';
import type { Suite, SuitePlanOptions } from './define-suite.js';
import { planSuite, type SuiteAction, type SuitePlanItem } from './plan-suite.js';

/**
 * Options of a suite's `push()`.
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
 * The outcome of a push: one result per scenario.
 *
 * @example
 * ```ts
 * const { results }: SuitePushResult = await suite.push({ client });
 * ```
 */
export interface SuitePushResult {
  /** One result per scenario, in suite order. */
  readonly results: readonly SuiteScenarioResult[];
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

/** Pushes a suite: plan, then create and update with bounded concurrency, every failure kept in the results. */
export async function pushSuite(suite: Suite, options: SuitePushOptions): Promise<SuitePushResult> {
  const scenarios = suite.scenarios();
  const { signal } = options;
  signal?.throwIfAborted();
  const client = await resolveClient(options.client);
  // aborting while the plan reads stops its requests: nothing has been written yet
  const planOptions = { ...options, client, requestOptions: { ...options.requestOptions, signal: signal ?? options.requestOptions?.signal } };
  const { items } = await planSuite(suite, planOptions, { describe: false }).catch((error: unknown) => {
    throw signal?.aborted ? signal.reason : error; // the SDK's abort error says less than the reason given
  });
  if (options.dryRun) return { results: items.map(({ name, action, id, error }) => ({ name, action, ...(id && { id }), ...(error && { error }) })) };

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
  if (progressError) throw progressError.error;
  return { results };
}
