import { describe, expect, it } from 'vitest';
import {
  astGrep,
  bashScript,
  command,
  custom,
  isScenarioBuilder,
  pythonScript,
  Scenario,
  ScenarioValidationError,
  testBased,
} from '../src/index.js';

const base = Scenario.define('fix-null-check')
  .env({ blueprintId: 'bpt_123', workingDirectory: '/home/user/repo' })
  .problem('parse() crashes on null input')
  .scorer(command('npm test'));

describe('Scenario.define and .name', () => {
  it('sends the name given to define', () => {
    expect(Scenario.define('a').build()).toEqual({ name: 'a' });
  });

  it('leaves the name out of an unnamed template', () => {
    expect(Scenario.define().build()).toEqual({});
  });

  it('renames with .name', () => {
    expect(Scenario.define('a').name('b').build().name).toBe('b');
  });
});

describe('.env', () => {
  it('maps every environment key to environment_parameters', () => {
    const payload = Scenario.define('x')
      .env({ snapshotId: 'snp_1', workingDirectory: '/work', launch: { resourceSize: 'MEDIUM' } })
      .build();
    expect(payload.environment_parameters).toEqual({
      snapshot_id: 'snp_1',
      working_directory: '/work',
      launch_parameters: { resource_size_request: 'MEDIUM' },
    });
  });

  it('maps every launch key, in camelCase, to its launch_parameters field', () => {
    const payload = Scenario.define('x')
      .env({
        launch: {
          launchCommands: ['npm ci'],
          resourceSize: { cpu: 2, memoryGb: 8, diskGb: 16 },
          keepAliveSeconds: 3600,
          afterIdle: { idleSeconds: 600, onIdle: 'suspend' },
          architecture: 'arm64',
          user: { username: 'dev', uid: 1000 },
          availablePorts: [3000, 8080],
          requiredServices: ['postgres'],
          networkPolicyId: 'np_1',
          provisioningTier: 'flex',
          lifecycle: {
            afterIdle: { idleSeconds: 600, onIdle: 'suspend' },
            resumeTriggers: { http: true, axonEvent: false },
            hooks: { suspendCommands: ['sync'], suspendDeadlineMs: 5000 },
          },
        },
      })
      .build();
    expect(payload.environment_parameters?.launch_parameters).toEqual({
      launch_commands: ['npm ci'],
      resource_size_request: 'CUSTOM_SIZE',
      custom_cpu_cores: 2,
      custom_gb_memory: 8,
      custom_disk_size: 16,
      keep_alive_time_seconds: 3600,
      after_idle: { idle_time_seconds: 600, on_idle: 'suspend' },
      architecture: 'arm64',
      user_parameters: { username: 'dev', uid: 1000 },
      available_ports: [3000, 8080],
      required_services: ['postgres'],
      network_policy_id: 'np_1',
      provisioning_tier: 'flex',
      lifecycle: {
        after_idle: { idle_time_seconds: 600, on_idle: 'suspend' },
        resume_triggers: { http: true, axon_event: false },
        lifecycle_hooks: { suspend_commands: ['sync'], suspend_deadline_ms: 5000 },
      },
    });
  });

  it("lets a later call's source replace an earlier call's source", () => {
    const env = base.env({ snapshotId: 'snp_9' }).build().environment_parameters;
    expect(env).toEqual({ snapshot_id: 'snp_9', working_directory: '/home/user/repo' });
    expect(base.env({ prebuiltId: 'pre_1' }).build().environment_parameters).toEqual({
      prebuilt_id: 'pre_1',
      working_directory: '/home/user/repo',
    });
  });

  it('keeps the source when a later call gives none, and merges launch key by key', () => {
    const env = base
      .env({ launch: { resourceSize: 'SMALL', keepAliveSeconds: 60 } })
      .env({ launch: { launchCommands: ['make'], keepAliveSeconds: undefined } })
      .build().environment_parameters;
    expect(env).toEqual({
      blueprint_id: 'bpt_123',
      working_directory: '/home/user/repo',
      launch_parameters: { resource_size_request: 'SMALL', launch_commands: ['make'] },
    });
  });

  it('drops workingDirectory and launch when a later call sets them to undefined', () => {
    const env = base.env({ launch: { architecture: 'x86_64' } }).env({ workingDirectory: undefined, launch: undefined });
    expect(env.build().environment_parameters).toEqual({ blueprint_id: 'bpt_123' });
  });

  it('replaces a custom size by a preset size as a whole', () => {
    const env = base
      .env({ launch: { resourceSize: { cpu: 4, memoryGb: 16 } } })
      .env({ launch: { resourceSize: 'LARGE' } })
      .build().environment_parameters;
    expect(env?.launch_parameters).toEqual({ resource_size_request: 'LARGE' });
  });

  it('reports two sources in one call instead of choosing one', () => {
    // @ts-expect-error one source per call: the type allows only one of blueprintId, snapshotId, prebuiltId
    const result = base.env({ blueprintId: 'bpt_1', snapshotId: 'snp_1' }).validate();
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['environment_parameters', 'snapshot_id']]);
    expect(result.error?.issues[0]?.message).toContain('blueprint_id and snapshot_id are both set');
  });
});

describe('.problem', () => {
  it('sends the statement and the context as input_context', () => {
    const payload = Scenario.define('x').problem('Fix it', { context: { issue: 42, labels: ['bug'] } }).build();
    expect(payload.input_context).toEqual({ problem_statement: 'Fix it', additional_context: { issue: 42, labels: ['bug'] } });
  });

  it('replaces the whole input context on a second call', () => {
    const payload = Scenario.define('x').problem('a', { context: { k: 1 } }).problem('b').build();
    expect(payload.input_context).toEqual({ problem_statement: 'b' });
  });

  it('keeps a "__proto__" key, which JSON.parse can produce, as data', () => {
    const context = JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}') as Record<string, unknown>;
    const payload = Scenario.define('x').problem('p', { context }).metadata(JSON.parse('{"__proto__": "m"}')).build();
    expect(JSON.stringify(payload.input_context)).toBe('{"problem_statement":"p","additional_context":{"__proto__":{"polluted":true},"ok":1}}');
    expect(JSON.stringify(payload.metadata)).toBe('{"__proto__":"m"}');
    expect(Object.getPrototypeOf(payload.input_context?.additional_context)).toBe(Object.prototype);
  });

  it('copies the context, so later changes to the caller object do not leak in', () => {
    const context = { files: ['a.ts'] };
    const builder = Scenario.define('x').problem('p', { context });
    context.files.push('b.ts');
    expect(builder.build().input_context?.additional_context).toEqual({ files: ['a.ts'] });
  });
});

describe('.scorer and the scorer factories', () => {
  it('builds every scorer kind with its wire fields', () => {
    const payload = Scenario.define('x')
      .scorer(astGrep('foo($A)', { searchDirectory: 'src', lang: 'typescript', name: 'pattern' }))
      .scorer(testBased({ command: 'pytest', files: [{ path: 'tests/t.py', contents: 'def test(): pass' }] }))
      .scorer(command('make check'))
      .scorer(bashScript('echo score=1'))
      .scorer(pythonScript('print(1.0)', { pythonVersion: '==3.12.10', requirements: ['numpy', 'pandas'] }))
      .scorer(custom('my-scorer', { params: { threshold: 0.5 } }))
      .build();
    expect(payload.scoring_contract?.scoring_function_parameters.map(({ name, scorer }) => ({ name, scorer }))).toEqual([
      { name: 'pattern', scorer: { type: 'ast_grep_scorer', pattern: 'foo(\\$A)', search_directory: 'src', lang: 'typescript' } },
      {
        name: 'test-based',
        scorer: { type: 'test_based_scorer', test_command: 'pytest', test_files: [{ file_path: 'tests/t.py', file_contents: 'def test(): pass' }] },
      },
      { name: 'command', scorer: { type: 'command_scorer', command: 'make check' } },
      { name: 'bash-script', scorer: { type: 'bash_script_scorer', bash_script: 'echo score=1' } },
      {
        name: 'python-script',
        scorer: {
          type: 'python_script_scorer',
          python_script: 'print(1.0)',
          python_version_constraint: '==3.12.10',
          requirements_contents: 'numpy\npandas',
        },
      },
      { name: 'custom', scorer: { type: 'custom_scorer', custom_scorer_type: 'my-scorer', scorer_params: { threshold: 0.5 } } },
    ]);
  });

  it("defaults astGrep's search directory to '.'", () => {
    expect(astGrep('x').definition).toEqual({ type: 'ast_grep_scorer', pattern: 'x', search_directory: '.' });
  });

  it('accepts test files as a record', () => {
    expect(testBased({ command: 't', files: { 'a.test.ts': 'A', 'b.test.ts': 'B' } }).definition).toEqual({
      type: 'test_based_scorer',
      test_command: 't',
      test_files: [
        { file_path: 'a.test.ts', file_contents: 'A' },
        { file_path: 'b.test.ts', file_contents: 'B' },
      ],
    });
  });

  it('accepts requirements as text', () => {
    expect(pythonScript('p', { requirements: 'numpy==2\n' }).definition).toMatchObject({ requirements_contents: 'numpy==2\n' });
  });

  it('names unnamed scorers after their kind, unique within the scenario, around explicit names', () => {
    const names = Scenario.define('x')
      .scorer(command('a'))
      .scorer(command('b', { name: 'command-2' }))
      .scorer(command('c'))
      .scorer(astGrep('d'))
      .scorer(command('e'))
      .build()
      .scoring_contract?.scoring_function_parameters.map((fn) => fn.name);
    expect(names).toEqual(['command', 'command-2', 'command-3', 'ast-grep', 'command-4']);
  });

  it('replaces a scorer by name in place, keeping its weight unless given', () => {
    const scenario = Scenario.define('x').scorer(command('a', { name: 'a' }), 3).scorer(command('b', { name: 'b' }), 1);
    const replaced = scenario.replaceScorer('a', bashScript('echo score=1', { name: 'a2' })).build();
    expect(replaced.scoring_contract?.scoring_function_parameters.map(({ name, weight }) => ({ name, weight }))).toEqual([
      { name: 'a2', weight: 0.75 },
      { name: 'b', weight: 0.25 },
    ]);
    const reweighted = scenario.replaceScorer('b', command('b2'), 3).build();
    expect(reweighted.scoring_contract?.scoring_function_parameters.map((fn) => fn.weight)).toEqual([0.5, 0.5]);
  });

  it('gives an unnamed replacement the name it replaces', () => {
    const scenario = Scenario.define('x').scorer(command('npm test', { name: 'tests' })).scorer(astGrep('a'));
    const names = scenario.replaceScorer('tests', command('pytest')).replaceScorer('ast-grep', astGrep('b')).build();
    expect(names.scoring_contract?.scoring_function_parameters.map((fn) => [fn.name, fn.scorer.type])).toEqual([
      ['tests', 'command_scorer'],
      ['ast-grep', 'ast_grep_scorer'],
    ]);
  });

  it('replaces and removes scorers by their default names', () => {
    const scenario = Scenario.define('x').scorer(command('a')).scorer(command('b')).scorer(astGrep('c'));
    const edited = scenario.removeScorer('command').replaceScorer('ast-grep', astGrep('d')).build();
    expect(edited.scoring_contract?.scoring_function_parameters.map((fn) => [fn.name, fn.scorer])).toEqual([
      ['command', { type: 'command_scorer', command: 'b' }],
      ['ast-grep', { type: 'ast_grep_scorer', pattern: 'd', search_directory: '.' }],
    ]);
  });

  it('reports replacing or removing a scorer that does not exist, naming the scorers there are', () => {
    const result = Scenario.define('x').scorer(command('a')).removeScorer('tests').replaceScorer('lint', command('b')).validate();
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['scoring_contract', 'scoring_function_parameters'], 'cannot remove scorer "tests": the scorers are "command"'],
      [['scoring_contract', 'scoring_function_parameters'], 'cannot replace scorer "lint": the scorers are "command"'],
    ]);
  });

  it('reports a scorer that is not there without creating an empty scoring contract', () => {
    const removed = Scenario.define('x').removeScorer('nope');
    expect(removed.validate().error?.issues.map((issue) => [issue.code, issue.path, issue.inputPath, issue.message])).toEqual([
      ['scorer-not-found', ['scoring_contract', 'scoring_function_parameters'], 'removeScorer("nope")', 'cannot remove scorer "nope": there are no scorers'],
    ]);
  });

  it('reports a scoring contract left without scorers', () => {
    const result = Scenario.define('x').scorer(command('a')).removeScorer('command').validate();
    expect(result.error?.issues).toEqual([
      {
        severity: 'error',
        code: 'missing-field',
        path: ['scoring_contract', 'scoring_function_parameters'],
        inputPath: 'scorer',
        message: 'needs at least one scorer',
        fix: '.scorer(scorer, weight)',
      },
    ]);
  });
});

describe('plain fields', () => {
  it('maps each setter to its wire field', () => {
    const payload = Scenario.define('x')
      .metadata({ team: 'evals' })
      .referenceOutput('diff --git a/x b/x')
      .requiredEnv(['GITHUB_TOKEN'])
      .requiredSecrets(['npm-token'])
      .scorerTimeout(900)
      .validation('FORWARD')
      .public(true)
      .build();
    expect(payload).toEqual({
      name: 'x',
      metadata: { team: 'evals' },
      reference_output: 'diff --git a/x b/x',
      required_environment_variables: ['GITHUB_TOKEN'],
      required_secret_names: ['npm-token'],
      scorer_timeout_sec: 900,
      validation_type: 'FORWARD',
      is_public: true,
    });
  });

  it('merges metadata across calls, dropping keys set to undefined', () => {
    const payload = Scenario.define('x').metadata({ a: '1', b: '2' }).metadata({ b: undefined, c: '3' }).build();
    expect(payload.metadata).toEqual({ a: '1', c: '3' });
  });

  it('replaces required env and secrets lists', () => {
    const payload = Scenario.define('x').requiredEnv(['A']).requiredEnv(['B']).requiredSecrets(['s']).requiredSecrets([]).build();
    expect(payload.required_environment_variables).toEqual(['B']);
    expect(payload.required_secret_names).toEqual([]);
  });

  it('defaults .public() to true and can send false', () => {
    expect(Scenario.define('x').public().build().is_public).toBe(true);
    expect(Scenario.define('x').public(false).build().is_public).toBe(false);
  });

  it('omits is_public unless set', () => {
    expect(base.build()).not.toHaveProperty('is_public');
  });
});

describe('.clear', () => {
  it('sends the documented empty values', () => {
    const payload = base
      .metadata({ a: '1' })
      .referenceOutput('x')
      .clear('metadata')
      .clear('referenceOutput')
      .clear('requiredEnv')
      .clear('requiredSecrets')
      .build();
    expect(payload).toMatchObject({
      metadata: {},
      reference_output: '',
      required_environment_variables: [],
      required_secret_names: [],
    });
  });

  it('lets metadata set after a clear start from empty', () => {
    expect(base.metadata({ a: '1' }).clear('metadata').metadata({ b: '2' }).build().metadata).toEqual({ b: '2' });
  });

  it('omits fields that were never set, and lists the others in the order they were first set', () => {
    expect(Object.keys(base.build())).toEqual(['name', 'environment_parameters', 'input_context', 'scoring_contract']);
    expect(Object.keys(base.metadata({ a: '1' }).name('renamed').build())).toEqual([
      'name',
      'environment_parameters',
      'input_context',
      'scoring_contract',
      'metadata',
    ]);
  });

  it('lists a field once when untyped code sets it to undefined and then sets it again', () => {
    const timedOut = base.scorerTimeout(5).scorerTimeout(undefined as unknown as number).scorerTimeout(-1);
    expect(timedOut.validate().error?.issues.map((issue) => [issue.inputPath, issue.message, issue.fix])).toEqual([
      ['scorerTimeout', 'must be at least 1 second', '.scorerTimeout(seconds)'],
    ]);
    const renamed = base.name(undefined as unknown as string).name('');
    expect(renamed.validate().error?.issues.map((issue) => [issue.path, issue.inputPath, issue.message, issue.fix])).toEqual([
      [['name'], 'name', 'must not be blank', 'Scenario.define(name) or .name(name)'],
    ]);
  });
});

describe('.$call', () => {
  it('applies a reusable step and returns its result', () => {
    const withLint = <B extends { scorer: typeof base.scorer }>(builder: B) => builder.scorer(command('npm run lint', { name: 'lint' }));
    const payload = base.$call(withLint).build();
    expect(payload.scoring_contract?.scoring_function_parameters.map((fn) => fn.name)).toEqual(['command', 'lint']);
  });
});

describe('build, validate and buildCreate', () => {
  it('returns a payload frozen all the way down', () => {
    const payload = base.metadata({ a: '1' }).requiredEnv(['A']).problem('p', { context: { nested: { list: [1] } } }).build();
    const frozen = (value: unknown): boolean =>
      typeof value !== 'object' || value === null || (Object.isFrozen(value) && Object.values(value).every(frozen));
    expect(frozen(payload)).toBe(true);
  });

  it('validate() returns the payload on success, with no warnings', () => {
    expect(base.validate()).toEqual({ success: true, data: base.build(), warnings: [] });
  });

  it('validate() returns the warnings beside the payload, and build() does not throw on them', () => {
    const warned = base.scorer(command('npm run lint', { name: 'lint' })).scorer(command('npx eslint .', { name: 'lint' }));
    const result = warned.validate();
    expect(result).toEqual({ success: true, data: warned.build(), warnings: [expect.objectContaining({ severity: 'warning', code: 'duplicate-scorer-name' })] });
  });

  it('strict() makes warnings fail like errors, and strict(false) undoes it', () => {
    const warned = base.scorer(command('npm run lint', { name: 'lint' })).scorer(command('npx eslint .', { name: 'lint' }));
    const error = warned.strict().validate().error;
    expect(error?.issues.map((issue) => [issue.severity, issue.code, issue.inputPath])).toEqual([['warning', 'duplicate-scorer-name', 'scorer[2].name']]);
    expect(error?.message).toContain('(1 warning, strict)');
    expect(() => warned.strict().build()).toThrow(ScenarioValidationError);
    expect(warned.strict().strict(false).validate().success).toBe(true);
    // a local setting: the payload is the same, key for key
    expect(JSON.stringify(base.strict().build())).toBe(JSON.stringify(base.build()));
  });

  it('validate() returns the error instead of throwing', () => {
    const result = base.scorerTimeout(0).validate();
    expect(result.success).toBe(false);
    expect(result.error).toBeInstanceOf(ScenarioValidationError);
    expect(() => base.scorerTimeout(0).build()).toThrow(ScenarioValidationError);
  });

  it('buildCreate() returns the create body', () => {
    expect(base.buildCreate()).toEqual(base.build());
  });

  it('buildCreate() reports every missing required field at runtime too', () => {
    const unready = Scenario.define() as unknown as typeof base;
    const result = unready.validateCreate();
    expect(result.error?.issues.map((issue) => [issue.path, issue.fix])).toEqual([
      [['name'], 'Scenario.define(name) or .name(name)'],
      [['input_context'], '.problem(statement)'],
      [['scoring_contract'], '.scorer(scorer, weight)'],
    ]);
    expect(() => unready.buildCreate()).toThrow(/needs a name to be created/);
  });

  it('names the scenario and lists every problem in the error message', () => {
    const error = base.name('broken').scorerTimeout(-1).requiredEnv(['1A']).validate().error;
    expect(error?.scenario).toBe('broken');
    expect(error?.message).toMatchInlineSnapshot(`
      "Scenario "broken" is invalid (1 error, 1 warning):
        - error scorerTimeout: must be at least 1 second
          at scorer_timeout_sec [invalid-value]
          fix: .scorerTimeout(seconds)
        - warning requiredEnv[0]: "1A" is not a valid environment variable name (letters, digits and "_", not starting with a digit)
          at required_environment_variables[0] [invalid-env-name]
          fix: .requiredEnv(names)"
    `);
  });
});

describe('isScenarioBuilder', () => {
  it('recognises builders and nothing else', () => {
    expect(isScenarioBuilder(base)).toBe(true);
    expect(isScenarioBuilder(Scenario.define())).toBe(true);
    expect(isScenarioBuilder({ build: () => ({}) })).toBe(false);
    expect(isScenarioBuilder(base.build())).toBe(false);
    expect(isScenarioBuilder(null)).toBe(false);
  });
});
