import type { ScenarioEnvironment } from '@runloop/api-client/resources/scenarios/scenarios';
import type { AfterIdle as WireAfterIdle, LaunchParameters } from '@runloop/api-client/resources/shared';
import { definedEntries } from '../util/defined-entries.js';
import type { AfterIdle, EnvironmentInput, LaunchInput } from './environment-input.js';

/**
 * The `.env()` input that reproduces a stored environment (a view's `environment`, or the
 * `environment_parameters` of a payload): the inverse of `toWireEnvironment`. Nulls are absent.
 *
 * @example
 * ```ts
 * fromWireEnvironment({ blueprint_id: 'bpt_1', launch_parameters: { resource_size_request: 'CUSTOM_SIZE', custom_cpu_cores: 2, custom_gb_memory: 4 } });
 * // { blueprintId: 'bpt_1', launch: { resourceSize: { cpu: 2, memoryGb: 4 } } }
 * ```
 */
export function fromWireEnvironment(env: ScenarioEnvironment & { prebuilt_id?: string | null }): EnvironmentInput {
  return definedEntries({
    blueprintId: env.blueprint_id,
    snapshotId: env.snapshot_id,
    prebuiltId: env.prebuilt_id,
    workingDirectory: env.working_directory,
    launch: env.launch_parameters ? fromWireLaunch(env.launch_parameters) : undefined,
  }) as unknown as EnvironmentInput;
}

function fromWireLaunch(launch: LaunchParameters): LaunchInput {
  const { lifecycle, user_parameters: user } = launch;
  const custom = launch.resource_size_request === 'CUSTOM_SIZE';
  return definedEntries({
    launchCommands: launch.launch_commands,
    resourceSize: custom
      ? definedEntries({ cpu: launch.custom_cpu_cores, memoryGb: launch.custom_gb_memory, diskGb: launch.custom_disk_size })
      : launch.resource_size_request,
    keepAliveSeconds: launch.keep_alive_time_seconds,
    afterIdle: fromWireAfterIdle(launch.after_idle),
    architecture: launch.architecture,
    user: user ? { username: user.username, uid: user.uid } : undefined,
    availablePorts: launch.available_ports,
    requiredServices: launch.required_services,
    networkPolicyId: launch.network_policy_id,
    provisioningTier: launch.provisioning_tier,
    lifecycle: lifecycle
      ? definedEntries({
          afterIdle: fromWireAfterIdle(lifecycle.after_idle),
          resumeTriggers: lifecycle.resume_triggers
            ? definedEntries({ http: lifecycle.resume_triggers.http, axonEvent: lifecycle.resume_triggers.axon_event })
            : undefined,
          hooks: lifecycle.lifecycle_hooks
            ? definedEntries({
                suspendCommands: lifecycle.lifecycle_hooks.suspend_commands,
                suspendDeadlineMs: lifecycle.lifecycle_hooks.suspend_deadline_ms,
              })
            : undefined,
        })
      : undefined,
  }) as LaunchInput;
}

function fromWireAfterIdle(afterIdle: WireAfterIdle | null | undefined): AfterIdle | undefined {
  return afterIdle ? { idleSeconds: afterIdle.idle_time_seconds, onIdle: afterIdle.on_idle } : undefined;
}
