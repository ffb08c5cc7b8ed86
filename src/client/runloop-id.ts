/**
 * What a Runloop id is made of: letters, digits, `_` and `-` (a prefix, `_` and 21 base-62
 * characters, as in `scn_1Kjuy1Lt8huoX0SvMyDMP`). The SDK puts an id into the request path as it
 * is, so anything else (`/`, `..`, `?`, an empty string) would reach another endpoint.
 */
const RUNLOOP_ID = /^[A-Za-z0-9_-]+$/;

/** Whether `id` can be a Runloop id, and so names one resource in a request path. */
export function isRunloopId(id: unknown): id is string {
  return typeof id === 'string' && RUNLOOP_ID.test(id);
}
