import { z } from 'zod';
import { SomeTextSchema } from '../schema/primitives.js';
import { lazy } from '../util/lazy.js';
import { report } from '../validation/report-issue.js';
import { field, nested, objectSchema, required } from './field-table.js';
import { count } from '../util/count.js';

/**
 * The field tables of `environment_parameters`: one row per wire field, naming the camelCase
 * input it comes from and (as a function that makes it, on first use) its wire schema: the API's
 * rules are errors; blank text is a warning. Adding a launch parameter is adding a row to
 * `LAUNCH_FIELDS` (and the key, with its doc comment, to `LaunchInput`; a type test keeps the
 * two in step).
 */

/** Preset Devbox sizes, and `CUSTOM_SIZE` for explicit cpu, memory and disk. */
export const RESOURCE_SIZES = ['X_SMALL', 'SMALL', 'MEDIUM', 'LARGE', 'X_LARGE', 'XX_LARGE', 'CUSTOM_SIZE'] as const;

const CUSTOM_SIZE = 'CUSTOM_SIZE';
const MAX_KEEP_ALIVE_SECONDS = 172_800;
const MAX_SUSPEND_DEADLINE_MS = 60_000;

const isCpu = (n: number) => n === 0.5 || n === 1 || (Number.isInteger(n) && n % 2 === 0 && n >= 2 && n <= 16);
const isMemory = (n: number) => n === 1 || (Number.isInteger(n) && n % 2 === 0 && n >= 2 && n <= 64);
const isDisk = (n: number) => Number.isInteger(n) && n % 2 === 0 && n >= 2 && n <= 64;

const wholeSeconds = (min: number) =>
  z.int({ error: 'must be a whole number of seconds' }).min(min, { error: `must be at least ${count(min, 'second')}` });

const AFTER_IDLE_FIELDS = {
  idle_time_seconds: required('idleSeconds', () => wholeSeconds(1)),
  on_idle: required('onIdle', () => z.enum(['shutdown', 'suspend'], { error: 'must be "shutdown" or "suspend"' })),
};

const LIFECYCLE_FIELDS = {
  after_idle: nested('afterIdle', AFTER_IDLE_FIELDS),
  resume_triggers: nested('resumeTriggers', {
    http: field('http', () => z.boolean({ error: 'must be true or false' })),
    axon_event: field('axonEvent', () => z.boolean({ error: 'must be true or false' })),
  }),
  lifecycle_hooks: nested('hooks', {
    suspend_commands: field('suspendCommands', () => z.array(SomeTextSchema)),
    suspend_deadline_ms: field('suspendDeadlineMs', () =>
      z
        .int({ error: 'must be a whole number of milliseconds' })
        .positive({ error: 'must be positive' })
        .max(MAX_SUSPEND_DEADLINE_MS, { error: `must be at most ${MAX_SUSPEND_DEADLINE_MS} ms` }),
    ),
  }),
};

/** `launch_parameters`, as in the SDK's `LaunchParameters`, with the limits its documentation states. */
export const LAUNCH_FIELDS = {
  launch_commands: field('launchCommands', () => z.array(SomeTextSchema)),
  resource_size_request: field('resourceSize', () => z.enum(RESOURCE_SIZES, { error: `must be one of ${RESOURCE_SIZES.join(', ')}` }), { objectTag: CUSTOM_SIZE }),
  custom_cpu_cores: field('resourceSize.cpu', () =>
    z.number({ error: 'must be a number of cores' }).refine(isCpu, { error: (i) => `must be 0.5, 1 or an even number up to 16 (got ${String(i.input)})` }),
  ),
  custom_gb_memory: field('resourceSize.memoryGb', () =>
    z.number({ error: 'must be a number of GiB' }).refine(isMemory, { error: (i) => `must be 1 or an even number of GiB up to 64 (got ${String(i.input)})` }),
  ),
  custom_disk_size: field('resourceSize.diskGb', () =>
    z.number({ error: 'must be a number of GiB' }).refine(isDisk, { error: (i) => `must be an even number of GiB from 2 to 64 (got ${String(i.input)})` }),
  ),
  keep_alive_time_seconds: field('keepAliveSeconds', () =>
    wholeSeconds(1).max(MAX_KEEP_ALIVE_SECONDS, { error: `must be at most ${MAX_KEEP_ALIVE_SECONDS} seconds (48 hours)` }),
  ),
  after_idle: nested('afterIdle', AFTER_IDLE_FIELDS),
  architecture: field('architecture', () => z.enum(['x86_64', 'arm64'], { error: 'must be "x86_64" or "arm64"' })),
  user_parameters: nested('user', {
    username: required('username', () => SomeTextSchema),
    uid: required('uid', () => z.int({ error: 'must be a whole number' }).nonnegative({ error: 'must be a non-negative integer' })),
  }),
  available_ports: field('availablePorts', () =>
    z.array(z.int({ error: 'must be a whole port number' }).min(1, { error: 'must be from 1 to 65535' }).max(65_535, { error: 'must be from 1 to 65535' })),
  ),
  required_services: field('requiredServices', () => z.array(SomeTextSchema)),
  network_policy_id: field('networkPolicyId', () => SomeTextSchema),
  provisioning_tier: field('provisioningTier', () => z.enum(['standard', 'flex'], { error: 'must be "standard" or "flex"' })),
  lifecycle: nested('lifecycle', LIFECYCLE_FIELDS),
};

const CUSTOM_FIELDS = ['custom_cpu_cores', 'custom_gb_memory', 'custom_disk_size'] as const;

/** The launch parameters' cross-field rules: a custom size and its fields go together, and two idle policies agree. */
const launchParametersSchema = lazy(() =>
  objectSchema(LAUNCH_FIELDS).superRefine((launch, ctx) => {
    const custom = launch.resource_size_request === CUSTOM_SIZE;
    for (const key of CUSTOM_FIELDS) {
      if (!custom && launch[key] !== undefined) {
        report(ctx, 'invalid-value', `${key} is only allowed with resource_size_request CUSTOM_SIZE (got ${String(launch.resource_size_request ?? 'no size')})`, [key]);
      }
    }
    if (custom) {
      for (const key of ['custom_cpu_cores', 'custom_gb_memory'] as const) {
        if (launch[key] === undefined) report(ctx, 'missing-field', `${key} is required with CUSTOM_SIZE`, [key]);
      }
    }
    const { custom_cpu_cores: cpu, custom_gb_memory: memory } = launch;
    if (custom && typeof cpu === 'number' && typeof memory === 'number' && cpu > 0 && (memory / cpu < 2 || memory / cpu > 8)) {
      report(ctx, 'invalid-value', `${memory} GiB for ${cpu} cores is outside the allowed cpu:memory ratio of 1:2 to 1:8 (${cpu * 2}–${cpu * 8} GiB)`, ['custom_gb_memory']);
    }
    const top = launch.after_idle;
    const inLifecycle = launch.lifecycle?.after_idle;
    if (top && inLifecycle && (top.idle_time_seconds !== inLifecycle.idle_time_seconds || top.on_idle !== inLifecycle.on_idle)) {
      report(ctx, 'invalid-value', 'differs from after_idle; when both are set they must be equal (prefer lifecycle.after_idle alone)', ['lifecycle', 'after_idle']);
    }
  }),
);

/**
 * `environment_parameters` (the view calls it `environment`). `prebuilt_id` is the reference
 * page's field, dropped from SDK 0.45 on: it is accepted and sent only when set.
 */
export const ENVIRONMENT_FIELDS = {
  blueprint_id: field('blueprintId', () => SomeTextSchema),
  snapshot_id: field('snapshotId', () => SomeTextSchema),
  prebuilt_id: field('prebuiltId', () => SomeTextSchema),
  working_directory: field('workingDirectory', () => SomeTextSchema),
  launch_parameters: nested('launch', LAUNCH_FIELDS, launchParametersSchema),
};

/** The wire fields that name where an environment starts from; at most one may be set. */
export const ENVIRONMENT_SOURCES = ['blueprint_id', 'snapshot_id', 'prebuilt_id'] as const satisfies readonly (keyof typeof ENVIRONMENT_FIELDS)[];

/** `environment_parameters`: the table's schema, with one source at most (made on first use). */
export const environmentSchema = lazy(() =>
  objectSchema(ENVIRONMENT_FIELDS).superRefine((env, ctx) => {
    const given = ENVIRONMENT_SOURCES.filter((source) => env[source] !== undefined);
    if (given.length > 1) {
      report(ctx, 'multiple-sources', `an environment has one source, but ${given.join(' and ')} are both set`, [given[1]!]);
    }
  }),
);
