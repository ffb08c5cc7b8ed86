/**
 * `scenariokit/testing`: a loopback fake of Runloop's scenario API that the real
 * `@runloop/api-client` talks to, for tests without network.
 *
 * @example
 * ```ts
 * import { startFakeRunloop } from 'scenariokit/testing';
 * const fake = await startFakeRunloop();
 * ```
 *
 * @packageDocumentation
 */
export {
  DEFAULT_FAKE_API_KEY,
  DEFAULT_FAKE_MAX_RETRIES,
  startFakeRunloop,
  type FakeRunloop,
  type FakeRunloopOptions,
} from './start-fake-runloop.js';
export { DEFAULT_RETRY_AFTER_MS, FAULT_KINDS, type FaultKind, type FaultOptions } from './fault-plan.js';
export { MASKED_AUTHORIZATION, type RecordedRequest } from './recorded-request.js';
export { MAX_BODY_DEPTH } from './fake-request-handler.js';
export { SPEC_EXCEPTIONS, type OpenApiSchema, type SpecException } from './spec-exceptions.js';
export type { ScenarioView } from '../client/scenario-view.js';
