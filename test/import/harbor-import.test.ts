import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { fromHarborTask, ImportError, importHarborTasks, type HarborTask, type ImportWarning } from '../../src/import/index.js';
import type { ScenarioBuilder, Step } from '../../src/index.js';

const HARBOR = fileURLToPath(new URL('../fixtures/harbor/', import.meta.url));
const task = (name: string) => join(HARBOR, name);
const read = (name: string, file: string) => readFileSync(join(HARBOR, name, file), 'utf8');
const options = { blueprintId: 'bpt_harbor' };

function scriptOf(builder: ScenarioBuilder<Step>): string {
  const scorer = builder.buildCreate().scoring_contract.scoring_function_parameters[0]!.scorer;
  if (scorer.type !== 'bash_script_scorer') throw new Error(`expected a bash scorer, got ${scorer.type}`);
  return scorer.bash_script;
}

describe('fromHarborTask on the real task folders', () => {
  it('imports every single-step folder, each validating, and refuses the multi-step one with a clear message', async () => {
    const dirs = ['hello-world', 'simple-task', 'multi-reward', 'dns-blacklisting', 'multi-step'].map(task);
    const result = await importHarborTasks(dirs, options);
    expect(result.builders.map((builder) => builder.buildCreate().name)).toEqual(['harbor/hello-world', 'simple-task', 'multi-reward', 'dns-blacklisting']);
    for (const builder of result.builders) expect(builder.validateCreate().success).toBe(true);
    expect(result.problems).toEqual([
      {
        source: task('multi-step'),
        field: 'task.toml [[steps]]',
        message:
          'multi-step tasks are not imported (steps: scaffold, implement, document): each step starts from the state the previous one left, and a scenario has one problem and one starting environment; import each step as a single-step task of its own',
      },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('maps hello-world field by field', async () => {
    const payload = (await fromHarborTask(task('hello-world'), options)).buildCreate();
    const { scoring_contract, ...rest } = payload;
    expect(rest).toEqual({
      name: 'harbor/hello-world',
      input_context: { problem_statement: 'Create a file called hello.txt with "Hello, world!" as the content.\n' },
      environment_parameters: {
        blueprint_id: 'bpt_harbor',
        working_directory: '/app', // the Dockerfile's WORKDIR: task.toml names none
        launch_parameters: { resource_size_request: 'CUSTOM_SIZE', custom_cpu_cores: 1, custom_gb_memory: 2, custom_disk_size: 10 },
      },
      metadata: { author_name: 'Alex Shaw', author_email: 'alexgshaw64@gmail.com', difficulty: 'easy', category: 'programming', tags: '["trivial"]' },
      scorer_timeout_sec: 120,
      reference_output: read('hello-world', 'solution/solve.sh'),
    });
    expect(scoring_contract.scoring_function_parameters).toEqual([{ name: 'harbor-tests', weight: 1, scorer: { type: 'bash_script_scorer', bash_script: expect.any(String) } }]);
    const script = scriptOf(await fromHarborTask(task('hello-world'), options));
    expect(script).toContain(`cat > "$tests_dir"/test.sh <<'SCENARIOKIT_FILE'\n${read('hello-world', 'tests/test.sh')}SCENARIOKIT_FILE\n`);
    expect(script).toContain(`cat > "$tests_dir"/test_state.py <<'SCENARIOKIT_FILE'\n${read('hello-world', 'tests/test_state.py')}SCENARIOKIT_FILE\n`);
    expect(script).toContain('tests_dir=${SCENARIOKIT_TESTS_DIR:-/tests}\nlogs_dir=${SCENARIOKIT_LOGS_DIR:-/logs}\n');
  });

  it('maps multi-reward field by field', async () => {
    const payload = (await fromHarborTask(task('multi-reward'), options)).buildCreate();
    const { scoring_contract, ...rest } = payload;
    expect(rest).toEqual({
      name: 'multi-reward',
      input_context: { problem_statement: read('multi-reward', 'instruction.md') },
      environment_parameters: {
        blueprint_id: 'bpt_harbor',
        working_directory: '/app',
        launch_parameters: { resource_size_request: 'CUSTOM_SIZE', custom_cpu_cores: 1, custom_gb_memory: 2, custom_disk_size: 10 },
      },
      metadata: {},
      scorer_timeout_sec: 120,
      reference_output: read('multi-reward', 'solution/solve.sh'),
    });
    const script = scriptOf(await fromHarborTask(task('multi-reward'), options));
    for (const file of ['test.sh', 'test_correctness.py', 'test_performance.py']) {
      expect(script).toContain(`cat > "$tests_dir"/${file} <<'SCENARIOKIT_FILE'\n${read('multi-reward', `tests/${file}`)}SCENARIOKIT_FILE\n`);
    }
    // metrics/ and config.yaml are Harbor job settings, not the verifier
    expect(script).not.toContain('per_dimension');
    expect(scoring_contract.scoring_function_parameters[0]!.name).toBe('harbor-tests');
  });
});

describe('the mapping of settings', () => {
  it('stringifies metadata, rounds the size up with warnings, exports the verifier and solution env, and keeps workdir', async () => {
    const warnings: ImportWarning[] = [];
    const builder = await fromHarborTask(task('synthetic/answer-file'), { ...options, onWarning: (warning) => warnings.push(warning) });
    const payload = builder.buildCreate();
    expect(payload.metadata).toEqual({
      difficulty: 'easy',
      tags: '["synthetic","offline"]',
      expert_time_estimate_min: '5',
      verified: 'true',
      reviewed_on: '2024-05-01',
      owner: '{"team":"evals"}',
    });
    expect(payload.scorer_timeout_sec).toBe(91);
    expect(payload.environment_parameters).toEqual({
      blueprint_id: 'bpt_harbor',
      working_directory: '/srv/task',
      launch_parameters: { resource_size_request: 'CUSTOM_SIZE', custom_cpu_cores: 4, custom_gb_memory: 8, custom_disk_size: 6 },
    });
    expect(payload.reference_output).toBe('#!/bin/bash\nexport ANSWER=forty-two\necho "$ANSWER" > answer.txt\n');
    expect(scriptOf(builder)).toContain('\nexport EXPECTED_WORD=forty-two\nbash "$tests_dir/test.sh" >&2\n');
    const source = task('synthetic/answer-file');
    expect(warnings).toEqual([
      { source, field: 'task.toml [environment].cpus', message: '3 rounded up to 4 cpus (Runloop takes 0.5, 1 or an even number up to 16, with 2 to 8 GiB of memory per cpu)' },
      { source, field: 'task.toml [environment].memory_mb', message: '3000 MB (2.93 GiB) rounded up to 8 GiB (Runloop takes at least 2 GiB per cpu for 4 cpus)' },
      { source, field: 'task.toml [environment].storage_mb', message: '5000 MB (4.88 GiB) rounded up to 6 GiB (Runloop takes an even number of GiB from 2 to 64)' },
    ]);
  });

  it('raises the cpu count when the memory asks for more than 8 GiB per cpu, and refuses more than Runloop offers', async () => {
    const dir = copyTask('synthetic/partial-json');
    writeFileSync(join(dir, 'task.toml'), '[environment]\ncpus = 1\nmemory_mb = 20000\n');
    const result = await importHarborTasks([dir], options);
    expect(result.builders[0]!.buildCreate().environment_parameters!.launch_parameters).toEqual({
      resource_size_request: 'CUSTOM_SIZE',
      custom_cpu_cores: 4,
      custom_gb_memory: 20,
      custom_disk_size: 10,
    });
    expect(result.warnings.map((w) => w.message)).toEqual([
      '1 rounded up to 4 cpus (Runloop takes 0.5, 1 or an even number up to 16, with 2 to 8 GiB of memory per cpu)',
      '20000 MB (19.53 GiB) rounded up to 20 GiB (Runloop takes 1 or an even number of GiB up to 64)',
    ]);
    writeFileSync(join(dir, 'task.toml'), '[environment]\ncpus = 32\nstorage_mb = 100000\n');
    expect((await importHarborTasks([dir], options)).problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      "task.toml [environment].cpus: 32 cpus is more than Runloop's largest custom size (16)",
      "task.toml [environment].storage_mb: 100000 MB is more than Runloop's largest custom disk (64 GiB)",
    ]);
  });

  it('gives no size to a task that states none, and takes the working directory from the option when nothing names one', async () => {
    const payload = (await fromHarborTask(task('synthetic/no-reward'), { ...options, workingDirectory: '/home/user' })).buildCreate();
    expect(payload.environment_parameters).toEqual({ blueprint_id: 'bpt_harbor', working_directory: '/home/user' });
    expect(payload).not.toHaveProperty('reference_output');
    expect(payload).not.toHaveProperty('scorer_timeout_sec');
  });

  it('maps a legacy Terminal-Bench task.yaml folder the same way', async () => {
    const warnings: ImportWarning[] = [];
    const builder = await fromHarborTask(task('synthetic/legacy-tb'), { ...options, onWarning: (w) => warnings.push(w) });
    const { scoring_contract, ...rest } = builder.buildCreate();
    expect(rest).toEqual({
      name: 'legacy-tb',
      input_context: { problem_statement: 'Create a file called hello.txt in the working directory with "Hello, world!" as its content.\n' },
      environment_parameters: { blueprint_id: 'bpt_harbor', working_directory: '/app' },
      metadata: { author_name: 'Fixture Author', author_email: 'fixture@example.com', difficulty: 'easy', category: 'file-operations', tags: '["synthetic","legacy"]' },
      scorer_timeout_sec: 60,
      reference_output: read('synthetic/legacy-tb', 'solution.sh'),
    });
    expect(scoring_contract.scoring_function_parameters[0]!.name).toBe('harbor-tests');
    expect(warnings).toEqual([]);
  });

  it('warns when run-tests.sh uses a script that Terminal-Bench’s harness provides', async () => {
    const dir = copyTask('synthetic/legacy-tb');
    writeFileSync(join(dir, 'run-tests.sh'), '#!/bin/bash\nsource $TEST_DIR/setup-uv-pytest.sh\nbash $TEST_DIR/run-uv-pytest.sh\n');
    const result = await importHarborTasks([dir], options);
    expect(result.warnings.map((w) => `${w.field}: ${w.message}`)).toEqual([
      "run-tests.sh: uses $TEST_DIR/setup-uv-pytest.sh, which Terminal-Bench's harness provides and the task folder does not; copy it into tests/",
      "run-tests.sh: uses $TEST_DIR/run-uv-pytest.sh, which Terminal-Bench's harness provides and the task folder does not; copy it into tests/",
    ]);
  });

  it('hands the task to a blueprint function, which may be async (the hook for building blueprints)', async () => {
    const seen: HarborTask[] = [];
    const payload = (await fromHarborTask(task('hello-world'), { blueprintId: async (t) => { seen.push(t); return `bpt_${t.name.replace(/\W/g, '_')}`; } })).buildCreate();
    expect(payload.environment_parameters!.blueprint_id).toBe('bpt_harbor_hello_world');
    expect(seen).toEqual([
      expect.objectContaining({ dir: task('hello-world').replace(/\/$/, ''), name: 'harbor/hello-world', format: 'harbor', dockerfile: join(task('hello-world'), 'environment/Dockerfile'), dockerImage: undefined }),
    ]);
  });
});

describe('folders that cannot be imported', () => {
  it('names the folder and file of each problem, and imports the other folders', async () => {
    const noTest = copyTask('synthetic/partial-json');
    rmSync(join(noTest, 'tests/test.sh'));
    rmSync(join(noTest, 'instruction.md'));
    const badToml = copyTask('synthetic/partial-json');
    writeFileSync(join(badToml, 'task.toml'), '[verifier\ntimeout_sec = 1\n');
    const badValues = copyTask('synthetic/partial-json');
    writeFileSync(join(badValues, 'task.toml'), '[verifier]\ntimeout_sec = "soon"\n[verifier.env]\n"BAD-NAME" = "x"\n[environment]\nworkdir = "app"\n');
    const empty = mkdtempSync(join(tmpdir(), 'scenariokit-empty-'));
    temporary.push(empty);
    const result = await importHarborTasks([noTest, task('hello-world'), badToml, badValues, empty], options);
    expect(result.builders.map((b) => b.buildCreate().name)).toEqual(['harbor/hello-world']);
    expect(result.problems.map((p) => `${p.source === noTest ? 'noTest' : p.source === badToml ? 'badToml' : p.source === badValues ? 'badValues' : 'empty'}: ${p.field}: ${p.message}`)).toEqual([
      'noTest: instruction.md: is missing or empty; it is the problem statement',
      'noTest: tests/test.sh: is missing; it is the verifier the scorer runs',
      expect.stringMatching(/^badToml: task\.toml: cannot be parsed: /),
      'badValues: task.toml [verifier.env].BAD-NAME: is not a valid environment variable name (letters, digits and "_", not starting with a digit)',
      'badValues: task.toml [verifier].timeout_sec: must be a positive number of seconds (got "soon")',
      'badValues: task.toml [environment].workdir: must be an absolute path (got "app")',
      'empty: (folder): has no task.toml (Harbor) or task.yaml (Terminal-Bench)',
    ]);
  });

  it('throws an ImportError from fromHarborTask, and refuses unknown options', async () => {
    await expect(fromHarborTask(task('multi-step'), options)).rejects.toThrow(ImportError);
    await expect(fromHarborTask(task('hello-world'), { blueprintId: 'bpt_1', createBlueprints: true } as never)).rejects.toThrow(
      'options.createBlueprints: unknown option "createBlueprints"; the options are "blueprintId", "workingDirectory", "maxScriptBytes", "onWarning"',
    );
  });

  it("reports a bad option and the folder's own problems together from fromHarborTask", async () => {
    const error = await fromHarborTask(task('multi-step'), { blueprintId: 'bpt_1', workingDir: '/app' } as never).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportError);
    const problems = (error as ImportError).problems;
    expect(problems[0]).toEqual({ source: task('multi-step'), field: 'options.workingDir', message: 'unknown option "workingDir" — did you mean "workingDirectory"?' });
    expect(problems.slice(1)).toEqual(((await importHarborTasks([task('multi-step')], options)).problems)); // what the folder itself gets
    expect(problems.length).toBeGreaterThan(1);
  });

  it('refuses two folders that give one scenario name', async () => {
    const copy = copyTask('hello-world');
    const result = await importHarborTasks([task('hello-world'), copy], options);
    expect(result.builders).toHaveLength(1);
    expect(result.problems).toEqual([{ source: copy, field: 'task.toml [task].name', message: `"harbor/hello-world" is also the name of ${task('hello-world')}; scenario names must be unique` }]);
  });

  it('refuses a docker_image that is not one name (a line break would add Dockerfile instructions) or not a string, before any blueprint function runs', async () => {
    const withImage = (toml: string) => {
      const dir = copyTask('hello-world');
      writeFileSync(join(dir, 'task.toml'), read('hello-world', 'task.toml').replace('[environment]', `[environment]\n${toml}`));
      return dir;
    };
    const injected = withImage('docker_image = "ubuntu:24.04\\nRUN echo pwned"');
    const spaced = withImage('docker_image = "ubuntu 24.04"');
    const number = withImage('docker_image = 2404');
    const blank = withImage('docker_image = ""');
    const fine = withImage('docker_image = "ghcr.io/acme/env:1"');
    const asked: (string | undefined)[] = [];
    const result = await importHarborTasks([injected, spaced, number, blank, fine], {
      blueprintId: (harborTask: HarborTask) => {
        asked.push(harborTask.dockerImage);
        return 'bpt_1';
      },
    });
    expect(asked).toEqual(['ghcr.io/acme/env:1']);
    expect(result.builders).toHaveLength(1);
    const field = 'task.toml [environment].docker_image';
    const message = (got: string) => `must be an image name without spaces or line breaks, such as "ubuntu:24.04" (got ${got})`;
    expect(result.problems).toEqual([
      { source: injected, field, message: message('the string "ubuntu:24.04\\nRUN echo pwned"') },
      { source: spaced, field, message: message('the string "ubuntu 24.04"') },
      { source: number, field, message: message('the number 2404') },
      { source: blank, field, message: message('the string ""') },
    ]);
  });

  it('refuses a scorer over the size budget', async () => {
    const result = await importHarborTasks([task('multi-reward')], { ...options, maxScriptBytes: 2000 });
    expect(result.problems).toEqual([
      { source: task('multi-reward'), field: 'options.maxScriptBytes', message: expect.stringMatching(/^the generated scorer script is \d+ bytes \(tests\/ holds 3 files\), over the budget of 2000;/) },
    ]);
  });
});

/** Runs a task's scorer as Runloop would (`bash -c`), in a working directory, with /tests and /logs moved into a temp dir. */
function runScorer(script: string, workdir: string) {
  const sandbox = mkdtempSync(join(tmpdir(), 'scenariokit-harbor-run-'));
  temporary.push(sandbox);
  const env = { ...process.env, SCENARIOKIT_TESTS_DIR: join(sandbox, 'tests'), SCENARIOKIT_LOGS_DIR: join(sandbox, 'logs') };
  const result = spawnSync('bash', ['-c', script], { cwd: workdir, env, encoding: 'utf8', timeout: 60_000 });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status, testsDir: env.SCENARIOKIT_TESTS_DIR };
}

/** A fresh working directory, with the reference solution run in it when `solved`. */
function workdir(reference?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'scenariokit-harbor-work-'));
  temporary.push(dir);
  if (reference !== undefined) expect(spawnSync('bash', ['-c', reference], { cwd: dir }).status).toBe(0);
  return dir;
}

const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function copyTask(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'scenariokit-task-'));
  temporary.push(dir);
  cpSync(task(name), dir, { recursive: true });
  return dir;
}

describe('the generated Harbor scorer, run with bash', () => {
  it('reports reward.txt: the reference solution scores 1, no change 0; test files arrive byte for byte, old ones are cleared', async () => {
    const builder = await fromHarborTask(task('synthetic/answer-file'), options);
    const script = scriptOf(builder);
    const reference = builder.buildCreate().reference_output!;
    const solved = runScorer(script, workdir(reference));
    expect(solved.stdout).toBe('score=1\n');
    expect(solved.stderr).toContain('test.sh exited with status 3 (ignored, as Harbor does)');
    expect(readFileSync(join(solved.testsDir, 'blob.bin'))).toEqual(readFileSync(task('synthetic/answer-file/tests/blob.bin')));
    expect(readFileSync(join(solved.testsDir, 'data/expected.txt'), 'utf8')).toBe('forty-two');
    expect(runScorer(script, workdir()).stdout).toBe('score=0\n');
  });

  it('clears files planted in /tests before writing the task’s own', async () => {
    const script = scriptOf(await fromHarborTask(task('synthetic/answer-file'), options));
    const sandbox = mkdtempSync(join(tmpdir(), 'scenariokit-harbor-plant-'));
    temporary.push(sandbox);
    mkdirSync(join(sandbox, 'tests'));
    writeFileSync(join(sandbox, 'tests/planted.txt'), 'the agent was here');
    const solved = workdir('echo forty-two > answer.txt');
    const result = spawnSync('bash', ['-c', script], { cwd: solved, encoding: 'utf8', env: { ...process.env, SCENARIOKIT_TESTS_DIR: join(sandbox, 'tests'), SCENARIOKIT_LOGS_DIR: join(sandbox, 'logs') } });
    expect(result.stdout).toBe('score=1\n');
    expect(existsSync(join(sandbox, 'tests/planted.txt'))).toBe(false);
  });

  it('reports the mean of reward.json’s values', async () => {
    const builder = await fromHarborTask(task('synthetic/partial-json'), options);
    const script = scriptOf(builder);
    expect(runScorer(script, workdir(builder.buildCreate().reference_output!)).stdout).toBe('score=1\n');
    expect(runScorer(script, workdir('echo SHOUTING > greeting.txt')).stdout).toBe('score=0.5\n');
    expect(runScorer(script, workdir()).stdout).toBe('score=0\n');
  });

  it('prints no score and exits 1 when test.sh writes no reward, or a reward that is not a number from 0 to 1', async () => {
    const none = runScorer(scriptOf(await fromHarborTask(task('synthetic/no-reward'), options)), workdir());
    expect(none).toMatchObject({ stdout: '', status: 1 });
    expect(none.stderr).toContain('test.sh wrote no reward (');
    const dir = copyTask('synthetic/partial-json');
    for (const [reward, message] of [
      ['echo 1.5 > "$SCENARIOKIT_LOGS_DIR/verifier/reward.txt"', 'the reward "1.5" is not a number from 0 to 1'],
      ['echo -1 > "$SCENARIOKIT_LOGS_DIR/verifier/reward.txt"', 'the reward "-1" is not a number from 0 to 1'],
      ['echo \'{"a": 1, "b": true}\' > "$SCENARIOKIT_LOGS_DIR/verifier/reward.json"', 'reward.json is not a flat object of numbers'],
    ] as const) {
      writeFileSync(join(dir, 'tests/test.sh'), `#!/bin/bash\n${reward}\n`);
      const result = runScorer(scriptOf(await fromHarborTask(dir, options)), workdir());
      expect(result).toMatchObject({ stdout: '', status: 1 });
      expect(result.stderr).toContain(message);
    }
  });

  it('runs a legacy task’s run-tests.sh and reads pytest’s summary: reference 1, no change 0', async () => {
    const builder = await fromHarborTask(task('synthetic/legacy-tb'), options);
    const script = scriptOf(builder);
    expect(runScorer(script, workdir(builder.buildCreate().reference_output!)).stdout).toBe('score=1\n');
    const untouched = runScorer(script, workdir());
    expect(untouched.stdout).toBe('score=0\n');
    expect(untouched.stderr).toContain('FAILED');
  });

  it('uses Harbor’s own paths when the variables are unset', async () => {
    const script = scriptOf(await fromHarborTask(task('hello-world'), options));
    expect(script).not.toMatch(/\/tmp\//);
    expect(script.split('\n').slice(3, 5)).toEqual(['tests_dir=${SCENARIOKIT_TESTS_DIR:-/tests}', 'logs_dir=${SCENARIOKIT_LOGS_DIR:-/logs}']);
  });
});
