import type { BenchmarkView } from '@runloop/api-client/resources/benchmarks';
import type { BlueprintView } from '@runloop/api-client/resources/blueprints';
import type { ObjectView } from '@runloop/api-client/resources/objects';
import type { ScenarioView } from '@runloop/api-client/resources/scenarios/scenarios';
import { BenchmarkStore } from './benchmark-store.js';
import { BlueprintStore } from './blueprint-store.js';
import { ObjectStore } from './object-store.js';
import { ScenarioStore } from './scenario-store.js';

/**
 * Everything a fake holds, as plain views: what its file keeps across runs.
 *
 * @example
 * ```ts
 * const contents: StoreContents = { scenarios: [], benchmarks: [], blueprints: [], objects: [] };
 * ```
 */
export interface StoreContents {
  readonly scenarios: readonly ScenarioView[];
  readonly benchmarks: readonly BenchmarkView[];
  readonly blueprints: readonly BlueprintView[];
  readonly objects: readonly ObjectView[];
}

/**
 * The resources of one fake account, one store each, sharing a seed (each kind draws its ids from
 * a stream of its own) and one `onChange`.
 *
 * @example
 * ```ts
 * const stores = new FakeStores({ seed: 1, uploadUrl: (id, token) => `${baseURL}/scenariokit-fake/uploads/${id}/${token}` });
 * stores.benchmarks.create({ name: 'smoke' });
 * ```
 */
export class FakeStores {
  readonly scenarios: ScenarioStore;
  readonly benchmarks: BenchmarkStore;
  readonly blueprints: BlueprintStore;
  readonly objects: ObjectStore;

  /** `initial` is what to start with (a fake's file); `uploadUrl` makes the URL an object's upload goes to. */
  constructor(options: {
    seed?: number | undefined;
    initial?: StoreContents | undefined;
    onChange?: (() => void) | undefined;
    uploadUrl: (id: string, token: string) => string;
  }) {
    const { seed, initial, onChange } = options;
    this.scenarios = new ScenarioStore({ seed, onChange, initial: initial?.scenarios });
    this.objects = new ObjectStore({ seed, onChange, initial: initial?.objects, uploadUrl: options.uploadUrl });
    this.benchmarks = new BenchmarkStore({ seed, onChange, initial: initial?.benchmarks, scenarioExists: (id) => this.scenarios.has(id) });
    this.blueprints = new BlueprintStore({ seed, onChange, initial: initial?.blueprints, objects: this.objects });
  }

  /** The stored views themselves, to serialise without copying (read them, never write them). */
  views(): { [K in keyof StoreContents]: Iterable<Readonly<StoreContents[K][number]>> } {
    return { scenarios: this.scenarios.views(), benchmarks: this.benchmarks.views(), blueprints: this.blueprints.views(), objects: this.objects.views() };
  }

  /** Forgets everything, and restarts the ids from the seed, if there is one. */
  clear(): void {
    this.scenarios.clear();
    this.benchmarks.clear();
    this.blueprints.clear();
    this.objects.clear();
  }
}
