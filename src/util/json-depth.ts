/**
 * How deeply the free-form JSON values given to scenariokit (a problem's context, a custom
 * scorer's params) may nest: objects and arrays inside the value, counting the value itself as 1
 * (metadata is a flat map of strings, so it never nests). Deeper
 * input is reported as a validation error (`too-deep`) rather than overflowing the stack, and a
 * Runloop request body stays within what servers commonly accept.
 *
 * @example
 * ```ts
 * let context: Record<string, unknown> = {};
 * for (let level = 1; level < MAX_JSON_DEPTH; level++) context = { nested: context };
 * Scenario.define('deep').problem('p', { context }).build(); // at the limit: fine; one more level is an error
 * ```
 */
export const MAX_JSON_DEPTH = 64;
