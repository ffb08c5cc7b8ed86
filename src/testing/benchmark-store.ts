import type { BenchmarkView } from '@runloop/api-client/resources/benchmarks';
import { ApiFailure } from './api-failure.js';
import { checkNotBlank, inFieldOrder, withoutNulls, type CheckedBody } from './api-call.js';
import { RecordStore, type PageQuery, type RecordPage } from './record-store.js';

/**
 * Runloop's benchmarks, in memory, with the API's semantics:
 * - create stores `scenario_ids` as `scenarioIds` (`[]` when absent), `metadata` as `{}` when
 *   absent, and `status: 'active'`; ids look like Runloop's (`bmd_` + 21 characters);
 * - update keeps absent or null fields and replaces provided ones entirely (`scenario_ids: []`
 *   empties the benchmark, `metadata: {}` clears its metadata);
 * - a name may not be blank, and every scenario id must name a stored scenario (400 naming the
 *   field otherwise). Names are not made unique: the published schema calls them unique without
 *   saying how the API enforces it, so the fake keeps what it is given.
 * Every view handed out is a copy.
 *
 * @example
 * ```ts
 * const store = new BenchmarkStore({ seed: 1, scenarioExists: (id) => scenarios.has(id) });
 * const view = store.create({ name: 'smoke', scenario_ids: ['scn_1'] });
 * store.update(view.id, { scenario_ids: [] }).scenarioIds; // []
 * ```
 */
export class BenchmarkStore {
  readonly #store: RecordStore<BenchmarkView>;
  readonly #scenarioExists: (id: string) => boolean;

  /** `scenarioExists` tells whether a scenario id is known; the other options are those of every store of the fake. */
  constructor(options: {
    seed?: number | undefined;
    initial?: readonly BenchmarkView[] | undefined;
    onChange?: (() => void) | undefined;
    scenarioExists: (id: string) => boolean;
  }) {
    const { scenarioExists, ...rest } = options;
    this.#store = new RecordStore({ kind: 'benchmark', idPrefix: 'bmd', ...rest });
    this.#scenarioExists = scenarioExists;
  }

  /** Creates a benchmark from a checked create body. */
  create(body: CheckedBody): BenchmarkView {
    return this.#commit({ id: this.#store.newId(), scenarioIds: [], metadata: {}, status: 'active' }, body);
  }

  /** Updates benchmark `id` from a checked update body; 404 if unknown. */
  update(id: string, body: CheckedBody): BenchmarkView {
    return this.#commit(structuredClone(this.#store.find(id)), body);
  }

  /** The benchmark `id`; 404 if unknown. */
  get(id: string): BenchmarkView {
    return this.#store.get(id);
  }

  /** A page of benchmarks (those named `name`, exactly, when given), newest first. */
  list(query: PageQuery & { name?: string | undefined }): RecordPage<BenchmarkView> {
    return this.#store.list(query, (view) => query.name === undefined || view.name === query.name);
  }

  /** Every benchmark, oldest first (copies). */
  all(): BenchmarkView[] {
    return this.#store.all();
  }

  /** The stored benchmarks themselves, oldest first, to serialise without copying (read them, never write them). */
  views(): IterableIterator<Readonly<BenchmarkView>> {
    return this.#store.views();
  }

  /** Forgets every benchmark and restarts the ids from the seed, if there is one. */
  clear(): void {
    this.#store.clear();
  }

  #commit(current: Partial<BenchmarkView> & { id: string }, body: CheckedBody): BenchmarkView {
    checkNotBlank('name', body.name);
    const given = withoutNulls(body);
    const ids = given.scenario_ids as string[] | undefined;
    const unknown = (ids ?? []).flatMap((id, index) => (this.#scenarioExists(id) ? [] : [{ path: `scenario_ids[${index}]`, message: `no scenario ${id}` }]));
    if (unknown.length > 0) throw new ApiFailure(400, unknown.map((issue) => `${issue.path}: ${issue.message}`).join('; '), unknown);
    const { scenario_ids: _ids, ...fields } = given;
    const next = { ...current, ...fields, ...(ids !== undefined && { scenarioIds: ids }) } as BenchmarkView;
    return this.#store.put(inFieldOrder(next, VIEW_ORDER));
  }
}

/** The fields of a stored view, in the order the published schema lists them. */
const VIEW_ORDER = ['id', 'name', 'scenarioIds', 'metadata', 'required_environment_variables', 'required_secret_names', 'is_public', 'attribution', 'description', 'status'];
