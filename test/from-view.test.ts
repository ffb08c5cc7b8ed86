import { describe, expect, it } from 'vitest';
import { command, Scenario, type StoredScenario } from '../src/index.js';

/** A realistic stored scenario shaped like the reference page's response: every field, valid values. */
const view: StoredScenario = {
  id: 'scn_31f9a2',
  name: 'fix-null-check',
  status: 'active',
  environment: {
    blueprint_id: 'bpt_parser_repo',
    working_directory: '/home/user/repo',
    launch_parameters: {
      launch_commands: ['npm ci'],
      resource_size_request: 'CUSTOM_SIZE',
      custom_cpu_cores: 2,
      custom_gb_memory: 8,
      custom_disk_size: 16,
      keep_alive_time_seconds: 3600,
      available_ports: [8080],
      after_idle: { idle_time_seconds: 600, on_idle: 'shutdown' },
      architecture: 'x86_64',
      user_parameters: { username: 'user', uid: 1000 },
      required_services: ['postgres'],
      network_policy_id: 'np_default',
      provisioning_tier: 'standard',
      lifecycle: {
        after_idle: { idle_time_seconds: 600, on_idle: 'shutdown' },
        resume_triggers: { http: true, axon_event: false },
        lifecycle_hooks: { suspend_commands: ['sync'], suspend_deadline_ms: 10_000 },
      },
    },
  },
  input_context: { problem_statement: 'parse() crashes on null input.', additional_context: { issue: 12, labels: ['bug'] } },
  scoring_contract: {
    scoring_function_parameters: [
      {
        name: 'null-guard',
        scorer: { lang: 'typescript', search_directory: 'src', pattern: 'if (\\$X == null) { \\$\\$\\$ }', type: 'ast_grep_scorer' },
        weight: 0.7,
      },
      { name: 'tests', scorer: { type: 'test_based_scorer', test_command: 'npm test', test_files: [{ file_path: 'test/a.test.ts', file_contents: 'it()' }] }, weight: 0.2 },
      { name: 'typecheck', scorer: { type: 'command_scorer', command: 'npm run typecheck' }, weight: 0.1 },
    ],
  },
  metadata: { team: 'evals' },
  reference_output: 'diff --git a/src/parser.ts b/src/parser.ts',
  required_environment_variables: ['CI'],
  required_secret_names: ['NPM_TOKEN'],
  scorer_timeout_sec: 900,
  validation_type: 'FORWARD',
  is_public: true,
};

/** What an update carrying the whole view sends: the view without id and status, environment renamed. */
function asPayload({ id: _id, status: _status, environment, ...rest }: StoredScenario) {
  return { ...rest, environment_parameters: environment };
}

describe('Scenario.fromView', () => {
  it('gives a builder whose build() reproduces the stored scenario', () => {
    expect(Scenario.fromView(view).build()).toEqual(asPayload(view));
  });

  it('keeps the stored (already escaped) ast-grep pattern as it is', () => {
    const scorer = Scenario.fromView(view).build().scoring_contract?.scoring_function_parameters[0]?.scorer;
    expect(scorer).toMatchObject({ pattern: 'if (\\$X == null) { \\$\\$\\$ }' });
  });

  it('gives a builder that can create the scenario again', () => {
    expect(Scenario.fromView(view).buildCreate()).toEqual(asPayload(view));
  });

  it('leaves out null fields and keeps prebuilt_id', () => {
    const sparse: StoredScenario = {
      id: 'scn_2',
      name: 'sparse',
      status: 'active',
      environment: { prebuilt_id: 'pre_1', snapshot_id: null, blueprint_id: null, working_directory: null, launch_parameters: null },
      input_context: { problem_statement: 'p', additional_context: null },
      scoring_contract: { scoring_function_parameters: [{ name: 'c', scorer: { type: 'command_scorer', command: 'true' }, weight: 1 }] },
      metadata: {},
      reference_output: null,
      scorer_timeout_sec: null,
      validation_type: null,
      is_public: false,
    };
    expect(Scenario.fromView(sparse).build()).toEqual({
      name: 'sparse',
      input_context: { problem_statement: 'p' },
      scoring_contract: sparse.scoring_contract,
      environment_parameters: { prebuilt_id: 'pre_1' },
      metadata: {},
    });
  });

  it('can be edited and keeps relative weights meaningful', () => {
    const edited = Scenario.fromView(view).removeScorer('typecheck').scorer(command('npm run lint', { name: 'lint' }), 0.1).build();
    expect(edited.scoring_contract?.scoring_function_parameters.map((fn) => [fn.name, fn.weight])).toEqual([
      ['null-guard', 0.7],
      ['tests', 0.2],
      ['lint', 0.1],
    ]);
  });

  it("reports the page's placeholder environment, which names three sources at once", () => {
    const placeholder = { ...view, environment: { ...view.environment, snapshot_id: 'snp_1' } };
    expect(Scenario.fromView(placeholder).validate().error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'environment_parameters.snapshot_id',
    ]);
  });
});

describe('Scenario.fromView refuses what is not a stored scenario', () => {
  it('says it takes the stored scenario object, not an id', () => {
    const message = 'Scenario.fromView takes the stored scenario object (e.g. from client.scenarios.retrieve(id)), not an id; got';
    expect(() => Scenario.fromView('scn_1' as never)).toThrow(new TypeError(`${message} the string "scn_1"`));
    expect(() => Scenario.fromView(null as never)).toThrow(new TypeError(`${message} null`));
  });

  it('refuses stored scorers that are not a list instead of reading a string character by character', () => {
    const odd = { ...view, scoring_contract: { scoring_function_parameters: 'ab' } } as unknown as StoredScenario;
    expect(() => Scenario.fromView(odd)).toThrow(
      new TypeError('Scenario.fromView: the stored scoring_contract.scoring_function_parameters must be a list of scorers; got the string "ab"'),
    );
  });
});

describe('Scenario.fromView keeps what the DSL cannot express, for validation to report', () => {
  it('reports custom size fields stored without CUSTOM_SIZE instead of dropping them', () => {
    const odd = { ...view, environment: { launch_parameters: { resource_size_request: 'SMALL', custom_cpu_cores: 2 } } } as unknown as StoredScenario;
    const issues = Scenario.fromView(odd).validate().error?.issues;
    expect(issues?.map((issue) => [issue.code, issue.inputPath])).toEqual([['unknown-option', 'env.launch.custom_cpu_cores']]);
  });

  it('reports a stored environment key named like an Object.prototype member instead of dropping it', () => {
    const odd = { ...view, environment: JSON.parse('{"blueprint_id":"bpt_1","constructor":"x","toString":"y"}') } as StoredScenario;
    const issues = Scenario.fromView(odd).validate().error?.issues;
    expect(issues?.map((issue) => [issue.code, issue.path, issue.inputPath, issue.message, issue.fix])).toEqual(
      ['constructor', 'toString'].map((key) => [
        'unknown-option',
        ['environment_parameters'],
        `env.${key}`,
        `unknown option "${key}"; the options are "blueprintId", "snapshotId", "prebuiltId", "workingDirectory", "launch"`,
        '.env({ blueprintId | snapshotId | prebuiltId, workingDirectory, launch })',
      ]),
    );
  });

  it('keeps a stored scorer with a field the API added later as it is, and reports the field', () => {
    const newer = {
      ...view,
      scoring_contract: { scoring_function_parameters: [{ name: 'c', scorer: { type: 'command_scorer', command: 'true', timeout_sec: 5 }, weight: 1 }] },
    } as unknown as StoredScenario;
    const result = Scenario.fromView(newer).validate();
    expect(result.error?.issues.map((issue) => [issue.code, issue.path.join('.')])).toEqual([['unknown-field', 'scoring_contract.scoring_function_parameters.0.scorer.timeout_sec']]);
  });

  it('says which field a stored scorer\'s unknown field probably meant, and fixes with that field, never with the unknown one', () => {
    const stored = (scorer: object) =>
      ({ ...view, scoring_contract: { scoring_function_parameters: [{ name: 'c', scorer, weight: 1 }] } }) as unknown as StoredScenario;
    const typo = Scenario.fromView(stored({ type: 'command_scorer', comand: 'npm test' })).validate().error?.issues;
    expect(typo?.find((issue) => issue.code === 'unknown-field')).toMatchObject({
      inputPath: 'scorer[0].comand',
      message: 'scorer "c": unknown field "comand" — did you mean "command"?',
      fix: 'command(command)',
    });
    const stranger = Scenario.fromView(stored({ type: 'ast_grep_scorer', pattern: 'x', search_directory: '.', colour: 'red' })).validate().error?.issues;
    expect(stranger).toEqual([
      expect.objectContaining({
        inputPath: 'scorer[0].colour',
        message: 'scorer "c": unknown field "colour"; the fields here are "type", "pattern", "search_directory", "lang"',
        fix: 'astGrep(pattern, options)',
      }),
    ]);
  });

  it('keeps stored weights bit for bit, even where normalising would change them in the last place', () => {
    const weights = [0.7, 0.2, 0.1]; // their float sum is 0.9999999999999999: dividing by it changes 0.7
    const stored = {
      ...view,
      scoring_contract: { scoring_function_parameters: weights.map((weight, i) => ({ name: `c${i}`, scorer: { type: 'command_scorer', command: 'true' }, weight })) },
    } as StoredScenario;
    expect(Scenario.fromView(stored).build().scoring_contract?.scoring_function_parameters.map((fn) => fn.weight)).toEqual(weights);
  });

  it('gives each stored scorer as the factory call that makes it', () => {
    const [pattern] = Scenario.fromView(view).build().scoring_contract?.scoring_function_parameters ?? [];
    expect(pattern).toEqual(view.scoring_contract.scoring_function_parameters[0]);
  });
});
