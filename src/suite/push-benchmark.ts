import type { RunloopApiClient } from '../client/runloop-client.js';
import type { RequestOptions } from '@runloop/api-client/core';
import type { BenchmarkAction, BenchmarkMember, SuiteBenchmarkPlan } from './plan-benchmark.js';
import type { SuiteScenarioResult } from './push-suite.js';
import { count, wasWere } from '../util/count.js';

/**
 * What a push did with the suite's benchmark.
 *
 * @example
 * ```ts
 * const { benchmark } = await suite.push({ client, benchmark: 'parser-bugs' });
 * if (benchmark?.error) console.error(`benchmark not synced: ${benchmark.error}`);
 * ```
 */
export interface SuiteBenchmarkResult {
  /** The benchmark's name. */
  readonly name: string;
  /** What the plan said to do with it. */
  readonly action: BenchmarkAction;
  /** The benchmark's id, once it exists. */
  readonly id?: string;
  /** The scenarios added to it (every one, for a create); what would be added, for a dry run or a benchmark not written. */
  readonly added: readonly BenchmarkMember[];
  /** The ids of the scenarios taken out of it. */
  readonly removed: readonly string[];
  /** Why it was not written; absent when it was (or needed no write). */
  readonly error?: string;
}

/**
 * Makes the planned benchmark hold exactly the scenarios of `results` (suite order), once every
 * scenario was written: created with `scenario_ids`, or updated with the whole list (`update`
 * replaces a provided list entirely, so the benchmark ends up with exactly these ids whatever it
 * held meanwhile, and a retry sends the same request again). When a scenario was not written, or
 * the plan found the benchmark ambiguous, the benchmark is left as it is and the result says why:
 * a benchmark holding only part of a suite would be run as if it were the whole. A failed write
 * is kept in the result, never thrown.
 */
export async function pushBenchmark(
  client: RunloopApiClient,
  plan: SuiteBenchmarkPlan,
  results: readonly SuiteScenarioResult[],
  options: { requestOptions: RequestOptions; aborted: boolean },
): Promise<SuiteBenchmarkResult> {
  const { name, action, id, add, remove } = plan;
  const result = { name, action, ...(id && { id }), added: add, removed: remove };
  if (plan.error !== undefined) return { ...result, error: `not written: ${plan.error}` };
  const unwritten = results.filter((scenario) => scenario.error !== undefined);
  if (unwritten.length > 0) {
    const names = unwritten.slice(0, 5).map((scenario) => JSON.stringify(scenario.name)).join(', ') + (unwritten.length > 5 ? ', …' : '');
    const what = `${count(unwritten.length, 'scenario')} ${wasWere(unwritten.length)}`;
    return { ...result, error: `not written: ${what} not written (${names}), and the benchmark must hold them all; push again` };
  }
  if (action === 'unchanged') return result;
  if (options.aborted) return { ...result, error: 'not sent: the push was aborted' };
  const ids = results.map((scenario) => scenario.id!);
  const idByName = new Map(results.map((scenario) => [scenario.name, scenario.id!]));
  const added = add.map((member) => ({ name: member.name, id: member.id ?? idByName.get(member.name)! }));
  try {
    const view = action === 'create'
      ? await client.benchmarks.create({ name, scenario_ids: ids }, options.requestOptions)
      : await client.benchmarks.update(id!, { scenario_ids: ids }, options.requestOptions);
    return { ...result, id: view.id, added };
  } catch (error) {
    return { ...result, added, error: error instanceof Error ? error.message : String(error) };
  }
}
