import { ApiFailure } from './api-failure.js';
import { checkBody, notAllowed, ok, pageQuery, queryText, type ApiAnswer, type ApiCall } from './api-call.js';
import type { FakeStores } from './fake-stores.js';
import type { OpenApiValidator } from './openapi-validator.js';

/**
 * What the fake serves of the benchmark API, for 404 messages.
 *
 * @example
 * ```ts
 * throw new ApiFailure(404, `… ${BENCHMARK_ENDPOINTS}`);
 * ```
 */
export const BENCHMARK_ENDPOINTS = 'POST /v1/benchmarks, GET /v1/benchmarks, GET and POST /v1/benchmarks/{id}';

/**
 * Runs one benchmark-API call (`segments`: its decoded path, `['v1', 'benchmarks', …]`) against
 * the stores, with the OpenAPI check of request bodies. Throws {@link ApiFailure} for every error
 * answer; what the fake does not serve (runs, `updateScenarios`, archiving) is a 404 saying so.
 *
 * @example
 * ```ts
 * routeBenchmarkCall({ method: 'GET', path: '/v1/benchmarks', query: { name: 'smoke' }, body: undefined }, ['v1', 'benchmarks'], stores, validator);
 * ```
 */
export function routeBenchmarkCall(call: ApiCall, segments: readonly string[], stores: FakeStores, validator: OpenApiValidator): ApiAnswer {
  const store = stores.benchmarks;
  const [, , id, ...rest] = segments;
  if (id === undefined) {
    if (call.method === 'POST') return ok(store.create(checkBody(validator, 'BenchmarkCreateParameters', call.body)));
    if (call.method === 'GET') {
      const { items, hasMore, totalCount } = store.list({ ...pageQuery(call.query), name: queryText(call.query, 'name') });
      return ok({ benchmarks: items, has_more: hasMore, ...(totalCount !== undefined && { total_count: totalCount }) });
    }
    throw notAllowed(call, 'GET, POST');
  }
  if (rest.length > 0 || ['list_public', 'metadata', 'runs', 'start_run'].includes(id)) {
    throw new ApiFailure(404, `${call.method} ${call.path} is part of Runloop's API but not of scenariokit's fake; it serves ${BENCHMARK_ENDPOINTS}`);
  }
  if (call.method === 'GET') return ok(store.get(id));
  if (call.method === 'POST') return ok(store.update(id, checkBody(validator, 'BenchmarkUpdateParameters', call.body)));
  throw notAllowed(call, 'GET, POST');
}
