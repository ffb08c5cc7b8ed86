import { Runloop, type ClientOptions } from '@runloop/api-client';
import type { BenchmarkView } from '@runloop/api-client/resources/benchmarks';
import type { BlueprintView } from '@runloop/api-client/resources/blueprints';
import type { ObjectView } from '@runloop/api-client/resources/objects';
import type { ScenarioView } from '@runloop/api-client/resources/scenarios/scenarios';
import { resolve } from 'node:path';
import { startDualProtocolServer } from './dual-protocol-server.js';
import { FakeRequestHandler, UPLOAD_PATH } from './fake-request-handler.js';
import { FakeStores } from './fake-stores.js';
import { FaultPlan, type FaultKind, type FaultOptions } from './fault-plan.js';
import { OpenApiValidator } from './openapi-validator.js';
import type { RecordedRequest } from './recorded-request.js';
import { readStoreFile } from './store-file.js';
import { StoreWriter } from './store-writer.js';

/**
 * Options of {@link startFakeRunloop}.
 *
 * @example
 * ```ts
 * const fake = await startFakeRunloop({ seed: 7, faults: { rate: 0.2, kinds: ['429', '503'] } });
 * ```
 */
export interface FakeRunloopOptions {
  /** The bearer token the fake accepts (and `client()` sends). Default {@link DEFAULT_FAKE_API_KEY}. */
  apiKey?: string;
  /**
   * Makes the ids (of scenarios, benchmarks, blueprints, objects) and the random faults
   * repeatable. Without it, ids are random (no two fakes or stores hand out the same ones) and
   * random faults follow seed 1.
   */
  seed?: number;
  /** Milliseconds every request waits before it is processed. Default 0. */
  latencyMs?: number;
  /** Random faults: a rate, and optionally the kinds to choose from. Default: none. */
  faults?: FaultOptions;
  /**
   * A JSON file holding the scenarios, benchmarks, blueprints and objects across runs: read at start when it exists, rewritten
   * atomically and durably (fsync, then rename) after changes, coalesced so that rewriting takes
   * at most a fifth of the time however large the file, and at once by `reset()` and `close()`.
   */
  persistTo?: string;
}

/**
 * A running fake of Runloop's scenario, benchmark and blueprint APIs on 127.0.0.1, for the real
 * `@runloop/api-client`.
 *
 * @example
 * ```ts
 * const fake = await startFakeRunloop();
 * const view = await Scenario.define('x').problem('p').scorer(command('npm test')).create({ client: fake.client() });
 * expect(fake.scenarios).toEqual([view]);
 * await fake.close();
 * ```
 */
export interface FakeRunloop {
  /** `http://127.0.0.1:<port>`: give it to a client as `baseURL` (or as `RUNLOOP_BASE_URL`). */
  readonly baseURL: string;
  /** The bearer token the fake accepts. */
  readonly apiKey: string;
  /**
   * `RUNLOOP_BASE_URL` and `RUNLOOP_API_KEY` for the fake: for code that makes its own client
   * from the environment (`.push(id)` without `{ client }`, a child process, a CLI).
   */
  readonly env: Readonly<{ RUNLOOP_BASE_URL: string; RUNLOOP_API_KEY: string }>;
  /**
   * A new `Runloop` client for the fake, on the SDK's default transport (HTTP/2) unless
   * `overrides` say otherwise (`{ http2: false }` for HTTP/1.1). Defaults: the fake's `baseURL`
   * and `apiKey`, and `maxRetries` {@link DEFAULT_FAKE_MAX_RETRIES}.
   */
  client(overrides?: Partial<ClientOptions>): Runloop;
  /** Every stored scenario, archived ones included, oldest first (a copy). */
  readonly scenarios: readonly ScenarioView[];
  /** Every stored benchmark, oldest first (a copy). */
  readonly benchmarks: readonly BenchmarkView[];
  /** Every stored blueprint, oldest first (a copy); each is `build_complete` from the start. */
  readonly blueprints: readonly BlueprintView[];
  /** Every stored object (uploaded build contexts), oldest first (a copy); the fake keeps their size, not their content. */
  readonly objects: readonly ObjectView[];
  /** Every request received, in order, including those answered with a fault (frozen). */
  readonly requests: readonly RecordedRequest[];
  /** Injects `kind` into the next `times` requests (default 1), ahead of random faults. */
  injectFault(kind: FaultKind, times?: number): void;
  /** Forgets scenarios, benchmarks, blueprints, objects, requests, idempotency keys and queued faults, and restarts the seeded sequences. */
  reset(): void;
  /** Stops the server and cuts its connections; rejects when the store could not be written (`persistTo`). Calling it again does nothing. */
  close(): Promise<void>;
}

/**
 * The bearer token a fake accepts unless told otherwise. Not a secret.
 *
 * @example
 * ```ts
 * process.env.RUNLOOP_API_KEY = DEFAULT_FAKE_API_KEY; // for code that makes its own client
 * ```
 */
export const DEFAULT_FAKE_API_KEY = 'scenariokit-fake-api-key';

/**
 * The `maxRetries` of `fake.client()`: enough for a few injected faults in a row, few enough
 * that a test of giving up stays fast (the SDK's own default is 5).
 *
 * @example
 * ```ts
 * fake.injectFault('503', DEFAULT_FAKE_MAX_RETRIES + 1); // the next call gives up
 * ```
 */
export const DEFAULT_FAKE_MAX_RETRIES = 3;

/**
 * Starts a loopback fake of Runloop's scenario, benchmark and blueprint endpoints (and the
 * object uploads a blueprint's build context takes) that the real SDK talks to (HTTP/2
 * cleartext, its default, and HTTP/1.1 on the same port). It checks bodies against the published
 * OpenAPI schema, keeps scenarios and benchmarks with the API's update semantics, records every
 * request, honours idempotency keys and can inject seeded faults.
 *
 * @example
 * ```ts
 * const fake = await startFakeRunloop();
 * const client = fake.client();
 * await client.scenarios.create({ name: 'x', input_context: { problem_statement: 'p' }, scoring_contract: { scoring_function_parameters: [] } });
 * fake.requests[0].method; // 'POST'
 * await fake.close();
 * ```
 */
export async function startFakeRunloop(options: FakeRunloopOptions = {}): Promise<FakeRunloop> {
  const apiKey = options.apiKey ?? DEFAULT_FAKE_API_KEY;
  if (typeof apiKey !== 'string' || !/\S/.test(apiKey)) throw new TypeError('apiKey must be a non-blank string');
  const seed = options.seed;
  if (seed !== undefined && !Number.isInteger(seed)) throw new TypeError(`seed must be a whole number (got ${String(seed)})`);
  const latencyMs = options.latencyMs ?? 0;
  if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new RangeError(`latencyMs must be a non-negative number (got ${String(latencyMs)})`);
  const file = options.persistTo === undefined ? undefined : resolve(options.persistTo);

  const validator = OpenApiValidator.shared();
  const faults = new FaultPlan(seed ?? 1, options.faults);
  const writer = file === undefined ? undefined : new StoreWriter(file, () => stores.views());
  let baseURL = '';
  const stores: FakeStores = new FakeStores({
    seed,
    initial: file === undefined ? undefined : readStoreFile(file),
    onChange: writer && (() => writer.changed()),
    uploadUrl: (id, token) => `${baseURL}${UPLOAD_PATH}${id}/${token}`,
  });
  const handler = new FakeRequestHandler({ apiKey, stores, validator, faults, latencyMs });
  const server = await startDualProtocolServer((request) => handler.handle(request));
  baseURL = `http://${server.host}:${server.port}`;

  let closed = false;
  return Object.freeze({
    baseURL,
    apiKey,
    env: Object.freeze({ RUNLOOP_BASE_URL: baseURL, RUNLOOP_API_KEY: apiKey }),
    client(overrides?: Partial<ClientOptions>) {
      return new Runloop({ baseURL, bearerToken: apiKey, maxRetries: DEFAULT_FAKE_MAX_RETRIES, ...overrides });
    },
    get scenarios() {
      return Object.freeze(stores.scenarios.all());
    },
    get benchmarks() {
      return Object.freeze(stores.benchmarks.all());
    },
    get blueprints() {
      return Object.freeze(stores.blueprints.all());
    },
    get objects() {
      return Object.freeze(stores.objects.all());
    },
    get requests() {
      return handler.requests;
    },
    injectFault(kind: FaultKind, times?: number) {
      faults.inject(kind, times);
    },
    reset() {
      stores.clear();
      handler.reset();
      faults.reset();
      writer?.flush();
    },
    async close() {
      if (closed) return;
      closed = true;
      handler.close(); // nothing changes after close(), not even a request still in its latency
      writer?.flush();
      await server.close();
      if (writer?.error !== undefined) throw writer.error;
    },
  });
}
