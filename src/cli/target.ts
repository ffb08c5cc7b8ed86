import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Runloop } from '@runloop/api-client';
import { checkReachable } from './check-reachable.js';
import type { CliIO } from './cli-io.js';
import type { Output } from './output.js';
import { acquireLock } from './target-lock.js';
import { UsageError } from './usage-error.js';

/** Where the embedded local target keeps its scenarios, under the working directory. */
const LOCAL_STORE = join('.scenariokit', 'runloop.json');
/** Runloop's API, when `RUNLOOP_BASE_URL` does not say otherwise. */
const DEFAULT_BASE_URL = 'https://api.runloop.ai';

/**
 * Where `plan`, `push` and `pull` send, for their `--help`.
 */
export const TARGET_HELP = `Where it sends:
  RUNLOOP_API_KEY set     Runloop at RUNLOOP_BASE_URL (default ${DEFAULT_BASE_URL}); the key is never printed,
                          and a key Runloop refuses stops the command before it sends anything (exit code 2)
  RUNLOOP_API_KEY unset   the embedded local target: a local Runloop kept in ${LOCAL_STORE}
                          under the current directory (announced on stderr)
  --local                 the embedded local target, whatever RUNLOOP_API_KEY holds
  CI set, no key          refused (exit code 2) unless --local: a missing secret must not
                          turn a deployment job green against the local target`;

/** The Runloop a command talks to, and how to let it go. */
export interface Target {
  readonly client: Runloop;
  close(): Promise<void>;
}

/**
 * Runloop itself when `RUNLOOP_API_KEY` is set (at `RUNLOOP_BASE_URL`, if set), checked to be
 * reachable first; otherwise, or with `local`, the embedded local target: scenariokit's fake
 * Runloop, persisted in `.scenariokit/runloop.json`, used by one command at a time and announced
 * on stderr so nobody mistakes it for their account. In CI (`CI` set) without a key and without
 * `local`, refuses.
 */
export async function openTarget(io: CliIO, output: Output, options: { local: boolean }): Promise<Target> {
  const apiKey = io.env.RUNLOOP_API_KEY?.trim(); // as the SDK trims a key it reads itself; a blank one is none
  if (apiKey && !options.local) return remoteTarget(apiKey, io.env.RUNLOOP_BASE_URL);
  if (!options.local && isCI(io.env)) {
    throw new UsageError(
      'CI is set but RUNLOOP_API_KEY is not: refusing to fall back to the embedded local target, so that a missing secret cannot turn this job green. ' +
        'Set RUNLOOP_API_KEY (for example from a repository secret), or pass --local to use the embedded local target on purpose.',
    );
  }
  return localTarget(
    io,
    output,
    apiKey
      ? `--local: using the embedded local target (${LOCAL_STORE}); RUNLOOP_API_KEY is not used.`
      : `No RUNLOOP_API_KEY set: using the embedded local target (${LOCAL_STORE}). Set RUNLOOP_API_KEY to use your Runloop account.`,
  );
}

async function remoteTarget(apiKey: string, baseURLVariable: string | undefined): Promise<Target> {
  const source = baseURLVariable ? 'from RUNLOOP_BASE_URL' : `the default; set RUNLOOP_BASE_URL for another`;
  let url: URL;
  try {
    url = new URL(baseURLVariable || DEFAULT_BASE_URL);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError('not http(s)');
  } catch {
    throw new UsageError(`RUNLOOP_BASE_URL is not an http(s) URL: ${JSON.stringify(baseURLVariable)}`);
  }
  const shown = new URL(url); // as messages name it: without a user name or password the URL may carry
  shown.username = '';
  shown.password = '';
  await checkReachable(shown, source);
  const { Runloop } = await import('@runloop/api-client');
  // the URL checked, not the SDK's own reading of process.env
  const client = new Runloop({ bearerToken: apiKey, baseURL: baseURLVariable || DEFAULT_BASE_URL });
  await checkAnswers(client, shown, source);
  return { client, close: async () => {} };
}

/** How long the first request may take before the command gives up on the target. */
const FIRST_REQUEST_TIMEOUT_MS = 10_000;

/**
 * One cheap request (`GET /v1/scenarios?limit=1`, no retries) before the command's own: a URL
 * that accepts connections but does not speak Runloop's API (cleartext where TLS is expected, or
 * the reverse) and a refused key fail at once, named, instead of after the SDK's retries.
 */
async function checkAnswers(client: Runloop, url: URL, source: string): Promise<void> {
  const { APIConnectionError, AuthenticationError, PermissionDeniedError } = await import('@runloop/api-client');
  try {
    await client.scenarios.list({ limit: 1 }, { maxRetries: 0, timeout: FIRST_REQUEST_TIMEOUT_MS });
  } catch (error) {
    if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) {
      throw new UsageError(`Runloop at ${url.href} (${source}) refused RUNLOOP_API_KEY (${error.status}): check that the key is current and belongs to this endpoint.`);
    }
    if (error instanceof APIConnectionError) {
      const cause = error.cause instanceof Error ? error.cause.message : error.message;
      throw new Error(
        `cannot talk to Runloop at ${url.href} (${source}): ${cause}. Check the URL (https:// or http://, host and port), then run this again.`,
      );
    }
    // any other answer came from an API: the command's own requests (with retries) deal with it
  }
}

async function localTarget(io: CliIO, output: Output, announcement: string): Promise<Target> {
  const persistTo = join(io.cwd, LOCAL_STORE);
  await mkdir(join(io.cwd, '.scenariokit'), { recursive: true });
  const unlock = await acquireLock(`${persistTo}.lock`, `the embedded local target (${LOCAL_STORE})`);
  try {
    const { startFakeRunloop } = await import('../testing/index.js');
    const fake = await startFakeRunloop({ persistTo });
    output.note(announcement);
    return { client: fake.client(), close: () => fake.close().finally(unlock) };
  } catch (error) {
    await unlock();
    throw error;
  }
}

/** Whether the command runs in CI: `CI` set to anything but an empty string, `0` or `false` (as ci-info reads it). */
function isCI(env: CliIO['env']): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}
