import type { RequestOptions } from '@runloop/api-client/core';
import type { BenchmarkView } from '@runloop/api-client/resources/benchmarks';
import type { ScenarioView } from '@runloop/api-client/resources/scenarios/scenarios';
import { z } from 'zod';
import { lazy } from '../util/lazy.js';

/**
 * The largest page Runloop's listings serve (`limit`; scenarios, benchmarks and blueprints
 * alike): the page size of every listing scenariokit makes, so that it takes as few requests as
 * it can.
 */
export const MAX_PAGE_SIZE = 5000;

/**
 * One page of `client.scenarios.list()`, as scenariokit reads it.
 *
 * @example
 * ```ts
 * let page: ScenarioListPage = await client.scenarios.list({ limit: 100 });
 * while (page.hasNextPage()) page = await page.getNextPage();
 * ```
 */
export interface ScenarioListPage {
  /** The scenarios on this page. */
  readonly scenarios: readonly ScenarioView[];
  /** How many scenarios the listing has in all. */
  readonly total_count: number;
  /** Whether there is another page. */
  hasNextPage(): boolean;
  /** The next page. */
  getNextPage(): PromiseLike<ScenarioListPage>;
}

/**
 * The part of the SDK's `Runloop` client that scenariokit calls, described by its shape alone:
 * a client from any `@runloop/api-client` 1.x (another installed copy included, whose classes
 * have their own `#private` fields) fits, and so does a hand-made stand-in.
 *
 * @example
 * ```ts
 * const api: RunloopApiClient = new Runloop({ bearerToken: process.env.RUNLOOP_API_KEY });
 * await api.scenarios.retrieve('scn_123');
 * ```
 */
export interface RunloopApiClient {
  /** `client.scenarios`: the scenario endpoints. */
  readonly scenarios: {
    /** `POST /v1/scenarios`. */
    create(body: object, options?: RequestOptions): PromiseLike<ScenarioView>;
    /** `POST /v1/scenarios/{id}`. */
    update(id: string, body: object, options?: RequestOptions): PromiseLike<ScenarioView>;
    /** `GET /v1/scenarios/{id}`. */
    retrieve(id: string, options?: RequestOptions): PromiseLike<ScenarioView>;
    /** `GET /v1/scenarios`. */
    list(query: { limit?: number; name?: string; starting_after?: string }, options?: RequestOptions): PromiseLike<ScenarioListPage>;
  };
  /** `client.benchmarks`: the benchmark endpoints a suite's `benchmark` option uses. */
  readonly benchmarks: {
    /** `POST /v1/benchmarks`. */
    create(body: { name: string; scenario_ids?: string[] }, options?: RequestOptions): PromiseLike<BenchmarkView>;
    /** `POST /v1/benchmarks/{id}`. */
    update(id: string, body: { scenario_ids?: string[] }, options?: RequestOptions): PromiseLike<BenchmarkView>;
    /** `GET /v1/benchmarks`, every page. */
    list(query: { limit?: number; name?: string }, options?: RequestOptions): AsyncIterable<BenchmarkView>;
  };
}

/**
 * A Runloop client: the SDK's `Runloop` API client or its `RunloopSDK` wrapper (its `api`), from
 * any 1.x version of `@runloop/api-client`; only their shape is required.
 *
 * @example
 * ```ts
 * const client: RunloopClient = new RunloopSDK({ bearerToken: process.env.RUNLOOP_API_KEY });
 * await scenario.push('scn_123', { client });
 * ```
 */
export type RunloopClient = RunloopApiClient | { readonly api: RunloopApiClient };

/**
 * Options of the terminals that talk to Runloop (`.push()`, `.create()`).
 *
 * @example
 * ```ts
 * await scenario.push('scn_123', { client: new Runloop({ maxRetries: 2 }), requestOptions: { timeout: 10_000 } });
 * ```
 */
export interface ClientOptions {
  /** The client to send with. Without one, a client is made from `RUNLOOP_API_KEY` (and `RUNLOOP_BASE_URL`). */
  client?: RunloopClient;
  /** Per-request options passed to the SDK (timeout, signal, maxRetries, headers, idempotencyKey). */
  requestOptions?: RequestOptions;
}

/** The keys of {@link ClientOptions}, for the option check. */
export const clientOptionsSchema = lazy(() =>
  z.strictObject({
    client: z.custom<RunloopClient>(isClient, { error: 'must be a Runloop client: new Runloop() from @runloop/api-client, or a RunloopSDK' }).optional(),
    requestOptions: z.unknown(),
  }),
);

/** Whether `value` has the shape scenariokit uses: a Runloop client's `scenarios`, or a RunloopSDK's `api.scenarios`. */
function isClient(value: unknown): boolean {
  const hasScenarios = (object: unknown) => typeof object === 'object' && object !== null && typeof (object as { scenarios?: unknown }).scenarios === 'object';
  return hasScenarios(value) || (typeof value === 'object' && value !== null && hasScenarios((value as { api?: unknown }).api));
}

let defaultClient: { key: string; client: Promise<RunloopApiClient> } | undefined;

/**
 * The API client to send with: the one given, or one made from the environment. The SDK is
 * imported here, on first use, so that building payloads never loads it.
 */
export function resolveClient(client: RunloopClient | undefined): Promise<RunloopApiClient> {
  if (client !== undefined) return Promise.resolve('api' in client ? client.api : client);
  const apiKey = process.env.RUNLOOP_API_KEY;
  if (!apiKey) {
    return Promise.reject(
      new Error(
        'No Runloop client: pass { client } (a Runloop or RunloopSDK instance), or set RUNLOOP_API_KEY ' +
          '(and RUNLOOP_BASE_URL for an endpoint other than https://api.runloop.ai).',
      ),
    );
  }
  const key = `${process.env.RUNLOOP_BASE_URL ?? ''}\n${apiKey}`;
  if (defaultClient?.key !== key) {
    defaultClient = { key, client: import('@runloop/api-client').then(({ Runloop }) => new Runloop()) };
  }
  return defaultClient.client;
}
