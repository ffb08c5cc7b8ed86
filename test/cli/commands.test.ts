import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/cli/target-lock.js';
import { Scenario } from '../../src/index.js';
import { startFakeRunloop, type FakeRunloop } from '../../src/testing/index.js';
import { cli, project, root, scenarios } from './cli-helpers.js';

const workdirs: string[] = [];
afterAll(() => workdirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('scenariokit validate', () => {
  it('checks every exported scenario, skipping templates with a note', async () => {
    const dir = project(scenarios);
    const run = await cli(['validate', 'scenarios'], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stdout: '4 scenarios are valid.\n' });
    expect(run.stderr).toContain('skipped scenarios/parser.ts, export template: a builder without a name is a template, not a scenario');
  });

  it('reports every invalid scenario with its fix, exit code 2', async () => {
    const dir = project({
      'bad.ts': `
export const one = Scenario.define('one').problem('').scorer(command('x'), -1);
export const two = Scenario.define('two').problem('p').scorer(command('x')).scorerTimeout(0);
export const dup = Scenario.define('one').problem('p').scorer(command('x'));`,
    });
    const run = await cli(['validate', 'scenarios/bad.ts'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('2 scenarios are invalid; fix them before anything is sent'); // exports come in name order: dup, one, two
    expect(run.stderr).toContain('error scorer[0].weight: scorer "command": must not be negative\n      at scoring_contract.scoring_function_parameters[0].weight [invalid-value]\n      fix: .scorer(scorer, weight)');
    expect(run.stderr).toContain('warning problem.statement: must not be blank'); // warnings of an invalid scenario are listed too
    expect(run.stderr).toContain('error scorerTimeout: must be at least 1 second');
    expect(run.stderr).toContain('"one" (scenarios/bad.ts, export one):\n');
    expect(run.stderr).toContain('scenario #1 (scenarios/bad.ts, export dup) has the same name');
  });

  it('says what to do when a path or the scenarios are missing, exit code 2', async () => {
    const dir = project({ 'empty.ts': 'export const nothing = 1;' });
    expect(await cli(['validate', 'nowhere'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'nowhere: no such file or directory\n' });
    const run = await cli(['validate', 'scenarios'], { cwd: dir });
    expect(run).toMatchObject({ code: 2 });
    expect(run.stderr).toContain('no scenarios found in scenarios (1 file read): export scenario builders, suites, or arrays or generators of them, or write create payloads in .json or .yaml files');
  });

  it('refuses a named file that is no kind of scenario file, naming the kinds, before loading anything (exit code 2)', async () => {
    const dir = project({ 'good.ts': "throw new Error('loaded');", 'notes.txt': 'name: x', 'tasks.toml': 'name = "x"' });
    const run = await cli(['validate', 'scenarios/good.ts', 'scenarios/notes.txt', 'scenarios/tasks.toml'], { cwd: dir });
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(
      'scenarios/notes.txt, scenarios/tasks.toml: not a kind of scenario file; the kinds are .ts, .mts, .cts, .js, .mjs, .cjs, .json, .yaml, .yml (.ts/.js modules, .json/.yaml payload files, or directories of them)\n',
    );
    // in a directory, such files are simply not scenario files
    const folder = await cli(['validate', 'scenarios'], { cwd: project({ 'notes.txt': 'x', 'ok.ts': "export const ok = Scenario.define('ok').problem('p').scorer(command('t'));" }) });
    expect(folder).toMatchObject({ code: 0 });
    expect(folder.stdout).toBe('1 scenario is valid.\n');
  });
});

describe('loading scenarios', () => {
  it('counts a builder exported twice once', async () => {
    const dir = project({
      'twice.ts': `
export const bugs = ['1', '2'].map((id) => Scenario.define('bug-' + id).problem('p').scorer(command('t')));
export const suite = defineSuite('bugs', bugs);
export default bugs[0];`,
    });
    expect(await cli(['validate', 'scenarios'], { cwd: dir })).toMatchObject({ code: 0, stdout: '2 scenarios are valid.\n' });
  });
});

describe('scenariokit build', () => {
  it('prints every create payload as JSON', async () => {
    const run = await cli(['build', 'scenarios/parser.ts'], { cwd: project(scenarios) });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      Scenario.define('fix-null').problem('parse(null) crashes').scorer({ name: undefined, definition: { type: 'command_scorer', command: 'npm test' } }).buildCreate(),
      expect.objectContaining({ name: 'variant-a' }),
      expect.objectContaining({ name: 'variant-b' }),
    ]);
  });

  it('refuses --out when two names would share a file', async () => {
    const dir = project({
      'case.ts': `export const a = Scenario.define('Bug-1').problem('p').scorer(command('t'));
export const b = Scenario.define('bug-1').problem('p').scorer(command('t'));`,
    });
    const run = await cli(['build', 'scenarios', '--out', 'out'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('some scenario names differ only in case, so their files would overwrite each other: bug-1.json');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('writes one file per scenario with --out', async () => {
    const dir = project(scenarios);
    const run = await cli(['build', 'scenarios', '--out', 'payloads'], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stdout: 'Wrote 4 payloads to payloads.\n' });
    expect(readdirSync(join(dir, 'payloads')).sort()).toEqual(['fix-null.json', 'no-moment.json', 'variant-a.json', 'variant-b.json']);
    expect(JSON.parse(readFileSync(join(dir, 'payloads', 'no-moment.json'), 'utf8'))).toMatchObject({ name: 'no-moment' });
  });
});

describe('scenariokit push and plan on the embedded local target', () => {
  it('pushes without an account, announces the local target, and is idempotent', async () => {
    const dir = project(scenarios);
    const first = await cli(['push', 'scenarios'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('No RUNLOOP_API_KEY set: using the embedded local target (.scenariokit/runloop.json)');
    expect(first.stderr).toMatch(/\[4\/4\] \S+ created \(scn_\w+\)/);
    expect(first.stdout).toBe('4 were created, 0 were updated, 0 unchanged, 0 failed.\n');
    expect(existsSync(join(dir, '.scenariokit', 'runloop.json'))).toBe(true);

    const second = await cli(['push', 'scenarios'], { cwd: dir });
    expect(second.stdout).toBe('0 were created, 0 were updated, 4 unchanged, 0 failed.\n');

    writeFileSync(join(dir, 'scenarios', 'parser.ts'), readFileSync(join(dir, 'scenarios', 'parser.ts'), 'utf8').replace("'Fix ' + v", "'Fix ' + v + ' quickly'"));
    const plan = await cli(['plan', 'scenarios'], { cwd: dir });
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('~ variant-a (scn_');
    expect(plan.stdout).toContain('+   "problem_statement": "Fix a quickly"');
    expect(plan.stdout).toContain('0 to create, 2 to update, 2 unchanged.\nRun scenariokit push scenarios to apply.');
  }, 30_000);

  it('plans and pushes as JSON with --json, and writes nothing with --dry-run', async () => {
    const dir = project(scenarios);
    const dry = await cli(['push', 'scenarios', '--dry-run', '--json'], { cwd: dir });
    expect(JSON.parse(dry.stdout)).toEqual({ results: expect.arrayContaining([{ name: 'fix-null', action: 'create' }]), warnings: [] });
    const plan = await cli(['plan', 'scenarios', '--json'], { cwd: dir });
    expect(JSON.parse(plan.stdout).items.map((item: { action: string }) => item.action)).toEqual(['create', 'create', 'create', 'create']);
  }, 30_000);

  it('shows a progress bar on a terminal', async () => {
    const run = await cli(['push', 'scenarios'], { cwd: project(scenarios), tty: true });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/pushing \[[█░]+\] \d\/4/);
    expect(run.stderr).not.toMatch(/\[\d\/4\] /);
  }, 30_000);
});

describe('the embedded local target', () => {
  it('is used by one command at a time; another stops with exit code 2, saying who holds it and how to recover', async () => {
    const dir = project(scenarios);
    mkdirSync(join(dir, '.scenariokit'));
    const release = await acquireLock(join(dir, '.scenariokit', 'runloop.json.lock'), 'the embedded local target (.scenariokit/runloop.json)');
    const refused = await cli(['push', 'scenarios'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /another scenariokit command \(process \d+, since [\d-]+T[\d:.]+Z\) is using the embedded local target \(\.scenariokit\/runloop\.json\); wait for it to finish, then run this one again\. If no scenariokit command is running, remove the lock and run this one again: rm -r \S+\/\.scenariokit\/runloop\.json\.lock\n$/,
    );
    expect(existsSync(join(dir, '.scenariokit', 'runloop.json'))).toBe(false);
    await release();
    expect(await cli(['push', 'scenarios'], { cwd: dir })).toMatchObject({ code: 0, stdout: '4 were created, 0 were updated, 0 unchanged, 0 failed.\n' });
    expect(readdirSync(join(dir, '.scenariokit'))).toEqual(['runloop.json']); // the lock is released, nothing left behind
  }, 30_000);
});

describe('a corrupt embedded store', () => {
  it('stops the command, saying how to recover and what is lost, and releases the lock', async () => {
    const dir = project(scenarios);
    mkdirSync(join(dir, '.scenariokit'));
    writeFileSync(join(dir, '.scenariokit', 'runloop.json'), '{"format":"scenariokit-fake-runloop","vers');
    const run = await cli(['push', 'scenarios'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`.scenariokit/runloop.json is not JSON (`);
    expect(run.stderr).toContain(`To start again with an empty store, move it aside: mv ${join(dir, '.scenariokit', 'runloop.json')} ${join(dir, '.scenariokit', 'runloop.json')}.broken.`);
    expect(run.stderr).toContain('the next push creates them again with new ids');
    expect(readdirSync(join(dir, '.scenariokit'))).toEqual(['runloop.json']);
  });
});

describe('scenariokit against Runloop (RUNLOOP_API_KEY set)', () => {
  let fake: FakeRunloop;
  afterAll(async () => fake?.close());

  it('uses RUNLOOP_BASE_URL, never prints the API key, and exits 1 when a scenario fails', async () => {
    fake = await startFakeRunloop({ apiKey: 'rl_live_do_not_print_me' });
    const client = fake.client();
    // two stored scenarios named fix-null: the CLI must not choose between them
    await Scenario.define('fix-null').problem('old').scorer({ name: undefined, definition: { type: 'command_scorer', command: 'x' } }).create({ client });
    await Scenario.define('fix-null').problem('old').scorer({ name: undefined, definition: { type: 'command_scorer', command: 'x' } }).create({ client });
    const dir = project(scenarios);
    const run = await cli(['push', 'scenarios', '--json'], { cwd: dir, env: fake.env });
    expect(run.code).toBe(1);
    const { results } = JSON.parse(run.stdout) as { results: { name: string; error?: string }[] };
    expect(results.filter((r) => r.error)).toEqual([{ name: 'fix-null', action: 'update', error: expect.stringContaining('2 stored scenarios are named "fix-null"') }]);
    const plan = await cli(['plan', 'scenarios'], { cwd: dir, env: fake.env });
    expect(plan.code).toBe(1);
    expect(plan.stdout).toContain('0 to create, 0 to update, 3 unchanged, 1 cannot be pushed (see !).');
    expect(fake.scenarios.filter((view) => view.name !== 'fix-null')).toHaveLength(3);
    expect(existsSync(join(dir, '.scenariokit'))).toBe(false);
    expect(run.stdout + run.stderr).not.toContain('rl_live_do_not_print_me');
  }, 30_000);

  it('pulls a stored scenario as TypeScript that rebuilds it and type-checks', async () => {
    const view = await Scenario.define('pulled-scenario')
      .env({ snapshotId: 'snp_1', workingDirectory: '/repo', launch: { resourceSize: { cpu: 2, memoryGb: 4 }, launchCommands: ['npm ci'] } })
      .problem('Line one\nline `two` ${x}', { context: { issue: 7, "odd key": [true, null] } })
      .scorer({ name: 'grep', definition: { type: 'ast_grep_scorer', pattern: 'console.log(\\$\\$\\$)', search_directory: 'src' } }, 2)
      .scorer({ name: 'raw', definition: { type: 'ast_grep_scorer', pattern: '$UNESCAPED', search_directory: '.' } }, 1)
      .scorer({ name: 'tests', definition: { type: 'test_based_scorer', test_command: 'npm test', test_files: [{ file_path: 'a.test.ts', file_contents: 'it()\n' }] } }, 1)
      .metadata({ team: 'evals' })
      .referenceOutput('diff --git')
      .requiredEnv(['CI'])
      .validation('FORWARD')
      .scorerTimeout(300)
      .create({ client: fake.client() });
    const dir = join(root, 'test', '.tmp');
    mkdirSync(dir, { recursive: true });
    rmSync(join(dir, 'pulled.ts'), { force: true });
    rmSync(join(dir, 'a'), { recursive: true, force: true });
    workdirs.push(dir);
    const run = await cli(['pull', view.id, '--out', 'test/.tmp/pulled.ts'], { cwd: root, env: fake.env });
    expect(run).toMatchObject({ code: 0, stdout: 'Wrote test/.tmp/pulled.ts.\n' });
    expect((await cli(['pull', view.id, '--out', 'test/.tmp/a/new/dir/pulled.ts'], { cwd: root, env: fake.env })).code).toBe(0);
    expect(existsSync(join(dir, 'a/new/dir/pulled.ts'))).toBe(true);
    const code = readFileSync(join(dir, 'pulled.ts'), 'utf8');
    expect(code).toContain("astGrep('console.log($$$)', { name: 'grep', searchDirectory: 'src' })");
    expect(code).toContain("astGrep('$UNESCAPED', { name: 'raw', escaped: true })");
    const pulled = (await import(join(dir, 'pulled.ts'))) as { pulledScenario: ReturnType<typeof Scenario.fromView> };
    expect(pulled.pulledScenario.build()).toEqual(Scenario.fromView(view).build());
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../../tsconfig.json', include: ['pulled.ts'] }));
    await promisify(execFile)(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', join(dir, 'tsconfig.json')]);
  }, 60_000);
});

describe('scenariokit pull of a scenario without metadata or required lists', () => {
  it('states the empty values with .clear(), so that the code rebuilds what fromView does', async () => {
    const fake = await startFakeRunloop();
    try {
      const view = await fake.client().scenarios.create({
        name: 'bare',
        input_context: { problem_statement: 'p' },
        scoring_contract: { scoring_function_parameters: [{ name: 'c', scorer: { type: 'command_scorer', command: 'true' }, weight: 1 }] },
        required_environment_variables: [],
      });
      const run = await cli(['pull', view.id], { cwd: root, env: fake.env });
      expect(run.stdout).toContain(".clear('metadata')\n  .clear('requiredEnv');");
      const dir = join(root, 'test', '.tmp');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'bare.ts'), run.stdout);
      const pulled = (await import(join(dir, 'bare.ts'))) as { bare: ReturnType<typeof Scenario.fromView> };
      expect(pulled.bare.build()).toEqual(Scenario.fromView(view).build());
    } finally {
      await fake.close();
    }
  });
});

describe('usage', () => {
  it('exits 2 on unknown commands and bad options, 0 for --help and --version', async () => {
    const cwd = project(scenarios);
    expect((await cli(['deploy'], { cwd })).code).toBe(2);
    const bad = await cli(['push', 'scenarios', '--concurrency', '0'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('must be a whole number of at least 1');
    expect((await cli(['--help'], { cwd })).stdout).toContain('Usage: scenariokit');
    expect(await cli(['--version'], { cwd })).toMatchObject({ code: 0, stdout: `${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}\n` });
  });
});
