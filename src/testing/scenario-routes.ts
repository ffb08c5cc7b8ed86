import { ApiFailure } from './api-failure.js';
import { checkBody, notAllowed, ok, pageQuery, queryText, type ApiAnswer, type ApiCall } from './api-call.js';
import type { FakeStores } from './fake-stores.js';
import type { OpenApiValidator } from './openapi-validator.js';
import type { ListQuery } from './scenario-store.js';

/** Paths under /v1/scenarios/ that are other resources of Runloop's API, not scenario ids. */
const OTHER_RESOURCES = new Set(['runs', 'scorers', 'metadata', 'start_run']);
/**
 * What the fake serves of the scenario API, for 404 messages.
 *
 * @example
 * ```ts
 * throw new ApiFailure(404, `… ${SCENARIO_ENDPOINTS}`);
 * ```
 */
export const SCENARIO_ENDPOINTS = 'POST /v1/scenarios, GET /v1/scenarios, GET /v1/scenarios/list_public, GET and POST /v1/scenarios/{id}, POST /v1/scenarios/{id}/archive and /unarchive';

/**
 * Runs one scenario-API call (`segments`: its decoded path, `['v1', 'scenarios', …]`) against the
 * stores: routing, the OpenAPI check of request bodies, and listing parameters. Throws
 * {@link ApiFailure} for every error answer.
 *
 * @example
 * ```ts
 * routeScenarioCall({ method: 'GET', path: '/v1/scenarios/scn_1', query: {}, body: undefined }, ['v1', 'scenarios', 'scn_1'], stores, validator);
 * // throws ApiFailure(404, 'scenario scn_1 not found') for an unknown id
 * ```
 */
export function routeScenarioCall(call: ApiCall, segments: readonly string[], stores: FakeStores, validator: OpenApiValidator): ApiAnswer {
  const store = stores.scenarios;
  const [, , id, action, ...rest] = segments;
  const notServed = () => new ApiFailure(404, `${call.method} ${call.path} is not an endpoint of scenariokit's fake Runloop; it serves ${SCENARIO_ENDPOINTS}`);
  if (rest.length > 0) throw notServed();

  if (id === undefined) {
    if (call.method === 'POST') return ok(store.create(checkBody(validator, 'ScenarioCreateParameters', call.body)));
    if (call.method === 'GET') return ok(store.list(listQuery(call.query, stores)));
    throw notAllowed(call, 'GET, POST');
  }
  if (id === 'list_public' && action === undefined) {
    if (call.method !== 'GET') throw notAllowed(call, 'GET');
    return ok(store.list({ ...listQuery(call.query, stores), publicOnly: true }));
  }
  if (OTHER_RESOURCES.has(id)) {
    throw new ApiFailure(404, `${call.method} ${call.path} is part of Runloop's API but not of scenariokit's fake; it serves ${SCENARIO_ENDPOINTS}`);
  }
  if (action === undefined) {
    if (call.method === 'GET') return ok(store.get(id));
    if (call.method === 'POST') return ok(store.update(id, checkBody(validator, 'ScenarioUpdateParameters', call.body)));
    throw notAllowed(call, 'GET, POST');
  }
  if (action === 'archive' || action === 'unarchive') {
    if (call.method !== 'POST') throw notAllowed(call, 'POST');
    return ok(action === 'archive' ? store.archive(id) : store.unarchive(id));
  }
  throw notServed();
}

/** Reads the listing parameters; `benchmark_id` stands for the benchmark's scenarios (none for an unknown benchmark). */
function listQuery(query: Readonly<Record<string, string>>, stores: FakeStores): ListQuery {
  const benchmarkId = queryText(query, 'benchmark_id');
  const benchmark = benchmarkId === undefined ? undefined : [...stores.benchmarks.views()].find((view) => view.id === benchmarkId);
  return {
    ...pageQuery(query),
    name: queryText(query, 'name'),
    search: queryText(query, 'search'),
    validationType: queryText(query, 'validation_type'),
    ids: benchmarkId === undefined ? undefined : new Set(benchmark?.scenarioIds ?? []),
  };
}
