import { ApiFailure } from './api-failure.js';
import type { ApiAnswer, ApiCall } from './api-call.js';
import { BENCHMARK_ENDPOINTS, routeBenchmarkCall } from './benchmark-routes.js';
import { BLUEPRINT_ENDPOINTS, routeBlueprintCall } from './blueprint-routes.js';
import type { FakeStores } from './fake-stores.js';
import { OBJECT_ENDPOINTS, routeObjectCall } from './object-routes.js';
import type { OpenApiValidator } from './openapi-validator.js';
import { routeScenarioCall, SCENARIO_ENDPOINTS } from './scenario-routes.js';

/** The resources the fake serves, by the path segment after `/v1/`. */
const RESOURCES = {
  scenarios: routeScenarioCall,
  benchmarks: routeBenchmarkCall,
  blueprints: routeBlueprintCall,
  objects: routeObjectCall,
} as const;

/**
 * Runs one call against the fake's stores, routed by resource (`/v1/scenarios…`,
 * `/v1/benchmarks…`, `/v1/blueprints…`, `/v1/objects…`). Throws {@link ApiFailure} for every
 * error answer; a path outside these is a 404 listing what the fake serves.
 *
 * @example
 * ```ts
 * routeApiCall({ method: 'GET', path: '/v1/benchmarks/bmd_1', query: {}, body: undefined }, stores, validator);
 * // throws ApiFailure(404, 'benchmark bmd_1 not found') for an unknown id
 * ```
 */
export function routeApiCall(call: ApiCall, stores: FakeStores, validator: OpenApiValidator): ApiAnswer {
  const segments = call.path.split('/').filter(Boolean).map(decodeSegment);
  const resource = segments[0] === 'v1' ? segments[1] : undefined;
  if (resource === undefined || !Object.hasOwn(RESOURCES, resource)) {
    const served = [SCENARIO_ENDPOINTS, BENCHMARK_ENDPOINTS, BLUEPRINT_ENDPOINTS, OBJECT_ENDPOINTS].join('; ');
    throw new ApiFailure(404, `${call.method} ${call.path} is not an endpoint of scenariokit's fake Runloop; it serves ${served}`);
  }
  return RESOURCES[resource as keyof typeof RESOURCES](call, segments, stores, validator);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ApiFailure(400, `path segment ${JSON.stringify(segment)} is not valid percent-encoding`);
  }
}
