import { ApiFailure } from './api-failure.js';
import { checkBody, notAllowed, ok, type ApiAnswer, type ApiCall } from './api-call.js';
import type { FakeStores } from './fake-stores.js';
import type { OpenApiValidator } from './openapi-validator.js';

/**
 * What the fake serves of the object API, for 404 messages: what uploading a build context takes.
 *
 * @example
 * ```ts
 * throw new ApiFailure(404, `… ${OBJECT_ENDPOINTS}`);
 * ```
 */
export const OBJECT_ENDPOINTS = 'POST /v1/objects, GET /v1/objects/{id}, POST /v1/objects/{id}/complete, and PUT to an upload_url';

/**
 * Runs one object-API call (`segments`: its decoded path, `['v1', 'objects', …]`) against the
 * stores, with the OpenAPI check of request bodies. Throws {@link ApiFailure} for every error
 * answer; what the fake does not serve (listing, download, delete) is a 404 saying so.
 *
 * @example
 * ```ts
 * routeObjectCall({ method: 'POST', path: '/v1/objects/obj_1/complete', query: {}, body: undefined }, ['v1', 'objects', 'obj_1', 'complete'], stores, validator);
 * ```
 */
export function routeObjectCall(call: ApiCall, segments: readonly string[], stores: FakeStores, validator: OpenApiValidator): ApiAnswer {
  const store = stores.objects;
  const [, , id, action, ...rest] = segments;
  const notServed = () => new ApiFailure(404, `${call.method} ${call.path} is part of Runloop's API but not of scenariokit's fake; it serves ${OBJECT_ENDPOINTS}`);
  if (id === undefined) {
    if (call.method === 'POST') return ok(store.create(checkBody(validator, 'ObjectCreateParameters', call.body)));
    throw call.method === 'GET' ? notServed() : notAllowed(call, 'POST');
  }
  if (rest.length > 0 || ['list_public', 'metadata'].includes(id)) throw notServed();
  if (action === undefined) {
    if (call.method === 'GET') return ok(store.get(id));
    throw notAllowed(call, 'GET');
  }
  if (action !== 'complete') throw notServed();
  if (call.method !== 'POST') throw notAllowed(call, 'POST');
  checkBody(validator, 'EmptyRecord', call.body === null ? undefined : call.body);
  return ok(store.complete(id));
}
