const LAUNCH = 'environment_parameters.launch_parameters';
const SCORER = 'scoring_contract.scoring_function_parameters.#';

/** The builder call that sets each wire field; nested fields fall back to their nearest listed parent. */
const FIX_BY_PATH: Readonly<Record<string, string>> = {
  '': 'Scenario.define(name)',
  id: '.push(id) with the id of an existing scenario (scn_…)',
  name: 'Scenario.define(name) or .name(name)',
  input_context: '.problem(statement)',
  'input_context.problem_statement': '.problem(statement)',
  'input_context.additional_context': '.problem(statement, { context })',
  scoring_contract: '.scorer(scorer, weight)',
  'scoring_contract.scoring_function_parameters': '.scorer(scorer, weight)',
  [`${SCORER}.name`]: 'the scorer factory\'s name option, e.g. command(cmd, { name })',
  [`${SCORER}.weight`]: '.scorer(scorer, weight)',
  [`${SCORER}.scorer`]: 'a scorer factory: astGrep, testBased, command, bashScript, pythonScript or custom',
  [`${SCORER}.scorer.pattern`]: 'astGrep(pattern)',
  [`${SCORER}.scorer.search_directory`]: 'astGrep(pattern, { searchDirectory })',
  [`${SCORER}.scorer.lang`]: 'astGrep(pattern, { lang })',
  [`${SCORER}.scorer.bash_script`]: 'bashScript(script)',
  [`${SCORER}.scorer.command`]: 'command(cmd)',
  [`${SCORER}.scorer.custom_scorer_type`]: 'custom(type)',
  [`${SCORER}.scorer.scorer_params`]: 'custom(type, { params })',
  [`${SCORER}.scorer.python_script`]: 'pythonScript(script)',
  [`${SCORER}.scorer.python_version_constraint`]: 'pythonScript(script, { pythonVersion })',
  [`${SCORER}.scorer.requirements_contents`]: 'pythonScript(script, { requirements })',
  [`${SCORER}.scorer.test_command`]: 'testBased({ command })',
  [`${SCORER}.scorer.test_files`]: 'testBased({ files })',
  environment_parameters: '.env({ blueprintId | snapshotId | prebuiltId, workingDirectory, launch })',
  'environment_parameters.blueprint_id': '.env({ blueprintId })',
  'environment_parameters.snapshot_id': '.env({ snapshotId })',
  'environment_parameters.prebuilt_id': '.env({ prebuiltId })',
  'environment_parameters.working_directory': '.env({ workingDirectory })',
  [LAUNCH]: '.env({ launch })',
  [`${LAUNCH}.launch_commands`]: '.env({ launch: { launchCommands } })',
  [`${LAUNCH}.resource_size_request`]: '.env({ launch: { resourceSize } })',
  [`${LAUNCH}.custom_cpu_cores`]: '.env({ launch: { resourceSize: { cpu } } })',
  [`${LAUNCH}.custom_gb_memory`]: '.env({ launch: { resourceSize: { memoryGb } } })',
  [`${LAUNCH}.custom_disk_size`]: '.env({ launch: { resourceSize: { diskGb } } })',
  [`${LAUNCH}.keep_alive_time_seconds`]: '.env({ launch: { keepAliveSeconds } })',
  [`${LAUNCH}.after_idle`]: '.env({ launch: { afterIdle: { idleSeconds, onIdle } } })',
  [`${LAUNCH}.architecture`]: '.env({ launch: { architecture } })',
  [`${LAUNCH}.user_parameters`]: '.env({ launch: { user: { username, uid } } })',
  [`${LAUNCH}.available_ports`]: '.env({ launch: { availablePorts } })',
  [`${LAUNCH}.required_services`]: '.env({ launch: { requiredServices } })',
  [`${LAUNCH}.network_policy_id`]: '.env({ launch: { networkPolicyId } })',
  [`${LAUNCH}.provisioning_tier`]: '.env({ launch: { provisioningTier } })',
  [`${LAUNCH}.lifecycle`]: '.env({ launch: { lifecycle } })',
  [`${LAUNCH}.lifecycle.after_idle`]: '.env({ launch: { lifecycle: { afterIdle: { idleSeconds, onIdle } } } })',
  [`${LAUNCH}.lifecycle.resume_triggers`]: '.env({ launch: { lifecycle: { resumeTriggers: { http, axonEvent } } } })',
  [`${LAUNCH}.lifecycle.lifecycle_hooks`]: '.env({ launch: { lifecycle: { hooks: { suspendCommands, suspendDeadlineMs } } } })',
  metadata: '.metadata(record)',
  reference_output: '.referenceOutput(text)',
  required_environment_variables: '.requiredEnv(names)',
  required_secret_names: '.requiredSecrets(names)',
  scorer_timeout_sec: '.scorerTimeout(seconds)',
  validation_type: '.validation(type)',
  is_public: '.public(flag)',
};

/**
 * The builder call that sets the wire field at `path`.
 *
 * @example
 * ```ts
 * fixFor(['environment_parameters', 'launch_parameters', 'custom_cpu_cores']);
 * // '.env({ launch: { resourceSize: { cpu } } })'
 * ```
 */
export function fixFor(path: readonly (string | number)[]): string {
  const keys = path.map((key) => (typeof key === 'number' ? '#' : key));
  for (let length = keys.length; length >= 0; length--) {
    const fix = FIX_BY_PATH[keys.slice(0, length).join('.')];
    if (fix !== undefined) return fix;
  }
  return FIX_BY_PATH['']!;
}
