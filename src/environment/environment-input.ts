import type { z } from 'zod';
import { isPlainObject } from '../schema/json-object.js';
import { ENVIRONMENT_FIELDS, ENVIRONMENT_SOURCES, type LAUNCH_FIELDS, type RESOURCE_SIZES } from './environment-fields.js';

/**
 * A preset Devbox size: `X_SMALL` (0.5 vCPU, 1 GiB) to `XX_LARGE` (8 vCPU, 32 GiB).
 *
 * @example
 * ```ts
 * const size: ResourceSize = 'MEDIUM';
 * scenario.env({ launch: { resourceSize: size } });
 * ```
 */
export type ResourceSize = Exclude<(typeof RESOURCE_SIZES)[number], 'CUSTOM_SIZE'>;

/**
 * A custom Devbox size, sent as `CUSTOM_SIZE` with `custom_cpu_cores`, `custom_gb_memory` and `custom_disk_size`.
 *
 * @example
 * ```ts
 * const size: CustomResourceSize = { cpu: 4, memoryGb: 16, diskGb: 32 };
 * scenario.env({ launch: { resourceSize: size } });
 * ```
 */
export interface CustomResourceSize {
  /** vCPUs: 0.5, 1 or an even number up to 16. */
  cpu: number;
  /** Memory in GiB: 1 or an even number up to 64, between 2× and 8× the cpu count. */
  memoryGb: number;
  /** Disk in GiB: an even number from 2 to 64. */
  diskGb?: number;
}

/**
 * What a Devbox does once idle for `idleSeconds`.
 *
 * @example
 * ```ts
 * const afterIdle: AfterIdle = { idleSeconds: 900, onIdle: 'suspend' };
 * scenario.env({ launch: { lifecycle: { afterIdle } } });
 * ```
 */
export interface AfterIdle {
  /** Seconds of inactivity before `onIdle` happens. */
  idleSeconds: number;
  /** `shutdown` or `suspend`. */
  onIdle: 'shutdown' | 'suspend';
}

/**
 * Idle policy, resume triggers and suspend hooks (`launch_parameters.lifecycle`).
 *
 * @example
 * ```ts
 * const lifecycle: Lifecycle = { afterIdle: { idleSeconds: 600, onIdle: 'suspend' }, resumeTriggers: { http: true } };
 * ```
 */
export interface Lifecycle {
  /** Idle policy; preferred over the top-level `afterIdle`. */
  afterIdle?: AfterIdle;
  /** What may resume a suspended Devbox. */
  resumeTriggers?: { http?: boolean; axonEvent?: boolean };
  /** Commands run before the Devbox suspends, within a deadline of at most 60 000 ms. */
  hooks?: { suspendCommands?: readonly string[]; suspendDeadlineMs?: number };
}

type Wire = { [K in keyof typeof LAUNCH_FIELDS]: z.infer<ReturnType<(typeof LAUNCH_FIELDS)[K]['schema']>> };

/**
 * The Devbox's launch parameters in camelCase; each key maps to one `launch_parameters` field.
 * Set a key to `undefined` to drop a value an earlier `.env()` call gave.
 *
 * @example
 * ```ts
 * const launch: LaunchInput = { resourceSize: 'SMALL', launchCommands: ['npm ci'], keepAliveSeconds: 3600 };
 * // launch_parameters: { resource_size_request: 'SMALL', launch_commands: ['npm ci'], keep_alive_time_seconds: 3600 }
 * ```
 */
export interface LaunchInput {
  /** Commands run at launch, before the entrypoint. */
  launchCommands?: readonly string[];
  /** A preset size, or `{ cpu, memoryGb, diskGb? }` for `CUSTOM_SIZE`. */
  resourceSize?: ResourceSize | CustomResourceSize;
  /** Seconds until the Devbox shuts down (1 to 172 800). */
  keepAliveSeconds?: number;
  /** Idle policy (`after_idle`); prefer `lifecycle.afterIdle`. */
  afterIdle?: AfterIdle;
  /** `x86_64` (default) or `arm64`. */
  architecture?: Wire['architecture'];
  /** The Linux user the Devbox runs as. */
  user?: { username: string; uid: number };
  /** Deprecated by Runloop and ignored by it; kept for the reference page's payloads. */
  availablePorts?: readonly number[];
  /** ContainerizedService names (declared in the blueprint) to start. */
  requiredServices?: readonly string[];
  /** The network policy applied to the Devbox. */
  networkPolicyId?: string;
  /** `standard` (default) or `flex` (alpha: lazily provisioned, may be pre-empted). */
  provisioningTier?: Wire['provisioning_tier'];
  /** Idle policy, resume triggers and suspend hooks. */
  lifecycle?: Lifecycle;
}

/**
 * Exactly one environment source, or none (keep the current one).
 *
 * @example
 * ```ts
 * const source: EnvironmentSource = { snapshotId: 'snp_123' };
 * ```
 */
export type EnvironmentSource =
  | { blueprintId: string; snapshotId?: never; prebuiltId?: never }
  | { snapshotId: string; blueprintId?: never; prebuiltId?: never }
  | {
      /** The reference page's prebuilt image id; the current SDK types no longer list it. */
      prebuiltId: string;
      blueprintId?: never;
      snapshotId?: never;
    }
  | { blueprintId?: never; snapshotId?: never; prebuiltId?: never };

/**
 * What `.env()` takes: at most one source, the working directory and launch parameters.
 *
 * @example
 * ```ts
 * const env: EnvironmentInput = { blueprintId: 'bpt_123', workingDirectory: '/home/user/repo', launch: { resourceSize: 'SMALL' } };
 * ```
 */
export type EnvironmentInput = EnvironmentSource & {
  /** Where the agent works and scorers run. */
  workingDirectory?: string;
  /** Launch parameters, merged key by key into those of earlier calls. */
  launch?: LaunchInput;
};

/** The input keys of the environment sources: `blueprintId`, `snapshotId`, `prebuiltId`. */
const SOURCE_KEYS: readonly string[] = ENVIRONMENT_SOURCES.map((source) => ENVIRONMENT_FIELDS[source].input);

/**
 * Merges a later `.env()` call into an earlier one: its source (if any) replaces the earlier
 * source, `workingDirectory` replaces, and `launch` merges key by key. Keys set to `undefined`
 * stay in the result, for the copy that follows to drop. Input that is not a plain object is kept
 * as given, for validation to report.
 */
export function mergeEnvironment(earlier: EnvironmentInput | undefined, later: EnvironmentInput): EnvironmentInput {
  const next: unknown = later;
  if (!isPlainObject(next) || !isPlainObject(earlier)) return later;
  const replacesSource = SOURCE_KEYS.some((key) => next[key] !== undefined);
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(earlier)) {
    if (!replacesSource || !SOURCE_KEYS.includes(key)) merged[key] = value;
  }
  for (const [key, value] of Object.entries(next)) merged[key] = value;
  if (isPlainObject(next.launch) && isPlainObject(earlier.launch)) merged.launch = { ...earlier.launch, ...next.launch };
  return merged as EnvironmentInput;
}
