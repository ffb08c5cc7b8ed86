import { z } from 'zod';
import { NonBlankSchema } from './primitives.js';

/** Preset Devbox sizes, and `CUSTOM_SIZE` for explicit cpu, memory and disk. */
export const ResourceSizeSchema = z.enum(['X_SMALL', 'SMALL', 'MEDIUM', 'LARGE', 'X_LARGE', 'XX_LARGE', 'CUSTOM_SIZE'], {
  error: 'must be one of X_SMALL, SMALL, MEDIUM, LARGE, X_LARGE, XX_LARGE, CUSTOM_SIZE',
});

const IdleActionSchema = z.enum(['shutdown', 'suspend'], { error: 'must be "shutdown" or "suspend"' });

/** `after_idle`: what a Devbox does after it has been idle for a while. */
export const AfterIdleSchema = z.strictObject({
  idle_time_seconds: z.int({ error: 'must be a whole number of seconds' }).positive({ error: 'must be at least 1 second' }),
  on_idle: IdleActionSchema,
});

const isCpu = (n: number) => n === 0.5 || n === 1 || (Number.isInteger(n) && n % 2 === 0 && n >= 2 && n <= 16);
const isMemory = (n: number) => n === 1 || (Number.isInteger(n) && n % 2 === 0 && n >= 2 && n <= 64);
const isDisk = (n: number) => Number.isInteger(n) && n % 2 === 0 && n >= 2 && n <= 64;

const CUSTOM_FIELDS = ['custom_cpu_cores', 'custom_gb_memory', 'custom_disk_size'] as const;
const MAX_KEEP_ALIVE_SECONDS = 172_800;
const MAX_SUSPEND_DEADLINE_MS = 60_000;

/** `lifecycle`: idle policy, resume triggers and suspend hooks. */
const LifecycleSchema = z.strictObject({
  after_idle: AfterIdleSchema.optional(),
  resume_triggers: z.strictObject({ http: z.boolean().optional(), axon_event: z.boolean().optional() }).optional(),
  lifecycle_hooks: z
    .strictObject({
      suspend_commands: z.array(NonBlankSchema).optional(),
      suspend_deadline_ms: z
        .int({ error: 'must be a whole number of milliseconds' })
        .positive({ error: 'must be positive' })
        .max(MAX_SUSPEND_DEADLINE_MS, { error: `must be at most ${MAX_SUSPEND_DEADLINE_MS} ms` })
        .optional(),
    })
    .optional(),
});

/**
 * `launch_parameters`: the Devbox's resources and start-up, as in the SDK's `LaunchParameters`,
 * with the limits its documentation states (custom sizes, keep-alive, ports, uid).
 */
export const LaunchParametersSchema = z
  .strictObject({
    launch_commands: z.array(NonBlankSchema).optional(),
    resource_size_request: ResourceSizeSchema.optional(),
    custom_cpu_cores: z
      .number({ error: 'must be a number of cores' })
      .refine(isCpu, { error: (i) => `must be 0.5, 1 or an even number up to 16 (got ${String(i.input)})` })
      .optional(),
    custom_gb_memory: z
      .number({ error: 'must be a number of GiB' })
      .refine(isMemory, { error: (i) => `must be 1 or an even number of GiB up to 64 (got ${String(i.input)})` })
      .optional(),
    custom_disk_size: z
      .number({ error: 'must be a number of GiB' })
      .refine(isDisk, { error: (i) => `must be an even number of GiB from 2 to 64 (got ${String(i.input)})` })
      .optional(),
    keep_alive_time_seconds: z
      .int({ error: 'must be a whole number of seconds' })
      .min(1, { error: 'must be at least 1 second' })
      .max(MAX_KEEP_ALIVE_SECONDS, { error: `must be at most ${MAX_KEEP_ALIVE_SECONDS} seconds (48 hours)` })
      .optional(),
    after_idle: AfterIdleSchema.optional(),
    architecture: z.enum(['x86_64', 'arm64'], { error: 'must be "x86_64" or "arm64"' }).optional(),
    user_parameters: z
      .strictObject({
        username: NonBlankSchema,
        uid: z.int({ error: 'must be a whole number' }).nonnegative({ error: 'must be a non-negative integer' }),
      })
      .optional(),
    available_ports: z
      .array(z.int({ error: 'must be a whole port number' }).min(1, { error: 'must be from 1 to 65535' }).max(65_535, { error: 'must be from 1 to 65535' }))
      .optional(),
    required_services: z.array(NonBlankSchema).optional(),
    network_policy_id: NonBlankSchema.optional(),
    provisioning_tier: z.enum(['standard', 'flex'], { error: 'must be "standard" or "flex"' }).optional(),
    lifecycle: LifecycleSchema.optional(),
  })
  .superRefine((launch, ctx) => {
    const custom = launch.resource_size_request === 'CUSTOM_SIZE';
    for (const field of CUSTOM_FIELDS) {
      if (!custom && launch[field] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `${field} is only allowed with resource_size_request CUSTOM_SIZE (got ${String(launch.resource_size_request ?? 'no size')})`,
        });
      }
    }
    if (custom) {
      for (const field of ['custom_cpu_cores', 'custom_gb_memory'] as const) {
        if (launch[field] === undefined) {
          ctx.addIssue({ code: 'custom', path: [field], message: `${field} is required with CUSTOM_SIZE` });
        }
      }
    }
    const cpu = launch.custom_cpu_cores;
    const memory = launch.custom_gb_memory;
    if (custom && typeof cpu === 'number' && typeof memory === 'number' && cpu > 0) {
      const ratio = memory / cpu;
      if (ratio < 2 || ratio > 8) {
        ctx.addIssue({
          code: 'custom',
          path: ['custom_gb_memory'],
          message: `${memory} GiB for ${cpu} cores is outside the allowed cpu:memory ratio of 1:2 to 1:8 (${cpu * 2}–${cpu * 8} GiB)`,
        });
      }
    }
    const topIdle = launch.after_idle;
    const lifecycleIdle = launch.lifecycle?.after_idle;
    if (
      topIdle &&
      lifecycleIdle &&
      (topIdle.idle_time_seconds !== lifecycleIdle.idle_time_seconds || topIdle.on_idle !== lifecycleIdle.on_idle)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['lifecycle', 'after_idle'],
        message: 'differs from after_idle; when both are set they must be equal (prefer lifecycle.after_idle alone)',
      });
    }
  });
