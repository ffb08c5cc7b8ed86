import { ApiFailure } from './api-failure.js';
import type { OpenApiValidator, RequestBodySchema } from './openapi-validator.js';
import { MAX_LIMIT, type CheckedBody, type ListQuery, type ScenarioStore } from './scenario-store.js';

/**
 * A request to the scenario API, parsed: method, path, query and JSON body (`undefined` when
 * empty).
 *
 * @example
 * ```ts
 * const call: ApiCall = { method: 'GET', path: '/v1/scenarios', query: { limit: '5' }, body: undefined };
 * ```
 */
export interface ApiCall {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/**
 * An answer of the API: a status and a JSON body.
 *
 * @example
 * ```ts
 * const answer: ApiAnswer = { status: 200, body: view };
 * ```
 */
export interface ApiAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** Paths under /v1/scenarios/ that are other resources of Runloop's API, not scenario ids. */
const OTHER_RESOURCES = new Set(['runs', 'scorers', 'metadata', 'start_run']);
const SERVED = 'it serves POST /v1/scenarios, GET /v1/scenarios, GET /v1/scenarios/list_public, GET and POST /v1/scenarios/{id}, POST /v1/scenarios/{id}/archive and /unarchive';

/**
 * Runs one scenario-API call against the store: routing, the OpenAPI check of request bodies,
 * and listing parameters. Throws {@link ApiFailure} for every error answer.
 *
 * @example
 * ```ts
 * routeScenarioCall({ method: 'GET', path: '/v1/scenarios/scn_1', query: {}, body: undefined }, store, validator);
 * // throws ApiFailure(404, 'scenario scn_1 not found') for an unknown id
 * ```
 */
export function routeScenarioCall(call: ApiCall, store: ScenarioStore, validator: OpenApiValidator): ApiAnswer {
  const segments = call.path.split('/').filter(Boolean).map(decodeSegment);
  if (segments[0] !== 'v1' || segments[1] !== 'scenarios' || segments.length > 4) {
    throw new ApiFailure(404, `${call.method} ${call.path} is not an endpoint of scenariokit's fake Runloop; ${SERVED}`);
  }
  const [, , id, action] = segments;
  const ok = (body: unknown): ApiAnswer => ({ status: 200, body });

  if (id === undefined) {
    if (call.method === 'POST') return ok(store.create(checkBody(validator, 'ScenarioCreateParameters', call.body)));
    if (call.method === 'GET') return ok(store.list(listQuery(call.query)));
    throw notAllowed(call, 'GET, POST');
  }
  if (id === 'list_public' && action === undefined) {
    if (call.method !== 'GET') throw notAllowed(call, 'GET');
    return ok(store.list({ ...listQuery(call.query), publicOnly: true }));
  }
  if (OTHER_RESOURCES.has(id)) {
    throw new ApiFailure(404, `${call.method} ${call.path} is part of Runloop's API but not of scenariokit's fake; ${SERVED}`);
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
  throw new ApiFailure(404, `${call.method} ${call.path} is not an endpoint of scenariokit's fake Runloop; ${SERVED}`);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ApiFailure(400, `path segment ${JSON.stringify(segment)} is not valid percent-encoding`);
  }
}

/** The body, checked against the OpenAPI schema; an empty body is `{}`. 400 naming every bad field. */
function checkBody(validator: OpenApiValidator, schema: RequestBodySchema, body: unknown): CheckedBody {
  const value = body === undefined ? {} : body;
  const issues = validator.validate(schema, value);
  if (issues.length > 0) {
    const list = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    throw new ApiFailure(400, `invalid request body (${schema}): ${list}`, issues);
  }
  return value as CheckedBody;
}

/** Reads the listing parameters; 400 for a limit that is not a positive whole number. */
function listQuery(query: Readonly<Record<string, string>>): ListQuery {
  const given = (name: string) => (query[name] === undefined || query[name] === '' ? undefined : query[name]);
  const limitText = given('limit');
  let limit: number | undefined;
  if (limitText !== undefined) {
    limit = Number(limitText);
    if (!Number.isInteger(limit) || limit < 1) throw new ApiFailure(400, `limit: must be a whole number from 1 to ${MAX_LIMIT} (got ${JSON.stringify(limitText)})`);
  }
  const totalText = given('include_total_count');
  if (totalText !== undefined && totalText !== 'true' && totalText !== 'false') {
    throw new ApiFailure(400, `include_total_count: must be true or false (got ${JSON.stringify(totalText)})`);
  }
  return {
    name: given('name'),
    search: given('search'),
    validationType: given('validation_type'),
    benchmarkId: given('benchmark_id'),
    limit,
    startingAfter: given('starting_after'),
    includeTotalCount: totalText !== 'false',
  };
}

function notAllowed(call: ApiCall, allowed: string): ApiFailure {
  return new ApiFailure(405, `${call.method} is not allowed on ${call.path} (allowed: ${allowed})`);
}
