import { resolveClient } from '../client/runloop-client.js';
import type { Suite, SuitePlanOptions } from './define-suite.js';
import { describeChanges } from './describe-changes.js';
import { findStoredScenarios } from './find-stored-scenarios.js';
import { payloadChanges, type FieldChange } from './payload-changes.js';
import { findBenchmarks, planBenchmark, type SuiteBenchmarkPlan } from './plan-benchmark.js';
import { storedFields } from './stored-fields.js';
import { checkPlanOptions } from './suite-options.js';

/**
 * What a push does with one scenario.
 *
 * @example
 * ```ts
 * const creates = plan.items.filter((item) => item.action === ('create' satisfies SuiteAction));
 * ```
 */
export type SuiteAction = 'create' | 'update' | 'unchanged';

/**
 * One scenario of a plan.
 *
 * @example
 * ```ts
 * const item: SuitePlanItem = { name: 'bug-1', action: 'update', id: 'scn_1', changes: { metadata: { before: {}, after: { a: '1' } } }, diff: '…' };
 * ```
 */
export interface SuitePlanItem {
  /** The scenario's name. */
  readonly name: string;
  /** `create` (no stored scenario has the name), `update` or `unchanged`. */
  readonly action: SuiteAction;
  /** The stored scenario's id, for updates and unchanged scenarios. */
  readonly id?: string;
  /** The top-level payload fields that differ from what is stored (every field, for a create). */
  readonly changes?: Readonly<Record<string, FieldChange>>;
  /** The changes as readable text. */
  readonly diff: string;
  /** Why this scenario cannot be pushed (several stored scenarios carry its name). */
  readonly error?: string;
}

/**
 * A suite's plan: one item per scenario, in suite order, and, with the `benchmark` option, what
 * becomes of the benchmark.
 *
 * @example
 * ```ts
 * const plan: SuitePlan = await suite.plan({ client, benchmark: 'parser-bugs' });
 * for (const item of plan.items) console.log(item.diff);
 * console.log(plan.benchmark?.diff);
 * ```
 */
export interface SuitePlan {
  readonly items: readonly SuitePlanItem[];
  /** The benchmark named by the `benchmark` option; absent without it. */
  readonly benchmark?: SuiteBenchmarkPlan;
}

/** Plans a suite (its `plan()`): checks the options (an unknown one is a `TypeError`), then {@link computePlan}. */
export async function planSuite(suite: Suite, options?: SuitePlanOptions): Promise<SuitePlan> {
  return computePlan(suite, checkPlanOptions(options));
}

/**
 * Validates every scenario, finds the stored ones by name (and the benchmark, when asked) and
 * compares. `push()` plans without `describe`: it has no use for the diff texts.
 */
export async function computePlan(suite: Suite, options: SuitePlanOptions, { describe = true } = {}): Promise<SuitePlan> {
  const scenarios = suite.scenarios();
  const client = await resolveClient(options.client);
  const { benchmark, requestOptions } = options;
  const [stored, benchmarks] = await Promise.all([
    findStoredScenarios(
      client,
      scenarios.map((scenario) => scenario.name),
      { concurrency: options.concurrency ?? 8, requestOptions },
    ),
    benchmark === undefined ? undefined : findBenchmarks(client, benchmark, requestOptions),
  ]);
  const items = await Promise.all(
    scenarios.map(async ({ name, payload }): Promise<SuitePlanItem> => {
      const views = stored.get(name) ?? [];
      if (views.length > 1) {
        const ids = views.map((view) => view.id).join(', ');
        const error = `${views.length} stored scenarios are named ${JSON.stringify(name)} (${ids}); archive all but one`;
        return { name, action: 'update', diff: `! ${name}: ${error}`, error };
      }
      const [view] = views;
      if (view === undefined) {
        const changes = payloadChanges(payload, {});
        return { name, action: 'create', changes, diff: describe ? await describeChanges(`+ ${name} (new)`, changes) : '' };
      }
      const changes = payloadChanges(payload, storedFields(view));
      if (Object.keys(changes).length === 0) return { name, action: 'unchanged', id: view.id, diff: `= ${name} (${view.id})` };
      return { name, action: 'update', id: view.id, changes, diff: describe ? await describeChanges(`~ ${name} (${view.id})`, changes) : '' };
    }),
  );
  if (benchmark === undefined) return { items };
  return { items, benchmark: planBenchmark(benchmark, benchmarks!, items) };
}
