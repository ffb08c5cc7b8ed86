import { ApiFailure } from './api-failure.js';
import { checkBody, notAllowed, ok, pageQuery, queryText, type ApiAnswer, type ApiCall } from './api-call.js';
import type { FakeStores } from './fake-stores.js';
import type { OpenApiValidator } from './openapi-validator.js';

/**
 * What the fake serves of the blueprint API, for 404 messages.
 *
 * @example
 * ```ts
 * throw new ApiFailure(404, `… ${BLUEPRINT_ENDPOINTS}`);
 * ```
 */
export const BLUEPRINT_ENDPOINTS = 'POST /v1/blueprints, GET /v1/blueprints, GET /v1/blueprints/{id}';

/**
 * Runs one blueprint-API call (`segments`: its decoded path, `['v1', 'blueprints', …]`) against
 * the stores, with the OpenAPI check of request bodies. Throws {@link ApiFailure} for every error
 * answer; what the fake does not serve (logs, delete, preview, public listings) is a 404 saying so.
 *
 * @example
 * ```ts
 * routeBlueprintCall({ method: 'GET', path: '/v1/blueprints/bpt_1', query: {}, body: undefined }, ['v1', 'blueprints', 'bpt_1'], stores, validator);
 * ```
 */
export function routeBlueprintCall(call: ApiCall, segments: readonly string[], stores: FakeStores, validator: OpenApiValidator): ApiAnswer {
  const store = stores.blueprints;
  const [, , id, ...rest] = segments;
  if (id === undefined) {
    if (call.method === 'POST') return ok(store.create(checkBody(validator, 'BlueprintBuildParameters', call.body)));
    if (call.method === 'GET') {
      const query = { ...pageQuery(call.query), name: queryText(call.query, 'name'), status: queryText(call.query, 'status') };
      const { items, hasMore, totalCount } = store.list(query);
      return ok({ blueprints: items, has_more: hasMore, ...(totalCount !== undefined && { total_count: totalCount }) });
    }
    throw notAllowed(call, 'GET, POST');
  }
  if (rest.length > 0 || ['list_public', 'metadata', 'public', 'preview', 'create_from_inspection'].includes(id)) {
    throw new ApiFailure(404, `${call.method} ${call.path} is part of Runloop's API but not of scenariokit's fake; it serves ${BLUEPRINT_ENDPOINTS}`);
  }
  if (call.method === 'GET') return ok(store.get(id));
  throw notAllowed(call, 'GET');
}
