import { describe, expect, it } from 'vitest';
import {
  astGrep,
  bashScript,
  command,
  custom,
  pythonScript,
  Scenario,
  ScenarioUpdatePayloadSchema,
  testBased,
  type LaunchInput,
  type ScenarioBuilder,
} from '../src/index.js';

/** Casts an input that the compiler rightly rejects, to prove the runtime check too. */
const untyped = <T>(value: unknown) => value as T;

const valid = Scenario.define('rules').problem('p').scorer(command('npm test'));
const LAUNCH = ['environment_parameters', 'launch_parameters'];
const FIRST_SCORER = ['scoring_contract', 'scoring_function_parameters', 0];

const withLaunch = (launch: LaunchInput) => valid.env({ launch });
const withScorer = (scorer: Parameters<typeof valid.scorer>[0]) => valid.removeScorer('command').scorer(scorer);

interface Case {
  rule: string;
  builder: ScenarioBuilder;
  path: (string | number)[];
  message: string | RegExp;
  fix?: string;
}

const cases: Case[] = [
  // names
  { rule: 'scenario name non-blank', builder: valid.name('  '), path: ['name'], message: 'must not be blank', fix: 'Scenario.define(name) or .name(name)' },
  {
    rule: 'scorer names match [a-zA-Z0-9_-]+',
    builder: withScorer(command('x', { name: 'has space' })),
    path: [...FIRST_SCORER, 'name'],
    message: 'may only contain letters, digits, "_" and "-"',
    fix: "the scorer factory's name option, e.g. command(cmd, { name })",
  },
  {
    rule: 'scorer names unique',
    builder: valid.scorer(command('y', { name: 'lint' })).scorer(command('z', { name: 'lint' })),
    path: ['scoring_contract', 'scoring_function_parameters', 2, 'name'],
    message: 'scorer name "lint" is used twice',
  },
  // weights
  { rule: 'weights not negative', builder: valid.scorer(command('y'), -1), path: ['scoring_contract', 'scoring_function_parameters', 1, 'weight'], message: 'must not be negative', fix: '.scorer(scorer, weight)' },
  { rule: 'weights finite (NaN)', builder: valid.scorer(command('y'), Number.NaN), path: ['scoring_contract', 'scoring_function_parameters', 1, 'weight'], message: /number/ },
  { rule: 'weights finite (Infinity)', builder: valid.scorer(command('y'), Number.POSITIVE_INFINITY), path: ['scoring_contract', 'scoring_function_parameters', 1, 'weight'], message: /number/ },
  { rule: 'weights have a positive total', builder: withScorer(command('x')).replaceScorer('command', command('x'), 0), path: ['scoring_contract', 'scoring_function_parameters'], message: 'all weights are 0; give at least one scorer a positive weight' },
  {
    rule: "exact weights sum to 1 (±1e-9)",
    builder: valid.scorer(command('y'), 0.5).weights('exact'),
    path: ['scoring_contract', 'scoring_function_parameters'],
    message: 'weights must sum to 1 (±1e-9) when sent exactly, but they sum to 1.5',
  },
  { rule: 'exact weights at most 1', builder: valid.replaceScorer('command', command('x'), 2).weights('exact'), path: [...FIRST_SCORER, 'weight'], message: 'must be at most 1' },
  { rule: 'at least one scorer in a contract', builder: valid.removeScorer('command'), path: ['scoring_contract', 'scoring_function_parameters'], message: 'needs at least one scorer' },
  // scorers' required text
  { rule: 'ast-grep pattern non-blank', builder: withScorer(astGrep(' ')), path: [...FIRST_SCORER, 'scorer', 'pattern'], message: 'must not be blank', fix: 'astGrep(pattern)' },
  { rule: 'ast-grep pattern without NUL', builder: withScorer(astGrep('a\0b')), path: [...FIRST_SCORER, 'scorer', 'pattern'], message: 'must not contain a NUL character' },
  { rule: 'ast-grep search directory non-blank', builder: withScorer(astGrep('x', { searchDirectory: '' })), path: [...FIRST_SCORER, 'scorer', 'search_directory'], message: 'must not be blank', fix: 'astGrep(pattern, { searchDirectory })' },
  { rule: 'ast-grep lang non-blank', builder: withScorer(astGrep('x', { lang: '' })), path: [...FIRST_SCORER, 'scorer', 'lang'], message: 'must not be blank', fix: 'astGrep(pattern, { lang })' },
  { rule: 'bash script non-blank', builder: withScorer(bashScript('\n')), path: [...FIRST_SCORER, 'scorer', 'bash_script'], message: 'must not be blank', fix: 'bashScript(script)' },
  { rule: 'command non-blank', builder: withScorer(command('')), path: [...FIRST_SCORER, 'scorer', 'command'], message: 'must not be blank', fix: 'command(cmd)' },
  { rule: 'custom scorer type non-blank', builder: withScorer(custom(' ')), path: [...FIRST_SCORER, 'scorer', 'custom_scorer_type'], message: 'must not be blank', fix: 'custom(type)' },
  { rule: 'python script non-blank', builder: withScorer(pythonScript('')), path: [...FIRST_SCORER, 'scorer', 'python_script'], message: 'must not be blank', fix: 'pythonScript(script)' },
  { rule: 'test command non-blank', builder: withScorer(testBased({ command: ' ' })), path: [...FIRST_SCORER, 'scorer', 'test_command'], message: 'must not be blank', fix: 'testBased({ command })' },
  // test files
  { rule: 'test file paths relative', builder: withScorer(testBased({ command: 't', files: { '/etc/passwd': 'x' } })), path: [...FIRST_SCORER, 'scorer', 'test_files', 0, 'file_path'], message: '"/etc/passwd" is absolute; give a path relative to the working directory', fix: 'testBased({ files })' },
  { rule: 'test file paths stay inside the working directory', builder: withScorer(testBased({ command: 't', files: { 'test/../../x.ts': 'x' } })), path: [...FIRST_SCORER, 'scorer', 'test_files', 0, 'file_path'], message: 'climbs out of the working directory with ".."' },
  { rule: 'test file paths name a file', builder: withScorer(testBased({ command: 't', files: { 'test/': 'x' } })), path: [...FIRST_SCORER, 'scorer', 'test_files', 0, 'file_path'], message: '"test/" is not a file path' },
  {
    rule: 'test file paths unique after normalising',
    builder: withScorer(testBased({ command: 't', files: [{ path: 'test/a.ts', contents: '1' }, { path: './test//a.ts', contents: '2' }] })),
    path: [...FIRST_SCORER, 'scorer', 'test_files', 1, 'file_path'],
    message: '"./test//a.ts" is the same file as test_files[0]',
  },
  { rule: 'python version is a specifier', builder: withScorer(pythonScript('print(1)', { pythonVersion: '3.12' })), path: [...FIRST_SCORER, 'scorer', 'python_version_constraint'], message: '"3.12" is not a version specifier; write e.g. "==3.12.10" or ">=3.11,<3.13"', fix: 'pythonScript(script, { pythonVersion })' },
  { rule: 'custom params are a JSON object', builder: withScorer(custom('t', { params: untyped(['a']) })), path: [...FIRST_SCORER, 'scorer', 'scorer_params'], message: 'must be a JSON object (got an array)', fix: 'custom(type, { params })' },
  { rule: 'custom params are JSON-serialisable', builder: withScorer(custom('t', { params: { at: { big: 1n } } })), path: [...FIRST_SCORER, 'scorer', 'scorer_params', 'at', 'big'], message: 'a BigInt is not JSON-serialisable' },
  { rule: 'what is not a scorer is reported', builder: withScorer(untyped(undefined)), path: [...FIRST_SCORER, 'scorer'], message: /unknown scorer type undefined; use one of the scorer factories/ },
  { rule: 'unknown scorer types are reported', builder: withScorer({ name: undefined, definition: untyped({ type: 'regex_scorer' }) }), path: [...FIRST_SCORER, 'scorer', 'type'], message: /unknown scorer type "regex_scorer"; use one of the scorer factories/ },
  // launch parameters
  { rule: 'custom cpu is 0.5, 1 or an even number up to 16', builder: withLaunch({ resourceSize: { cpu: 3, memoryGb: 12 } }), path: [...LAUNCH, 'custom_cpu_cores'], message: 'must be 0.5, 1 or an even number up to 16 (got 3)', fix: '.env({ launch: { resourceSize: { cpu } } })' },
  { rule: 'custom cpu at most 16', builder: withLaunch({ resourceSize: { cpu: 18, memoryGb: 64 } }), path: [...LAUNCH, 'custom_cpu_cores'], message: /got 18/ },
  { rule: 'custom memory is 1 or an even number up to 64', builder: withLaunch({ resourceSize: { cpu: 2, memoryGb: 5 } }), path: [...LAUNCH, 'custom_gb_memory'], message: 'must be 1 or an even number of GiB up to 64 (got 5)', fix: '.env({ launch: { resourceSize: { memoryGb } } })' },
  { rule: 'custom memory at most 64', builder: withLaunch({ resourceSize: { cpu: 16, memoryGb: 66 } }), path: [...LAUNCH, 'custom_gb_memory'], message: /got 66/ },
  { rule: 'custom disk is even from 2 to 64', builder: withLaunch({ resourceSize: { cpu: 2, memoryGb: 4, diskGb: 3 } }), path: [...LAUNCH, 'custom_disk_size'], message: 'must be an even number of GiB from 2 to 64 (got 3)', fix: '.env({ launch: { resourceSize: { diskGb } } })' },
  { rule: 'custom disk at most 64', builder: withLaunch({ resourceSize: { cpu: 2, memoryGb: 4, diskGb: 66 } }), path: [...LAUNCH, 'custom_disk_size'], message: /got 66/ },
  { rule: 'cpu:memory at least 1:2', builder: withLaunch({ resourceSize: { cpu: 4, memoryGb: 4 } }), path: [...LAUNCH, 'custom_gb_memory'], message: '4 GiB for 4 cores is outside the allowed cpu:memory ratio of 1:2 to 1:8 (8–32 GiB)' },
  { rule: 'cpu:memory at most 1:8', builder: withLaunch({ resourceSize: { cpu: 1, memoryGb: 10 } }), path: [...LAUNCH, 'custom_gb_memory'], message: /ratio of 1:2 to 1:8 \(2–8 GiB\)/ },
  { rule: 'a custom size needs cpu', builder: withLaunch({ resourceSize: untyped({ memoryGb: 4 }) }), path: [...LAUNCH, 'custom_cpu_cores'], message: 'custom_cpu_cores is required with CUSTOM_SIZE' },
  { rule: 'keep-alive at least 1 s', builder: withLaunch({ keepAliveSeconds: 0 }), path: [...LAUNCH, 'keep_alive_time_seconds'], message: 'must be at least 1 second', fix: '.env({ launch: { keepAliveSeconds } })' },
  { rule: 'keep-alive at most 172800 s', builder: withLaunch({ keepAliveSeconds: 172_801 }), path: [...LAUNCH, 'keep_alive_time_seconds'], message: 'must be at most 172800 seconds (48 hours)' },
  { rule: 'keep-alive whole seconds', builder: withLaunch({ keepAliveSeconds: 1.5 }), path: [...LAUNCH, 'keep_alive_time_seconds'], message: 'must be a whole number of seconds' },
  { rule: 'idle seconds positive', builder: withLaunch({ afterIdle: { idleSeconds: 0, onIdle: 'shutdown' } }), path: [...LAUNCH, 'after_idle', 'idle_time_seconds'], message: 'must be at least 1 second', fix: '.env({ launch: { afterIdle: { idleSeconds, onIdle } } })' },
  { rule: 'idle seconds whole', builder: withLaunch({ lifecycle: { afterIdle: { idleSeconds: 2.5, onIdle: 'suspend' } } }), path: [...LAUNCH, 'lifecycle', 'after_idle', 'idle_time_seconds'], message: 'must be a whole number of seconds' },
  { rule: 'on idle is shutdown or suspend', builder: withLaunch({ afterIdle: { idleSeconds: 5, onIdle: untyped('stop') } }), path: [...LAUNCH, 'after_idle', 'on_idle'], message: 'must be "shutdown" or "suspend"' },
  {
    rule: 'after_idle and lifecycle.after_idle agree',
    builder: withLaunch({ afterIdle: { idleSeconds: 5, onIdle: 'shutdown' }, lifecycle: { afterIdle: { idleSeconds: 6, onIdle: 'shutdown' } } }),
    path: [...LAUNCH, 'lifecycle', 'after_idle'],
    message: 'differs from after_idle; when both are set they must be equal (prefer lifecycle.after_idle alone)',
  },
  { rule: 'suspend deadline at most 60000 ms', builder: withLaunch({ lifecycle: { hooks: { suspendDeadlineMs: 60_001 } } }), path: [...LAUNCH, 'lifecycle', 'lifecycle_hooks', 'suspend_deadline_ms'], message: 'must be at most 60000 ms' },
  { rule: 'uid non-negative', builder: withLaunch({ user: { username: 'dev', uid: -1 } }), path: [...LAUNCH, 'user_parameters', 'uid'], message: 'must be a non-negative integer', fix: '.env({ launch: { user: { username, uid } } })' },
  { rule: 'uid whole', builder: withLaunch({ user: { username: 'dev', uid: 1.5 } }), path: [...LAUNCH, 'user_parameters', 'uid'], message: 'must be a whole number' },
  { rule: 'username non-blank', builder: withLaunch({ user: { username: '', uid: 1 } }), path: [...LAUNCH, 'user_parameters', 'username'], message: 'must not be blank' },
  { rule: 'ports at least 1', builder: withLaunch({ availablePorts: [0] }), path: [...LAUNCH, 'available_ports', 0], message: 'must be from 1 to 65535', fix: '.env({ launch: { availablePorts } })' },
  { rule: 'ports at most 65535', builder: withLaunch({ availablePorts: [80, 65_536] }), path: [...LAUNCH, 'available_ports', 1], message: 'must be from 1 to 65535' },
  { rule: 'launch commands non-blank', builder: withLaunch({ launchCommands: ['npm ci', ' '] }), path: [...LAUNCH, 'launch_commands', 1], message: 'must not be blank', fix: '.env({ launch: { launchCommands } })' },
  { rule: 'resource size is a preset', builder: withLaunch({ resourceSize: untyped('HUGE') }), path: [...LAUNCH, 'resource_size_request'], message: /must be one of X_SMALL, SMALL/ },
  { rule: 'architecture is x86_64 or arm64', builder: withLaunch({ architecture: untyped('riscv') }), path: [...LAUNCH, 'architecture'], message: 'must be "x86_64" or "arm64"' },
  { rule: 'provisioning tier is standard or flex', builder: withLaunch({ provisioningTier: untyped('spot') }), path: [...LAUNCH, 'provisioning_tier'], message: 'must be "standard" or "flex"' },
  // environment
  { rule: 'at most one environment source', builder: valid.env(untyped({ snapshotId: 's', prebuiltId: 'p' })), path: ['environment_parameters', 'prebuilt_id'], message: 'an environment has one source, but snapshot_id and prebuilt_id are both set', fix: '.env({ prebuiltId })' },
  { rule: 'working directory non-blank', builder: valid.env({ workingDirectory: ' ' }), path: ['environment_parameters', 'working_directory'], message: 'must not be blank', fix: '.env({ workingDirectory })' },
  { rule: 'blueprint id non-blank', builder: valid.env({ blueprintId: '' }), path: ['environment_parameters', 'blueprint_id'], message: 'must not be blank' },
  // problem and context
  { rule: 'problem statement non-blank', builder: valid.problem(''), path: ['input_context', 'problem_statement'], message: 'must not be blank', fix: '.problem(statement)' },
  { rule: 'context is a JSON object', builder: valid.problem('p', { context: untyped('text') }), path: ['input_context', 'additional_context'], message: 'must be a JSON object (got a string)', fix: '.problem(statement, { context })' },
  { rule: 'context without functions', builder: valid.problem('p', { context: { run: () => 1 } }), path: ['input_context', 'additional_context', 'run'], message: 'a function is not JSON-serialisable' },
  { rule: 'context without NaN', builder: valid.problem('p', { context: { list: [1, Number.NaN] } }), path: ['input_context', 'additional_context', 'list', 1], message: 'NaN is not a JSON number' },
  { rule: 'context without undefined in arrays', builder: valid.problem('p', { context: { list: [undefined] } }), path: ['input_context', 'additional_context', 'list', 0], message: 'undefined is not JSON-serialisable' },
  { rule: 'context without class instances', builder: valid.problem('p', { context: { when: new Date(0) } }), path: ['input_context', 'additional_context', 'when'], message: 'a Date object is not a plain JSON value; convert it first (e.g. to a string)' },
  { rule: 'context without symbols', builder: valid.problem('p', { context: { s: Symbol('x') } }), path: ['input_context', 'additional_context', 's'], message: 'a symbol is not JSON-serialisable' },
  // plain fields
  { rule: 'metadata values are strings', builder: valid.metadata(untyped({ count: 3 })), path: ['metadata', 'count'], message: 'metadata values must be strings', fix: '.metadata(record)' },
  { rule: 'metadata keys non-blank', builder: valid.metadata({ ' ': 'x' }), path: ['metadata', ' '], message: 'must not be blank' },
  { rule: 'required env names are valid variable names', builder: valid.requiredEnv(['OK', 'NOT-OK']), path: ['required_environment_variables', 1], message: '"NOT-OK" is not a valid environment variable name (letters, digits and "_", not starting with a digit)', fix: '.requiredEnv(names)' },
  { rule: 'required env names unique', builder: valid.requiredEnv(['A', 'A']), path: ['required_environment_variables', 1], message: 'environment variable "A" is listed twice' },
  { rule: 'required secrets non-blank', builder: valid.requiredSecrets(['']), path: ['required_secret_names', 0], message: 'must not be blank', fix: '.requiredSecrets(names)' },
  { rule: 'required secrets unique', builder: valid.requiredSecrets(['s', 's']), path: ['required_secret_names', 1], message: 'secret "s" is listed twice' },
  { rule: 'scorer timeout positive', builder: valid.scorerTimeout(0), path: ['scorer_timeout_sec'], message: 'must be at least 1 second', fix: '.scorerTimeout(seconds)' },
  { rule: 'scorer timeout whole', builder: valid.scorerTimeout(2.5), path: ['scorer_timeout_sec'], message: 'must be a whole number of seconds' },
  { rule: 'validation type is known', builder: valid.validation(untyped('FAST')), path: ['validation_type'], message: 'must be one of UNSPECIFIED, FORWARD, REVERSE, EVALUATION', fix: '.validation(type)' },
  { rule: 'is_public is a boolean', builder: valid.public(untyped('yes')), path: ['is_public'], message: 'must be true or false', fix: '.public(flag)' },
  { rule: 'reference output is text', builder: valid.referenceOutput(untyped(42)), path: ['reference_output'], message: 'must be a string', fix: '.referenceOutput(text)' },
];

describe('every validation rule names its field', () => {
  it('starts from a valid scenario', () => {
    expect(valid.validate().success).toBe(true);
  });

  it.each(cases)('$rule', ({ builder, path, message, fix }) => {
    const issues = builder.validate().error?.issues ?? [];
    const issue = issues.find((candidate) => JSON.stringify(candidate.path) === JSON.stringify(path));
    expect(issue, `issues were: ${JSON.stringify(issues, null, 2)}`).toBeDefined();
    if (typeof message === 'string') expect(issue?.message).toContain(message);
    else expect(issue?.message).toMatch(message);
    if (fix !== undefined) expect(issue?.fix).toBe(fix);
  });
});

describe('rules the DSL cannot break, checked on wire payloads', () => {
  it('rejects custom size fields without CUSTOM_SIZE', () => {
    const result = ScenarioUpdatePayloadSchema.safeParse({
      environment_parameters: { launch_parameters: { resource_size_request: 'SMALL', custom_cpu_cores: 2 } },
    });
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [
        ['environment_parameters', 'launch_parameters', 'custom_cpu_cores'],
        'custom_cpu_cores is only allowed with resource_size_request CUSTOM_SIZE (got SMALL)',
      ],
    ]);
  });

  it('rejects unknown fields', () => {
    const result = ScenarioUpdatePayloadSchema.safeParse({ name: 'x', colour: 'red' });
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
  });
});

describe('every problem at once', () => {
  it('reports problems from every part of a scenario together, in the order the fields were set', () => {
    const error = Scenario.define(' ')
      .env({ blueprintId: '', launch: { keepAliveSeconds: 0, resourceSize: { cpu: 3, memoryGb: 100 } } })
      .problem('', { context: { f: () => 1 } })
      .scorer(command(''), -1)
      .requiredEnv(['1X'])
      .validate().error;
    expect(error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'name',
      'environment_parameters.blueprint_id',
      'environment_parameters.launch_parameters.custom_cpu_cores',
      'environment_parameters.launch_parameters.custom_gb_memory',
      'environment_parameters.launch_parameters.keep_alive_time_seconds',
      'environment_parameters.launch_parameters.custom_gb_memory',
      'input_context.problem_statement',
      'input_context.additional_context.f',
      'scoring_contract.scoring_function_parameters.0.scorer.command',
      'scoring_contract.scoring_function_parameters.0.weight',
      'required_environment_variables.0',
    ]);
  });

  it('says which scorer an issue is about', () => {
    const issue = Scenario.define('x').scorer(command('a', { name: 'lint' })).scorer(command(' ', { name: 'tests' })).validate().error?.issues[0];
    expect(issue?.message).toBe('scorer "tests": must not be blank');
  });
});

describe('accepted edge values', () => {
  it.each([
    { cpu: 0.5, memoryGb: 1 },
    { cpu: 1, memoryGb: 8 },
    { cpu: 16, memoryGb: 64, diskGb: 64 },
    { cpu: 2, memoryGb: 4, diskGb: 2 },
  ])('accepts custom size %o', (size) => {
    expect(withLaunch({ resourceSize: size }).validate().success).toBe(true);
  });

  it.each(['==3.12.10', '>=3.10,<3.13', '~=3.11', '==3.12.*', '!=3.9', '>= 3.11 , < 4', '==3.13.0rc1'])(
    'accepts the python version specifier %s',
    (pythonVersion) => {
      expect(withScorer(pythonScript('print(1)', { pythonVersion })).validate().success).toBe(true);
    },
  );

  it.each(['3.12', '==', '>=3.x', '~=3', '3.12,<4', '=>3.1'])('rejects the python version specifier %s', (pythonVersion) => {
    expect(withScorer(pythonScript('print(1)', { pythonVersion })).validate().success).toBe(false);
  });

  it('accepts keep-alive bounds and port bounds', () => {
    expect(withLaunch({ keepAliveSeconds: 1, availablePorts: [1, 65_535] }).validate().success).toBe(true);
    expect(withLaunch({ keepAliveSeconds: 172_800 }).validate().success).toBe(true);
  });

  it('accepts a zero weight beside a positive one, as an informational scorer', () => {
    const weights = valid.scorer(command('info'), 0).build().scoring_contract?.scoring_function_parameters.map((fn) => fn.weight);
    expect(weights).toEqual([1, 0]);
  });

  it('accepts equal after_idle and lifecycle.after_idle', () => {
    const idle = { idleSeconds: 60, onIdle: 'suspend' } as const;
    expect(withLaunch({ afterIdle: idle, lifecycle: { afterIdle: idle } }).validate().success).toBe(true);
  });
});
