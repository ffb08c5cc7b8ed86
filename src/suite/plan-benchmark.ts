import { MAX_PAGE_SIZE, type RunloopApiClient } from '../client/runloop-client.js';
import type { RequestOptions } from '@runloop/api-client/core';
import type { BenchmarkView } from '@runloop/api-client/resources/benchmarks';
import { count } from '../util/count.js';

/**
 * What a push does with the suite's benchmark: `create` it (no benchmark has the name), `update`
 * its scenarios, or leave it `unchanged`.
 *
 * @example
 * ```ts
 * if (plan.benchmark?.action === ('create' satisfies BenchmarkAction)) console.log('a new benchmark');
 * ```
 */
export type BenchmarkAction = 'create' | 'update' | 'unchanged';

/**
 * A scenario of the suite, as a member of its benchmark: its name, and its id once it is stored.
 *
 * @example
 * ```ts
 * const member: BenchmarkMember = { name: 'bug-13' }; // to be created by the push
 * ```
 */
export interface BenchmarkMember {
  readonly name: string;
  /** The stored scenario's id; absent for a scenario the push creates. */
  readonly id?: string;
}

/**
 * What a push would do with the benchmark named by the `benchmark` option: make it hold exactly
 * the suite's scenarios.
 *
 * @example
 * ```ts
 * const { benchmark } = await suite.plan({ client, benchmark: 'parser-bugs' });
 * console.log(benchmark?.action, benchmark?.add.map((m) => m.name), benchmark?.remove);
 * ```
 */
export interface SuiteBenchmarkPlan {
  /** The benchmark's name. */
  readonly name: string;
  /** `create`, `update` or `unchanged`. */
  readonly action: BenchmarkAction;
  /** The stored benchmark's id, for `update` and `unchanged`. */
  readonly id?: string;
  /** The suite's scenarios the benchmark does not hold yet, in suite order (every scenario, for a create). */
  readonly add: readonly BenchmarkMember[];
  /** The ids of the scenarios the benchmark holds that the suite does not. */
  readonly remove: readonly string[];
  /** The change as readable text. */
  readonly diff: string;
  /** Why the benchmark cannot be pushed: several benchmarks carry the name, or a scenario cannot be pushed. */
  readonly error?: string;
}

/**
 * The benchmarks named `name`, exactly (the API's name filter may match more loosely), every
 * page of them.
 */
export async function findBenchmarks(client: RunloopApiClient, name: string, requestOptions: RequestOptions | undefined): Promise<BenchmarkView[]> {
  const found: BenchmarkView[] = [];
  for await (const view of client.benchmarks.list({ name, limit: MAX_PAGE_SIZE }, requestOptions)) if (view.name === name) found.push(view);
  return found;
}

/**
 * Plans the benchmark `name` from the stored benchmarks carrying that name and the suite's
 * scenarios (in suite order, with the stored id of each, and whether it can be pushed). Members
 * are compared as sets: the order of a benchmark's scenario ids is not a change.
 */
export function planBenchmark(
  name: string,
  views: readonly BenchmarkView[],
  scenarios: readonly { readonly name: string; readonly id?: string | undefined; readonly error?: string | undefined }[],
): SuiteBenchmarkPlan {
  const label = `benchmark ${JSON.stringify(name)}`;
  const blocked = (error: string, view: BenchmarkView | undefined, several = false): SuiteBenchmarkPlan => ({
    name,
    action: view === undefined && !several ? 'create' : 'update',
    ...(view && { id: view.id }),
    add: [],
    remove: [],
    diff: `! ${label}: ${error}`,
    error,
  });
  if (views.length > 1) {
    const ids = views.map((view) => view.id).join(', ');
    return blocked(`${views.length} benchmarks are named ${JSON.stringify(name)} (${ids}); rename all but one (client.benchmarks.update(id, { name }))`, undefined, true);
  }
  const [view] = views;
  const unpushable = scenarios.filter((scenario) => scenario.error !== undefined).map((scenario) => JSON.stringify(scenario.name));
  if (unpushable.length > 0) {
    return blocked(`its scenarios are not known: ${unpushable.join(', ')} cannot be pushed (see ${unpushable.length === 1 ? 'its item' : 'their items'})`, view);
  }
  const members = scenarios.map(({ name: member, id }) => (id === undefined ? { name: member } : { name: member, id }));
  const held = new Set(view?.scenarioIds ?? []);
  const kept = new Set(members.map((member) => member.id));
  const add = members.filter((member) => member.id === undefined || !held.has(member.id));
  const remove = [...held].filter((id) => !kept.has(id));
  const lines = [
    ...add.map((member) => `    + ${member.name} (${member.id ?? 'new'})`),
    ...remove.map((id) => `    - ${id}`),
  ];
  if (view === undefined) {
    return { name, action: 'create', add, remove, diff: [`+ ${label} (new): ${count(members.length, 'scenario')}`, ...lines].join('\n') };
  }
  if (add.length === 0 && remove.length === 0) {
    return { name, action: 'unchanged', id: view.id, add, remove, diff: `= ${label} (${view.id}): ${count(members.length, 'scenario')}` };
  }
  const title = `~ ${label} (${view.id}): ${[add.length > 0 && `${count(add.length, 'scenario')} to add`, remove.length > 0 && `${count(remove.length, 'scenario')} to remove`].filter(Boolean).join(', ')}`;
  return { name, action: 'update', id: view.id, add, remove, diff: [title, ...lines].join('\n') };
}
