import type { Runloop, RunloopSDK } from '@runloop/api-client';
import type { RequestOptions } from '@runloop/api-client/core';

/**
 * A Runloop client: the SDK's `Runloop` API client or its `RunloopSDK` wrapper.
 *
 * @example
 * ```ts
 * const client: RunloopClient = new RunloopSDK({ bearerToken: process.env.RUNLOOP_API_KEY });
 * await scenario.push('scn_123', { client });
 * ```
 */
export type RunloopClient = Runloop | RunloopSDK;

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

let defaultClient: { key: string; client: Promise<Runloop> } | undefined;

/**
 * The API client to send with: the one given, or one made from the environment. The SDK is
 * imported here, on first use, so that building payloads never loads it.
 */
export function resolveClient(client: RunloopClient | undefined): Promise<Runloop> {
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
