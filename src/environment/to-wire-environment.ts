import type { z } from 'zod';
import { definedEntries } from '../util/defined-entries.js';
import type { EnvironmentSchema } from '../schema/environment.js';
import type { AfterIdle, EnvironmentInput, LaunchInput, Lifecycle } from './environment-input.js';

type WireEnvironment = z.infer<typeof EnvironmentSchema>;
type WireLaunch = NonNullable<WireEnvironment['launch_parameters']>;

/**
 * Converts a merged `.env()` input (already a frozen copy) to `environment_parameters`, frozen,
 * omitting what was not set.
 */
export function toWireEnvironment(env: EnvironmentInput): WireEnvironment {
  return definedEntries({
    blueprint_id: env.blueprintId,
    snapshot_id: env.snapshotId,
    prebuilt_id: env.prebuiltId,
    working_directory: env.workingDirectory,
    launch_parameters: env.launch && toWireLaunch(env.launch),
  });
}

function toWireLaunch(launch: LaunchInput): WireLaunch {
  const size = launch.resourceSize;
  const custom = typeof size === 'object' && size !== null ? size : undefined;
  return definedEntries({
    launch_commands: launch.launchCommands as string[] | undefined,
    resource_size_request: custom ? 'CUSTOM_SIZE' : (size as WireLaunch['resource_size_request']),
    custom_cpu_cores: custom?.cpu,
    custom_gb_memory: custom?.memoryGb,
    custom_disk_size: custom?.diskGb,
    keep_alive_time_seconds: launch.keepAliveSeconds,
    after_idle: toWireAfterIdle(launch.afterIdle),
    architecture: launch.architecture,
    user_parameters: launch.user && definedEntries({ username: launch.user.username, uid: launch.user.uid }),
    available_ports: launch.availablePorts as number[] | undefined,
    required_services: launch.requiredServices as string[] | undefined,
    network_policy_id: launch.networkPolicyId,
    provisioning_tier: launch.provisioningTier,
    lifecycle: launch.lifecycle && toWireLifecycle(launch.lifecycle),
  });
}

function toWireLifecycle(lifecycle: Lifecycle): NonNullable<WireLaunch['lifecycle']> {
  const { resumeTriggers: triggers, hooks } = lifecycle;
  return definedEntries({
    after_idle: toWireAfterIdle(lifecycle.afterIdle),
    resume_triggers: triggers && definedEntries({ http: triggers.http, axon_event: triggers.axonEvent }),
    lifecycle_hooks:
      hooks &&
      definedEntries({
        suspend_commands: hooks.suspendCommands as string[] | undefined,
        suspend_deadline_ms: hooks.suspendDeadlineMs,
      }),
  });
}

function toWireAfterIdle(afterIdle: AfterIdle | undefined) {
  return afterIdle && definedEntries({ idle_time_seconds: afterIdle.idleSeconds, on_idle: afterIdle.onIdle });
}
